package org.exoret.retrieval;

import java.util.Locale;
import org.exoret.ExoretException;

/** Which forward model drives a retrieval: configuration key {@code model}. */
public enum ForwardModelKind {
    /** The radiative-transfer reference ({@code model = rt}). */
    RT,
    /** A trained neural surrogate bundle ({@code model = surrogate}, with {@code bundle}). */
    SURROGATE;

    /**
     * @param text {@code rt} or {@code surrogate}, case-insensitive
     * @return the kind
     */
    public static ForwardModelKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                    "model must be 'rt' or 'surrogate', got '" + text + "'");
        }
    }
}

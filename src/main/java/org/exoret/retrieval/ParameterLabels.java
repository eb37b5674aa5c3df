package org.exoret.retrieval;

import java.util.Map;

/** Units and plain-text display labels of the retrieval's parameters. */
final class ParameterLabels {

    /**
     * @param unit unit text
     * @param text display label (no LaTeX)
     */
    record Label(String unit, String text) {
    }

    private static final Map<String, Label> KNOWN = Map.of(
            "log10_kappa", new Label("dex (cm² g⁻¹)", "log10 κ'"),
            "log10_gamma1", new Label("dex", "log10 γ1"),
            "log10_gamma2", new Label("dex", "log10 γ2"),
            "alpha", new Label("", "α"),
            "beta", new Label("", "β"));

    private ParameterLabels() {
    }

    /**
     * @param name a parameter name
     * @return its unit and label; molecule scale factors {@code log10_scale_X} read "log10 X scale"
     */
    static Label of(String name) {
        Label known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        if (name.startsWith("log10_scale_")) {
            return new Label("dex", "log10 " + name.substring("log10_scale_".length()) + " scale");
        }
        return new Label("", name);
    }
}

package org.exoret.forward;

import java.util.Arrays;
import java.util.Objects;
import org.exoret.ExoretException;

/**
 * The outcome of one batched {@link ForwardModel} call: per row either band depths (and optionally a
 * spectrum) or a rejection reason. Immutable: arrays are copied in and out.
 */
public final class ForwardResult {

    private final double[][] bandDepth;
    private final double[][] spectrum;
    private final String[] rejection;

    private ForwardResult(double[][] bandDepth, double[][] spectrum, String[] rejection) {
        this.bandDepth = bandDepth;
        this.spectrum = spectrum;
        this.rejection = rejection;
    }

    /**
     * @param bandDepth band depths per row; a rejected row's entry may be {@code null}
     * @param spectrum spectra per row, or {@code null} when not requested
     * @param rejection reason per row, {@code null} for accepted rows; may itself be {@code null} when none is rejected
     * @return the result
     */
    public static ForwardResult of(double[][] bandDepth, double[][] spectrum, String[] rejection) {
        Objects.requireNonNull(bandDepth, "bandDepth");
        int n = bandDepth.length;
        String[] reasons = rejection == null ? new String[n] : rejection.clone();
        if (reasons.length != n || (spectrum != null && spectrum.length != n)) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    "forward result rows disagree: " + n + " band-depth rows, "
                            + reasons.length + " rejection entries" + (spectrum == null ? "" : ", " + spectrum.length + " spectra"));
        }
        for (int i = 0; i < n; i++) {
            if (reasons[i] == null && bandDepth[i] == null) {
                throw new ExoretException(ExoretException.Kind.MISMATCH, "row " + i + " is neither rejected nor has band depths");
            }
        }
        return new ForwardResult(deepCopy(bandDepth), spectrum == null ? null : deepCopy(spectrum), reasons);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    /** @return the number of rows */
    public int size() {
        return bandDepth.length;
    }

    /**
     * @param row row index
     * @return whether the row was accepted by the model's physics
     */
    public boolean accepted(int row) {
        return rejection[row] == null;
    }

    /**
     * @param row row index
     * @return why the row was rejected, or {@code null} when accepted
     */
    public String rejection(int row) {
        return rejection[row];
    }

    /**
     * @param row an accepted row
     * @return its band depths (a copy)
     */
    public double[] bandDepth(int row) {
        if (!accepted(row)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "row " + row + " was rejected: " + rejection[row]);
        }
        return bandDepth[row].clone();
    }

    /** @return whether spectra were computed */
    public boolean hasSpectra() {
        return spectrum != null;
    }

    /**
     * @param row an accepted row of a result computed with spectra
     * @return its spectrum (a copy)
     */
    public double[] spectrum(int row) {
        if (spectrum == null) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "spectra were not requested for this result");
        }
        if (!accepted(row)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "row " + row + " was rejected: " + rejection[row]);
        }
        return spectrum[row].clone();
    }

    @Override
    public String toString() {
        long rejected = Arrays.stream(rejection).filter(Objects::nonNull).count();
        return "ForwardResult[" + size() + " rows, " + rejected + " rejected" + (hasSpectra() ? ", with spectra" : "") + "]";
    }
}

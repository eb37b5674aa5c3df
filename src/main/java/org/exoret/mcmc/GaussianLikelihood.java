package org.exoret.mcmc;

import java.util.Arrays;
import java.util.Objects;
import org.exoret.ExoretException;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;

/**
 * Gaussian log-likelihood of observed band depths around any {@link ForwardModel}:
 * ln L = −½ Σ_b ((d_b − m_b(θ)) / σ_b)², i.e. −½χ², MC3's convention (the normalisation constant is dropped).
 * A row the model rejects (for instance a temperature outside the opacity grid) has zero likelihood (−∞);
 * so has a row with an infinite model value. A NaN model value or a row with the wrong number of band depths
 * is a model fault and raises an error.
 *
 * <p>Free-parameter vectors are expanded with the fixed values of the {@link ParameterSpace} before the
 * model call, in one batched {@link ForwardModel#evaluate(double[][])} per call. Immutable and thread-safe
 * when the model is.
 */
public final class GaussianLikelihood implements LogDensity {

    private final ForwardModel model;
    private final ParameterSpace space;
    private final double[] data;
    private final double[] inverseSigma;

    /**
     * @param model the forward model; its parameter names must equal the space's names, in order
     * @param space parameters (free and fixed)
     * @param data observed band depths, one per model band
     * @param uncertainty 1σ uncertainties of the data, positive, same length
     */
    public GaussianLikelihood(ForwardModel model, ParameterSpace space, double[] data, double[] uncertainty) {
        this.model = Objects.requireNonNull(model, "model");
        this.space = Objects.requireNonNull(space, "space");
        if (!model.parameterNames().equals(space.names())) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the forward model's parameters " + model.parameterNames()
                    + " differ from the parameter space's " + space.names());
        }
        if (data.length != uncertainty.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    data.length + " data values but " + uncertainty.length + " uncertainties");
        }
        if (data.length != model.bandCount()) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    data.length + " data values but the forward model has " + model.bandCount() + " bands");
        }
        this.data = data.clone();
        this.inverseSigma = new double[uncertainty.length];
        for (int b = 0; b < data.length; b++) {
            ExoretException.requireFinite("datum " + b, data[b]);
            inverseSigma[b] = 1.0 / ExoretException.requirePositive("uncertainty " + b, uncertainty[b]);
        }
    }

    /** @return the number of data points */
    public int dataCount() {
        return data.length;
    }

    @Override
    public double[] logDensity(double[][] x) {
        int n = x.length;
        int full = space.parameters().size();
        double[][] theta = new double[n][full];
        for (int i = 0; i < n; i++) {
            if (x[i].length != space.dimension()) {
                throw new ExoretException(ExoretException.Kind.MISMATCH,
                        "row " + i + " has " + x[i].length + " values, the space has " + space.dimension() + " free parameters");
            }
            space.expand(x[i], theta[i]);
        }
        ForwardResult result = model.evaluate(theta);
        if (result.size() != n) {
            throw new ExoretException(ExoretException.Kind.MISMATCH,
                    "the forward model returned " + result.size() + " rows for a batch of " + n);
        }
        double[] logL = new double[n];
        for (int i = 0; i < n; i++) {
            logL[i] = result.accepted(i) ? logLikelihood(result.bandDepth(i), theta[i]) : Double.NEGATIVE_INFINITY;
        }
        return logL;
    }

    /**
     * @param modelDepth band depths of one accepted row
     * @param theta the row's full parameter vector (for messages)
     * @return −½χ²
     */
    private double logLikelihood(double[] modelDepth, double[] theta) {
        if (modelDepth.length != data.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, "the forward model returned " + modelDepth.length
                    + " band depths for " + Arrays.toString(theta) + ", the data have " + data.length);
        }
        double chi2 = 0;
        for (int b = 0; b < data.length; b++) {
            if (Double.isNaN(modelDepth[b])) {
                throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                        "the forward model returned NaN in band " + b + " for parameters " + Arrays.toString(theta));
            }
            double r = (data[b] - modelDepth[b]) * inverseSigma[b];
            chi2 += r * r;
        }
        return Double.isFinite(chi2) ? -0.5 * chi2 : Double.NEGATIVE_INFINITY;
    }
}

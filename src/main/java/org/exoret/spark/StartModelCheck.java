package org.exoret.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardModel;
import org.exoret.forward.ForwardResult;
import org.exoret.rt.Observations;
import org.exoret.rt.RtConfig;

/**
 * A per-target check for batch tables: evaluates the radiative-transfer reference at the configuration's start
 * parameters ({@code params}) and compares its band depths with the configuration's observations, giving
 * χ² = Σ_b ((model_b − data_b)/σ_b)². The model comes from {@link ExecutorModels}, so targets sharing a set-up share
 * the opacity tables on an executor.
 *
 * <p>Summary columns: {@code model_hash}, one column per free parameter (its start value), {@code bands},
 * {@code chi2}, {@code chi2_per_band} and {@code max_abs_residual_sigma}.
 *
 * @param section the INI section of the RT set-up, normally {@code rt}
 * @param dataRoot absolute path of the data root, the same on every executor
 */
public record StartModelCheck(String section, String dataRoot) implements RetrievalRunner {

    @Override
    public Map<String, String> run(Path config) {
        RtModelFactory factory = RtModelFactory.read(config, section, DataRoot.of(Path.of(dataRoot)));
        RtConfig rt = factory.config();
        ForwardModel model = ExecutorModels.get(factory);
        double[] theta = rt.startParameters();
        List<String> names = model.parameterNames();
        if (theta.length != names.size()) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, config + ": key 'params' has " + theta.length
                    + " start values; the model's free parameters are " + names);
        }
        if (rt.observations() == null) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, config + ": key 'observations' is required");
        }
        Observations obs = Observations.read(rt.observations());
        ForwardResult result = model.evaluate(new double[][] {theta});
        if (!result.accepted(0)) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION, config + ": the start parameters are rejected: "
                    + result.rejection(0));
        }
        double[] depth = result.bandDepth(0);
        double[] data = obs.depth();
        double[] sigma = obs.uncertainty();
        if (depth.length != data.length) {
            throw new ExoretException(ExoretException.Kind.MISMATCH, config + ": the model has " + depth.length
                    + " bands, the observations " + data.length);
        }
        double chi2 = 0;
        double maxResidual = 0;
        for (int b = 0; b < depth.length; b++) {
            double r = (depth[b] - data[b]) / sigma[b];
            chi2 += r * r;
            maxResidual = Math.max(maxResidual, Math.abs(r));
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("model_hash", factory.configurationHash());
        for (int k = 0; k < names.size(); k++) {
            row.put(names.get(k), Double.toString(theta[k]));
        }
        row.put("bands", Integer.toString(depth.length));
        row.put("chi2", format(chi2));
        row.put("chi2_per_band", format(chi2 / depth.length));
        row.put("max_abs_residual_sigma", format(maxResidual));
        return row;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}

package org.exoret.retrieval;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardModel;
import org.exoret.mcmc.Parameter;
import org.exoret.mcmc.Prior;
import org.exoret.rt.RtForwardModel;
import org.exoret.surrogate.BundleDescriptor;
import org.exoret.surrogate.Devices;
import org.exoret.surrogate.SurrogateForwardModel;

/** Opens the forward model a retrieval configuration names. */
final class ForwardModels {

    private ForwardModels() {
    }

    static ForwardModel open(RetrievalConfig config, DataRoot root) {
        return switch (config.model()) {
            case RT -> RtForwardModel.fromConfig(config.rt(), root);
            case SURROGATE -> openSurrogate(config);
        };
    }

    /**
     * Loads the bundle with its stored band projection (fused into the last layer when the outputs are linear) and
     * refuses it unless its parameters, wavenumber grid and bands match the configuration and every prior lies
     * inside the training ranges.
     */
    private static ForwardModel openSurrogate(RetrievalConfig config) {
        Path bundle = config.bundle().orElseThrow();
        BundleDescriptor descriptor = BundleDescriptor.read(bundle);
        descriptor.requireBands(config.bandIds());
        Device device = Devices.parse(config.device(), "device");
        SurrogateForwardModel model = SurrogateForwardModel.open(bundle, device, !descriptor.outputScaling().anyLog());
        try {
            List<Parameter> parameters = config.parameters().parameters();
            double[] lower = new double[parameters.size()];
            double[] upper = new double[parameters.size()];
            for (int j = 0; j < parameters.size(); j++) {
                double[] range = priorRange(parameters.get(j).prior());
                lower[j] = range[0];
                upper[j] = range[1];
            }
            model.requireCompatible(config.parameters().names(), config.rt().wavenumberGrid(), lower, upper);
            return model;
        } catch (ExoretException e) {
            model.close();
            throw new ExoretException(e.kind(), "bundle " + bundle + " does not fit " + config.file() + ": " + e.getMessage(), e);
        }
    }

    private static double[] priorRange(Prior prior) {
        if (prior instanceof Prior.Uniform u) {
            return new double[] {u.min(), u.max()};
        }
        if (prior instanceof Prior.Gaussian g) {
            return new double[] {g.min(), g.max()};
        }
        double v = ((Prior.Fixed) prior).value();
        return new double[] {v, v};
    }
}

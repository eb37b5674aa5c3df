package org.exoret.retrieval;

import org.exoret.ExoretException;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardModel;
import org.exoret.rt.RtForwardModel;

/** Opens the forward model a retrieval configuration names. */
final class ForwardModels {

    private ForwardModels() {
    }

    static ForwardModel open(RetrievalConfig config, DataRoot root) {
        return switch (config.model()) {
            case RT -> RtForwardModel.fromConfig(config.rt(), root);
            case SURROGATE -> throw new ExoretException(ExoretException.Kind.CONFIGURATION, "surrogate pending");
        };
    }
}

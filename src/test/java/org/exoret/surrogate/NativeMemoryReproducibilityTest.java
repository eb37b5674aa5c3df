package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.TrainingSet;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long form of the memory check: 10⁶ calls at batch 10 (mvn verify -Preproducibility). */
@Tag("reproducibility")
class NativeMemoryReproducibilityTest {

    @Test
    void millionCallsKeepNativeMemoryFlat(@TempDir Path dir) {
        GaussianLineModel model = new GaussianLineModel(120);
        new TrainingSetGenerator(model, GaussianLineModel.space(), "gaussian-line-120")
                .generate(dir.resolve("set"), new GenerationPlan(500, 5, Design.UNIFORM, 500, 100, 2), GenerationListener.NONE);
        SurrogateTrainer.train(TrainingSet.open(dir.resolve("set")), TrainingOptions.builder()
                .optArchitecture(Architecture.dense(List.of(64, 64), Architecture.ActivationKind.RELU))
                .optMaxEpochs(1).optPlotCount(0).build(), dir.resolve("bundle"), TrainingListener.NONE);
        long growth = MemoryProbe.flatOver(dir.resolve("bundle"), model.bandProjection(), 1_000_000, 10);
        assertTrue(growth < MemoryProbe.allowedGrowthBytes(1_000_000), "resident memory grew by " + (growth >> 20) + " MiB");
    }
}

package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import org.exoret.dataset.Design;
import org.exoret.dataset.GenerationListener;
import org.exoret.dataset.GenerationPlan;
import org.exoret.dataset.TrainingSet;
import org.exoret.dataset.TrainingSetGenerator;
import org.exoret.forward.ForwardResult;
import org.exoret.testmodel.GaussianLineModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** The same bundle on a CUDA GPU and on the CPU gives the same band depths to float32 rounding (mvn -Pgpu). */
@Tag("gpu")
@EnabledIf("gpuPresent")
class SurrogateGpuTest {

    @TempDir
    Path dir;

    static boolean gpuPresent() {
        return Engine.getInstance().getGpuCount() > 0;
    }

    @Test
    void gpuBandDepthsEqualCpuToFloat32Precision() {
        GaussianLineModel model = new GaussianLineModel(120);
        new TrainingSetGenerator(model, GaussianLineModel.space(), "gaussian-line-120")
                .generate(dir.resolve("set"), new GenerationPlan(600, 5, Design.UNIFORM, 300, 100, 2), GenerationListener.NONE);
        Path bundle = dir.resolve("bundle");
        SurrogateTrainer.train(TrainingSet.open(dir.resolve("set")), TrainingOptions.builder()
                .optArchitecture(Architecture.dense(List.of(64, 64), Architecture.ActivationKind.RELU))
                .optBatchSize(128).optMaxEpochs(3).optPlotCount(0).optDevice(Device.gpu()).build(), bundle,
                TrainingListener.NONE);
        double[][] theta = Design.UNIFORM.points(GaussianLineModel.space(), 11, 0, 100);
        for (boolean fuse : new boolean[] {true, false}) {
            try (SurrogateForwardModel cpu = SurrogateForwardModel.open(bundle, model.bandProjection(), Device.cpu(), fuse,
                         SurrogateForwardModel.Inference.NATIVE);
                 SurrogateForwardModel gpu = SurrogateForwardModel.open(bundle, model.bandProjection(), Device.gpu(), fuse)) {
                assertFalse(gpu.javaInference());
                ForwardResult a = cpu.evaluate(theta);
                ForwardResult b = gpu.evaluate(theta);
                double scale = 0;
                for (int i = 0; i < theta.length; i++) {
                    for (double d : a.bandDepth(i)) {
                        scale = Math.max(scale, Math.abs(d));
                    }
                }
                for (int i = 0; i < theta.length; i++) {
                    assertArrayEquals(a.bandDepth(i), b.bandDepth(i),
                            SurrogateForwardModelTest.FLOAT32_RELATIVE * scale, "fuse " + fuse + ", row " + i);
                }
            }
        }
    }
}

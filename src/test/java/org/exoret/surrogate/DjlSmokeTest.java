package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DJL runs offline from the Maven native jar, trains, and is reproducible under a fixed seed. */
class DjlSmokeTest {

    /** Loss of the first and last step, and the flattened final weights. */
    private record Run(float firstLoss, float lastLoss, float[] weights) {
    }

    private static Run train(int seed) {
        Engine.getInstance().setRandomSeed(seed);
        try (Model model = Model.newInstance("smoke")) {
            SequentialBlock net = new SequentialBlock()
                    .add(Linear.builder().setUnits(16).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(1).build());
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(64, 2));
                NDManager manager = trainer.getManager();
                // y = sin(x0) + 0.5 x1 on a fixed grid: deterministic data, no random draws.
                float[] x = new float[128];
                float[] y = new float[64];
                for (int i = 0; i < 64; i++) {
                    x[2 * i] = -2f + 4f * i / 63f;
                    x[2 * i + 1] = (i % 8) / 4f - 1f;
                    y[i] = (float) Math.sin(x[2 * i]) + 0.5f * x[2 * i + 1];
                }
                NDArray features = manager.create(x, new Shape(64, 2));
                NDArray labels = manager.create(y, new Shape(64, 1));
                float first = Float.NaN;
                float last = Float.NaN;
                for (int step = 0; step < 200; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray prediction = trainer.forward(new NDList(features)).singletonOrThrow();
                        NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(prediction));
                        collector.backward(loss);
                        float value = loss.getFloat();
                        if (step == 0) {
                            first = value;
                        }
                        last = value;
                    }
                    trainer.step();
                }
                List<Float> weights = new ArrayList<>();
                for (Pair<String, Parameter> p : net.getParameters()) {
                    for (float w : p.getValue().getArray().toFloatArray()) {
                        weights.add(w);
                    }
                }
                float[] flat = new float[weights.size()];
                for (int i = 0; i < flat.length; i++) {
                    flat[i] = weights.get(i);
                }
                return new Run(first, last, flat);
            }
        }
    }

    @Test
    void trainsOfflineAndLossFalls() {
        assertEquals("true", System.getProperty("ai.djl.offline"), "tests must run DJL offline");
        assertEquals("PyTorch", Engine.getInstance().getEngineName());
        Run run = train(42);
        assertTrue(run.lastLoss() < 0.1f * run.firstLoss(),
                "loss should fall by 10x in 200 Adam steps: first " + run.firstLoss() + ", last " + run.lastLoss());
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        Run a = train(7);
        Run b = train(7);
        assertArrayEquals(a.weights(), b.weights(), 0f);
    }
}

package org.exoret.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.exoret.ExoretException;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void descriptionsReadBackIntoTheSameNetwork() {
        for (Architecture a : List.of(
                Architecture.dense(List.of(384, 384, 384), Architecture.ActivationKind.RELU),
                Architecture.dense(List.of(64), Architecture.ActivationKind.LEAKY_RELU),
                Architecture.conv(16, 3, List.of(256, 256), Architecture.ActivationKind.GELU))) {
            assertEquals(a, Architecture.parse(a.describe()));
        }
        assertEquals(Architecture.dense(List.of(256, 128), Architecture.ActivationKind.TANH),
                Architecture.parse("  Dense 256x128   TANH "));
        assertEquals(Architecture.dense(List.of(32), Architecture.ActivationKind.LEAKY_RELU),
                Architecture.parse("dense 32 leaky-relu"));
    }

    @Test
    void unreadableDescriptionsSayHowToWriteOne() {
        for (String bad : List.of("dense 384,384 relu", "dense relu", "mlp 64 relu")) {
            ExoretException e = assertThrows(ExoretException.class, () -> Architecture.parse(bad), bad);
            assertTrue(e.getMessage().contains("'dense 384x384x384 relu'"), e.getMessage());
        }
        assertTrue(assertThrows(ExoretException.class, () -> Architecture.parse("dense 64 swish")).getMessage()
                .contains("use relu, leaky_relu, tanh or gelu"));
        assertTrue(assertThrows(ExoretException.class, () -> Architecture.parse("conv16k4 + dense 64 relu"))
                .getMessage().contains("odd kernel width"));
    }

    @Test
    void multiplyAccumulatesCountEveryLayer() {
        Architecture a = Architecture.dense(List.of(384, 384, 384), Architecture.ActivationKind.RELU);
        assertEquals(9 * 384 + 2 * 384 * 384 + 384 * 79, a.multiplyAccumulates(9, 79));
        Architecture c = Architecture.conv(16, 3, List.of(32), Architecture.ActivationKind.RELU);
        assertEquals(9 * 16 * 3 + 9 * 16 * 32 + 32 * 5, c.multiplyAccumulates(9, 5));
    }
}

package org.exoret.surrogate;

import ai.djl.Device;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.exoret.dataset.Design;
import org.exoret.forward.BandProjection;
import org.exoret.testmodel.GaussianLineModel;

/**
 * Measures native-memory growth over many surrogate calls: the resident set (Linux /proc/self/status) minus the
 * committed Java heap, sampled after each tenth of the calls. The first tenth is warm-up (heap and allocator pools
 * reach their working size); the Java heap resizes in steps that make single samples noisy, so the growth is the
 * rise of the floor: minimum of the last three samples minus minimum of samples 2–4.
 */
final class MemoryProbe {

    /**
     * Allowed rise: allocator and heap-resizing noise stay well below; a leaked child manager would keep ≥ 3 kB of
     * native arrays per call, i.e. ≥ 120 MB over the last 60 % of 10⁵ calls.
     */
    static final long ALLOWED_GROWTH_BYTES = 64L << 20;

    private MemoryProbe() {
    }

    static long flatOver(Path bundle, BandProjection projection, int calls, int batch) {
        double[][] theta = Design.UNIFORM.points(GaussianLineModel.space(), 77, 0, batch);
        long[] samples = new long[10];
        try (SurrogateForwardModel s = SurrogateForwardModel.open(bundle, projection, Device.cpu(), true,
                SurrogateForwardModel.Inference.NATIVE)) {
            for (int i = 0; i < 5000; i++) {
                s.evaluate(theta);
            }
            for (int k = 0; k < samples.length; k++) {
                for (int i = 0; i < calls / samples.length; i++) {
                    s.evaluate(theta);
                }
                samples[k] = nativeBytes();
            }
        }
        long first = Arrays.stream(samples, 1, 4).min().orElseThrow();
        long last = Arrays.stream(samples, samples.length - 3, samples.length).min().orElseThrow();
        return last - first;
    }

    /** Resident set minus the committed Java heap: what native (libtorch) allocations change. */
    static long nativeBytes() {
        return residentBytes() - ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}

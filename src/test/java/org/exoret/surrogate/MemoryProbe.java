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
 * committed Java heap and non-heap memory, sampled after each tenth of the calls. The first tenths are warm-up: the
 * heap is committed before it is touched (the difference starts negative) and allocator pools reach their working
 * size, which on a loaded 2-core machine took until the fourth sample. Single samples are noisy, so the growth is
 * the rise of the floor: minimum of the last three samples minus minimum of samples 4–6; a leak of ≥ 3 kB per call
 * adds ≥ 120 MB between them.
 */
final class MemoryProbe {

    /**
     * Allowed rise over {@code calls} calls: half of what a leaked child manager would add, since it keeps ≥ 3 kB of
     * native arrays per call, i.e. ≥ 1.2 kB per call over the 40 % of the calls between the compared samples. Allocator
     * and heap-resizing noise has reached 167 MiB in full-suite runs over 10⁵ calls on a loaded 2-core machine, which
     * is why the default suite counts arrays instead ({@code SurrogateForwardModelTest}) and this probe runs over
     * 10⁶ calls (600 MB bar).
     *
     * @param calls calls measured
     * @return the allowed rise of the floor, bytes
     */
    static long allowedGrowthBytes(int calls) {
        return 600L * calls;
    }

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
        long first = Arrays.stream(samples, 3, 6).min().orElseThrow();
        long last = Arrays.stream(samples, samples.length - 3, samples.length).min().orElseThrow();
        return last - first;
    }

    /**
     * Resident set minus the committed Java heap and non-heap (metaspace, JIT code cache): what native (libtorch)
     * allocations change. The code cache matters on a loaded machine, where compilations finish late in the run.
     */
    static long nativeBytes() {
        java.lang.management.MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        return residentBytes() - bean.getHeapMemoryUsage().getCommitted() - bean.getNonHeapMemoryUsage().getCommitted();
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

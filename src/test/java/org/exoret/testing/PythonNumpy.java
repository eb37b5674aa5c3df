package org.exoret.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short Python snippets with NumPy for cross-checks; tests skip (via assumptions) where it is missing. */
public final class PythonNumpy {

    private PythonNumpy() {
    }

    /** @return whether {@code python3 -c "import numpy"} succeeds */
    public static boolean available() {
        try {
            return run("import numpy").exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Result of a run: exit code and combined output. */
    public record Result(int exitCode, String output) {
    }

    /**
     * @param script Python source
     * @param args arguments visible as sys.argv[1:]
     * @return exit code and output
     * @throws IOException when python3 cannot be started
     */
    public static Result run(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}

package org.exoret.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.exoret.ExoretException;
import org.exoret.Versions;
import org.exoret.data.DataRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code exoret info}: versions, the deep-learning engine, devices, threads and the data root in use. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print versions, the DJL engine and devices, thread settings and the data root.")
final class InfoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("exoret            %s%n", Versions.exoret());
        out.printf("java              %s%n", Versions.java());
        Engine engine;
        try {
            engine = Engine.getInstance();
        } catch (RuntimeException e) {
            throw new ExoretException(ExoretException.Kind.ENGINE,
                    "the DJL PyTorch engine could not start (offline=" + System.getProperty("ai.djl.offline")
                            + "): " + e.getMessage(), e);
        }
        out.printf("djl               %s%n", Engine.getDjlVersion());
        out.printf("engine            %s %s%n", engine.getEngineName(), engine.getVersion());
        out.printf("offline           %s%n", System.getProperty("ai.djl.offline", "false"));
        int gpus = engine.getGpuCount();
        StringBuilder devices = new StringBuilder(Device.cpu().toString());
        for (int i = 0; i < gpus; i++) {
            devices.append(", ").append(Device.gpu(i));
        }
        out.printf("devices           %s (gpu count %d)%n", devices, gpus);
        out.printf("cores             %d%n", Runtime.getRuntime().availableProcessors());
        out.printf("torch threads     intra-op %s, inter-op %s%n",
                System.getProperty("ai.djl.pytorch.num_threads", "default"),
                System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
        out.printf("java max heap     %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
        DataRoot root = DataRoot.fromEnvironment();
        out.printf("data root         %s (%s)%s%n", root.path(), root.source(), root.exists() ? "" : " [missing]");
        out.flush();
        return 0;
    }
}

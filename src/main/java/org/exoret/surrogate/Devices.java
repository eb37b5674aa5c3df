package org.exoret.surrogate;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.exoret.ExoretException;

/** The devices a surrogate trains and runs on, by the names users give them ({@code cpu}, {@code gpu}). */
public final class Devices {

    private Devices() {
    }

    /**
     * @param name {@code cpu} or {@code gpu}, any case
     * @param setting the option or key that gave it, for the message
     * @return the device (the first GPU for {@code gpu})
     * @throws ExoretException INVALID_ARGUMENT naming the setting for any other name
     */
    public static Device parse(String name, String setting) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> Device.gpu();
            default -> throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT,
                    setting + " " + name + ": use cpu or gpu");
        };
    }

    /**
     * Refuses a GPU that the engine does not see, before libtorch fails on it with a message about missing CUDA
     * kernels.
     *
     * @param device the device asked for
     * @return {@code device}
     * @throws ExoretException ENGINE saying what to install when a GPU is asked for and none is visible
     */
    public static Device requireAvailable(Device device) {
        if (Device.Type.GPU.equals(device.getDeviceType())) {
            Engine engine = Engine.getInstance();
            int gpus = engine.getGpuCount();
            if (device.getDeviceId() >= gpus) {
                throw new ExoretException(ExoretException.Kind.ENGINE, "device " + device + " asked for, but the "
                        + engine.getEngineName() + " engine sees " + gpus + " GPU(s): run on a machine with an NVIDIA "
                        + "GPU and the CUDA build of libtorch (mvn -Pgpu, docs/gpu.md), or choose cpu");
            }
        }
        return device;
    }
}

package org.exoret.bench;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.rt.LineByLineOpacities;
import org.exoret.rt.RtConfig;
import org.exoret.rt.RtForwardModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exoret bench rt}: times the RT forward model and writes rt.json and rt.md. */
@Command(name = "rt", mixinStandardHelpOptions = true,
        description = "Time the radiative-transfer forward model (single thread and all cores).")
public final class RtBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", description = "RT configuration (default: ${DEFAULT-VALUE})")
    Path config = Path.of("data/hd189733b_rt.cfg");

    @Option(names = "--section", description = "INI section (default: ${DEFAULT-VALUE})")
    String section = "rt";

    @Option(names = "--repetitions", description = "timed single-thread spectra (default: ${DEFAULT-VALUE})")
    int repetitions = 15;

    @Option(names = "--batch", description = "rows per all-core batch (default: ${DEFAULT-VALUE})")
    int batch = 32;

    @Option(names = "--out", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("benchmarks/results");

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        RtConfig cfg = RtConfig.fromIni(IniFile.read(config), section);
        DataRoot root = DataRoot.fromEnvironment();
        Double lineByLineBuildS = cfg.lineLists().isEmpty() ? null : timeLineByLineBuild(cfg, root);
        long t0 = System.nanoTime();
        RtForwardModel model = RtForwardModel.fromConfig(cfg, root);
        double setupS = (System.nanoTime() - t0) / 1e9;
        double[] theta = cfg.startParameters();
        RtBenchmark.Result r = RtBenchmark.run(model, theta, repetitions, batch);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ns_per_cell_1thread", r.nsPerCellOneThread());
        json.put("ns_per_cell_1thread_cpu_time", r.nsPerCellOneThreadCpu());
        json.put("ms_per_spectrum_1thread", r.msPerSpectrumOneThread());
        json.put("ms_per_spectrum_1thread_cpu_time", r.nsPerCellOneThreadCpu() * r.levels() * r.wavenumbers() / 1e6);
        json.put("spectra_per_s_all_cores", r.spectraPerSecondAllCores());
        json.put("co_lbl_table_build_s", lineByLineBuildS);
        json.put("model_setup_s", setupS);
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("config", config.toString());
        conf.put("levels", r.levels());
        conf.put("wavenumbers", r.wavenumbers());
        conf.put("wavenumber_range_per_cm", List.of(cfg.wavenumberLowPerCm(), cfg.wavenumberHighPerCm(), cfg.wavenumberStepPerCm()));
        conf.put("pressure_range_bar", List.of(cfg.topPressureBar(), cfg.bottomPressureBar()));
        conf.put("cross_sections", cfg.crossSectionFiles());
        conf.put("line_lists", cfg.lineLists().stream().map(RtConfig.LineList::species).toList());
        conf.put("line_by_line_grid", cfg.lineLists().isEmpty() ? null : Map.of(
                "temperatures_K", LineByLineOpacities.temperatureGridK(cfg).length,
                "pressures_bar", LineByLineOpacities.pressureGridBar(cfg).length));
        conf.put("cia", cfg.ciaFiles());
        conf.put("directions", cfg.quadrature().size());
        conf.put("parameters", theta);
        conf.put("repetitions", repetitions);
        conf.put("batch", batch);
        json.put("configuration", conf);
        json.put("machine", MachineInfo.describe());
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("rt.json"), new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json)
                    + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + out + ": " + e.getMessage(), e);
        }
        pw.printf(Locale.ROOT, "levels x wavenumbers   %d x %d%n", r.levels(), r.wavenumbers());
        if (lineByLineBuildS != null) {
            pw.printf(Locale.ROOT, "line-by-line build     %.2f s (%s)%n", lineByLineBuildS,
                    cfg.lineLists().stream().map(RtConfig.LineList::species).toList());
        }
        pw.printf(Locale.ROOT, "model setup            %.2f s (line-by-line tables from the cache)%n", setupS);
        pw.printf(Locale.ROOT, "1 thread, wall         %.2f ms/spectrum, %.2f ns/cell (median of %d)%n",
                r.msPerSpectrumOneThread(), r.nsPerCellOneThread(), repetitions);
        pw.printf(Locale.ROOT, "1 thread, CPU time     %.2f ns/cell (median of %d)%n", r.nsPerCellOneThreadCpu(), repetitions);
        pw.printf(Locale.ROOT, "%d cores               %.1f spectra/s (median of 5 batches of %d)%n",
                r.cores(), r.spectraPerSecondAllCores(), batch);
        pw.printf("wrote %s%n", out.resolve("rt.json"));
        pw.flush();
        return 0;
    }

    /** Builds the line-by-line tables from scratch in a temporary cache folder, which is removed afterwards. */
    private static double timeLineByLineBuild(RtConfig cfg, DataRoot root) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("exoret-lbl-bench");
            RtConfig fresh = cfg.toBuilder().optOpacityCache(folder).build();
            long t0 = System.nanoTime();
            for (RtConfig.LineList list : fresh.lineLists()) {
                LineByLineOpacities.opacity(fresh, list, root);
            }
            return (System.nanoTime() - t0) / 1e9;
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot create a temporary cache folder: " + e.getMessage(), e);
        } finally {
            deleteFolder(folder);
        }
    }

    private static void deleteFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot remove " + folder + ": " + e.getMessage(), e);
        }
    }
}

package org.exoret.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exoret.data.DataRoot;
import org.exoret.opacity.AbsorberOpacity;
import org.exoret.opacity.CiaTable;
import org.exoret.opacity.CollisionOpacity;
import org.exoret.opacity.CrossSectionTable;
import org.exoret.opacity.lines.CollisionDiameters;
import org.exoret.opacity.lines.HardSphereBroadening;
import org.exoret.opacity.lines.HitranLineList;
import org.exoret.opacity.lines.Isotopologues;
import org.exoret.opacity.lines.LineByLineCalculator;
import org.exoret.opacity.lines.PartitionFunction;

/**
 * Opacity benchmark: the CO line-by-line table build on the BART-like grid (280–7100 cm⁻¹ at 1 cm⁻¹,
 * T = 600–3000 K in 100 K steps, p log-spaced 1e-8–100 bar one per decade, hard-sphere H2/He broadening,
 * 25 cm⁻¹ cut-off), and the per-cell cost of evaluating a resampled cross-section table and a CIA table.
 */
public final class OpacityBenchmark {

    private final DataRoot dataRoot;
    private final int repeats;

    /**
     * @param dataRoot the data kit
     * @param repeats number of timed table builds (the median is reported)
     */
    public OpacityBenchmark(DataRoot dataRoot, int repeats) {
        this.dataRoot = dataRoot;
        this.repeats = Math.max(1, repeats);
    }

    /** @return the results: figures, configuration and machine */
    public Map<String, Object> run() {
        double[] nu = range(280, 7100, 1);
        double[] t = range(600, 3000, 100);
        double[] p = new double[11];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.pow(10, -8 + i);
        }
        LineByLineCalculator calculator = new LineByLineCalculator("CO",
                HitranLineList.read(dataRoot.resolve("lines/CO_HITRAN2012.par")),
                PartitionFunction.readTips(dataRoot.resolve("partition/CO_TIPS2021.txt")),
                Isotopologues.read(dataRoot.resolve("partition/CO_isotopologues.csv")),
                HardSphereBroadening.inHydrogenHelium("CO", CollisionDiameters.standard()),
                LineByLineCalculator.DEFAULT_CUTOFF_PER_CM);
        double[] build = new double[repeats];
        CrossSectionTable table = null;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            table = calculator.compute(t, p, nu);
            build[r] = (System.nanoTime() - start) * 1e-9;
        }
        AbsorberOpacity co = table.onGrid(nu);
        CollisionOpacity cia = CiaTable.readHitran(dataRoot.resolve("cia/H2-H2_Borysow.cia")).onGrid(nu);
        double[] out = new double[nu.length];
        int calls = 20_000;
        double[] xsecNs = new double[5];
        double[] ciaNs = new double[5];
        for (int r = 0; r < xsecNs.length; r++) {
            long start = System.nanoTime();
            for (int c = 0; c < calls; c++) {
                co.crossSection(650 + (c % 2300), Math.pow(10, -7.5 + (c % 90) * 0.1), out);
            }
            xsecNs[r] = (System.nanoTime() - start) / ((double) calls * nu.length);
            start = System.nanoTime();
            for (int c = 0; c < calls; c++) {
                cia.crossSection(650 + (c % 2300), out);
            }
            ciaNs[r] = (System.nanoTime() - start) / ((double) calls * nu.length);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("co_lbl_table_build_s", median(build));
        result.put("co_lbl_table_build_runs_s", build);
        result.put("co_lbl_table_build_cpu_cores_used", Runtime.getRuntime().availableProcessors());
        result.put("xsec_eval_ns_per_cell", median(xsecNs));
        result.put("cia_eval_ns_per_cell", median(ciaNs));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("species", "CO");
        config.put("line_list", "HITRAN2012 CO, 4606 lines, 6 isotopologues");
        config.put("wavenumber_grid_per_cm", "280–7100 step 1 (" + nu.length + " points)");
        config.put("temperature_grid_K", "600–3000 step 100 (" + t.length + " points)");
        config.put("pressure_grid_bar", "1e-8–1e2, one per decade (" + p.length + " points)");
        config.put("broadening", HardSphereBroadening.inHydrogenHelium("CO", CollisionDiameters.standard()).description());
        config.put("cutoff_per_cm", calculator.cutoffPerCm());
        config.put("core_half_widths", LineByLineCalculator.CORE_HALF_WIDTHS);
        config.put("steps_per_half_width", LineByLineCalculator.STEPS_PER_HALF_WIDTH);
        config.put("repeats", repeats);
        config.put("eval_calls_per_repeat", calls);
        result.put("configuration", config);
        result.put("machine", MachineInfo.describe());
        return result;
    }

    private static double[] range(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + i * step;
        }
        return g;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}

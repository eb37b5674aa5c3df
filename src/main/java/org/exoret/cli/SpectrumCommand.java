package org.exoret.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exoret.ExoretException;
import org.exoret.config.IniFile;
import org.exoret.data.DataRoot;
import org.exoret.forward.ForwardResult;
import org.exoret.rt.Observations;
import org.exoret.rt.RtConfig;
import org.exoret.rt.RtForwardModel;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exoret spectrum}: one RT spectrum for given parameters (default: the configuration's {@code params},
 * BART's start values), written as CSV with PNG plots of the spectrum against the observations and of T(p).
 */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = "Compute one emission spectrum with the RT model; write CSV and PNG plots.")
final class SpectrumCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", description = "RT configuration (default: ${DEFAULT-VALUE})")
    Path config = Path.of("data/hd189733b_rt.cfg");

    @Option(names = "--section", description = "INI section (default: ${DEFAULT-VALUE})")
    String section = "rt";

    @Option(names = "--params", split = ",", description = "parameters, comma separated (default: the configuration's params)")
    double[] params;

    @Option(names = "--out", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("spectrum");

    @Override
    public Integer call() throws IOException {
        PrintWriter pw = spec.commandLine().getOut();
        RtConfig cfg = RtConfig.fromIni(IniFile.read(config), section);
        RtForwardModel model = RtForwardModel.fromConfig(cfg, DataRoot.fromEnvironment());
        double[] theta = params != null ? params : cfg.startParameters();
        if (theta.length == 0) {
            throw new ExoretException(ExoretException.Kind.CONFIGURATION,
                    "no parameters: give --params or set 'params' in " + config);
        }
        ForwardResult r = model.evaluateWithSpectra(new double[][] {theta});
        if (!r.accepted(0)) {
            throw new ExoretException(ExoretException.Kind.INVALID_ARGUMENT, "parameters rejected: " + r.rejection(0));
        }
        double[] nu = model.wavenumberPerCm();
        double[] fp = r.spectrum(0);
        double[] fs = model.stellarSurfaceFlux();
        double[] depth = r.bandDepth(0);
        Files.createDirectories(out);
        try (Writer w = Files.newBufferedWriter(out.resolve("spectrum.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                        .setHeader("wavenumber_per_cm", "wavelength_um", "planet_flux_erg_s_cm2_per_cm", "eclipse_depth").build())) {
            for (int j = 0; j < nu.length; j++) {
                csv.printRecord(nu[j], 1e4 / nu[j], fp[j], fp[j] / fs[j] * model.radiusRatioSquared());
            }
        }
        Observations obs = cfg.observations() == null ? null : Observations.read(cfg.observations());
        try (Writer w = Files.newBufferedWriter(out.resolve("bands.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                        .setHeader("band", "model_depth", "observed_depth", "uncertainty").build())) {
            for (int b = 0; b < depth.length; b++) {
                boolean matched = obs != null && obs.size() == depth.length;
                csv.printRecord(model.bandNames().get(b).split(" ")[0], depth[b],
                        matched ? obs.depth()[b] : "", matched ? obs.uncertainty()[b] : "");
            }
        }
        plotSpectrum(nu, fp, fs, model, depth, obs);
        plotProfile(model.pressureBar(), model.temperatureK(theta));
        pw.printf(Locale.ROOT, "parameters %s%n", Arrays.toString(theta));
        pw.printf("wrote %s, %s, %s, %s%n", out.resolve("spectrum.csv"), out.resolve("bands.csv"),
                out.resolve("spectrum.png"), out.resolve("temperature.png"));
        pw.flush();
        return 0;
    }

    private void plotSpectrum(double[] nu, double[] fp, double[] fs, RtForwardModel model, double[] depth, Observations obs)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(600).title("Eclipse depth")
                .xAxisTitle("wavelength (um)").yAxisTitle("F_p/F_* (Rp/R*)^2").build();
        chart.getStyler().setXAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNW);
        double[] wl = new double[nu.length];
        double[] ratio = new double[nu.length];
        for (int j = 0; j < nu.length; j++) {
            wl[j] = 1e4 / nu[j];
            ratio[j] = fp[j] / fs[j] * model.radiusRatioSquared();
        }
        XYSeries s = chart.addSeries("model", wl, ratio);
        s.setMarker(SeriesMarkers.NONE);
        if (obs != null && obs.size() == depth.length) {
            double[] centre = obs.bands().stream().mapToDouble(Observations.Band::wavelengthUm).toArray();
            XYSeries o = chart.addSeries("observed", centre, obs.depth(), obs.uncertainty());
            o.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            XYSeries m = chart.addSeries("model bands", centre, depth);
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        BitmapEncoder.saveBitmap(chart, out.resolve("spectrum.png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private void plotProfile(double[] p, double[] t) throws IOException {
        // y = -log10 p so that the top of the atmosphere is at the top of the plot
        XYChart chart = new XYChartBuilder().width(600).height(700).title("Temperature profile")
                .xAxisTitle("temperature (K)").yAxisTitle("-log10 pressure (bar)").build();
        chart.getStyler().setLegendVisible(false);
        double[] y = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            y[j] = -Math.log10(p[j]);
        }
        XYSeries s = chart.addSeries("T(p)", t, y);
        s.setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(chart, out.resolve("temperature.png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}

package org.exoret.surrogate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.exoret.ExoretException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG figures of a training run: loss curves and predicted-versus-true test spectra (XChart). */
final class TrainingPlots {

    private TrainingPlots() {
    }

    static void lossCurves(List<EpochRecord> history, Path png) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Surrogate training")
                .xAxisTitle("epoch").yAxisTitle("mean squared error (normalised units)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        double[] epoch = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        chart.addSeries("training", epoch, history.stream().mapToDouble(EpochRecord::trainLoss).toArray())
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("validation", epoch, history.stream().mapToDouble(EpochRecord::validationLoss).toArray())
                .setMarker(SeriesMarkers.NONE);
        save(chart, png);
    }

    static void spectrum(double[] wavenumberPerCm, double[] truth, double[] predicted, String title, Path png) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title)
                .xAxisTitle("wavenumber (cm^-1)").yAxisTitle("F_p (erg s^-1 cm^-2 (cm^-1)^-1)").build();
        // plain integers, well spaced: the default pattern groups thousands and the labels run into each other
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        XYSeries t = chart.addSeries("radiative transfer (truth)", wavenumberPerCm, truth);
        t.setMarker(SeriesMarkers.NONE);
        XYSeries p = chart.addSeries("surrogate", wavenumberPerCm, predicted);
        p.setMarker(SeriesMarkers.NONE);
        save(chart, png);
    }

    private static void save(XYChart chart, Path png) {
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new ExoretException(ExoretException.Kind.IO, "cannot write " + png + ": " + e.getMessage(), e);
        }
    }
}

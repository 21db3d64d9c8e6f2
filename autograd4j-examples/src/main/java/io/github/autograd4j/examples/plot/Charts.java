package io.github.autograd4j.examples.plot;

import io.github.autograd4j.nn.io.AtomicFile;
import io.github.autograd4j.examples.train.EpochStats;
import io.github.autograd4j.examples.train.History;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots with XChart: line charts of losses and accuracies over epochs or steps. Java AWT runs
 * headless ({@code java.awt.headless=true} is set before XChart is first used), so plots are drawn
 * on servers and in CI without a display.
 */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The size of one chart in pixels. */
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private Charts() {
    }

    /**
     * Two charts side by side: the training, validation and test loss, and the same accuracies
     * (%), over epochs (validation and test when the run has them).
     *
     * @return {@code file}
     */
    public static Path trainingCurves(Path file, String title, History history) throws IOException {
        double[] epochs = history.series(EpochStats::epoch);
        XYChart loss = lineChart(title + ": loss", "epoch", "cross-entropy loss");
        add(loss, "training (mean over the epoch's batches)", epochs, history.series(EpochStats::trainLoss));
        addIfAny(loss, "validation (after the epoch)", epochs, history.series(EpochStats::validationLoss));
        addIfAny(loss, "test (after the epoch)", epochs, history.series(EpochStats::testLoss));
        XYChart accuracy = lineChart(title + ": accuracy", "epoch", "accuracy (%)");
        add(accuracy, "training (during the epoch)", epochs, percent(history.series(EpochStats::trainAccuracy)));
        addIfAny(accuracy, "validation (after the epoch)", epochs, percent(history.series(EpochStats::validationAccuracy)));
        addIfAny(accuracy, "test (after the epoch)", epochs, percent(history.series(EpochStats::testAccuracy)));
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return save(file, List.of(loss, accuracy));
    }

    /**
     * One line chart of several series over {@code 1..n} (epochs or steps).
     *
     * @return {@code file}
     */
    public static Path lines(Path file, String title, String xTitle, String yTitle, Map<String, double[]> series)
            throws IOException {
        XYChart chart = lineChart(title, xTitle, yTitle);
        series.forEach((name, y) -> add(chart, name, IntStream.rangeClosed(1, y.length).asDoubleStream().toArray(), y));
        return save(file, List.of(chart));
    }

    /**
     * One line chart of several series, each with its own x values ({@code {x, y}} per name): e.g.
     * a loss after every step beside one evaluated every hundred steps.
     *
     * @return {@code file}
     */
    public static Path xy(Path file, String title, String xTitle, String yTitle, Map<String, double[][]> series)
            throws IOException {
        XYChart chart = lineChart(title, xTitle, yTitle);
        series.forEach((name, xy) -> add(chart, name, xy[0], xy[1]));
        return save(file, List.of(chart));
    }

    /**
     * The decision boundary of a two-class classifier on 2-d data: the plane, coloured by the sign
     * of {@code score(x, y)} on a grid, with the labelled points (+1 / -1) on top.
     *
     * @return {@code file}
     */
    public static Path decisionBoundary(Path file, String title, double[][] points, double[] labels, DoubleBinaryOperator score)
            throws IOException {
        int cells = 70;
        double[] xRange = range(points, 0);
        double[] yRange = range(points, 1);
        XYChart chart = lineChart(title, "x", "y");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(WIDTH / cells + 2);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setPlotGridLinesVisible(false);
        double[][][] regions = new double[2][2][];
        for (int side = 0; side < 2; side++) {
            double sign = side == 0 ? 1 : -1;
            int n = 0;
            double[] gx = new double[cells * cells];
            double[] gy = new double[cells * cells];
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    double x = xRange[0] + (xRange[1] - xRange[0]) * (i + 0.5) / cells;
                    double y = yRange[0] + (yRange[1] - yRange[0]) * (j + 0.5) / cells;
                    if (score.applyAsDouble(x, y) * sign > 0 || (sign < 0 && score.applyAsDouble(x, y) == 0)) {
                        gx[n] = x;
                        gy[n++] = y;
                    }
                }
            }
            regions[side][0] = Arrays.copyOf(gx, n);
            regions[side][1] = Arrays.copyOf(gy, n);
        }
        scatter(chart, "predicted +1", regions[0][0], regions[0][1], new Color(255, 214, 214), SeriesMarkers.SQUARE);
        scatter(chart, "predicted -1", regions[1][0], regions[1][1], new Color(214, 226, 255), SeriesMarkers.SQUARE);
        for (double label : new double[] {1, -1}) {
            double[] px = IntStream.range(0, points.length).filter(i -> labels[i] == label).mapToDouble(i -> points[i][0]).toArray();
            double[] py = IntStream.range(0, points.length).filter(i -> labels[i] == label).mapToDouble(i -> points[i][1]).toArray();
            scatter(chart, "label " + (label > 0 ? "+1" : "-1"), px, py,
                    label > 0 ? new Color(200, 30, 30) : new Color(30, 60, 200), SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setXAxisMin(xRange[0]).setXAxisMax(xRange[1]).setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
        return save(file, List.of(chart));
    }

    private static void scatter(XYChart chart, String name, double[] x, double[] y, Color color,
                                Marker marker) {
        // XChart refuses an empty series: a region the classifier never predicts gets one point outside the axes
        XYSeries s = x.length == 0 ? chart.addSeries(name, new double[] {Double.NaN}, new double[] {Double.NaN})
                : chart.addSeries(name, x, y);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }

    /** The extent of coordinate {@code axis} of the points, widened by a tenth on each side. */
    private static double[] range(double[][] points, int axis) {
        double min = Arrays.stream(points).mapToDouble(p -> p[axis]).min().orElse(0);
        double max = Arrays.stream(points).mapToDouble(p -> p[axis]).max().orElse(1);
        double pad = Math.max(1e-9, (max - min) / 10);
        return new double[] {min - pad, max + pad};
    }

    /** A chart with a title, axis titles and a legend inside its top right corner. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Styler styler = chart.getStyler();
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        return chart;
    }

    private static void add(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(x.length > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    }

    /** Adds the series unless it is all NaN (a set the run does not have). */
    private static void addIfAny(XYChart chart, String name, double[] x, double[] y) {
        if (Arrays.stream(y).anyMatch(v -> !Double.isNaN(v))) {
            add(chart, name, x, y);
        }
    }

    private static double[] percent(double[] fractions) {
        double[] p = fractions.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] *= 100;
        }
        return p;
    }

    /** Writes the charts side by side into one PNG, atomically (see {@link AtomicFile}), creating the directory. */
    static Path save(Path file, List<XYChart> charts) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            AtomicFile.write(file, out -> {
                if (charts.size() == 1) {
                    BitmapEncoder.saveBitmap(charts.get(0), out, BitmapEncoder.BitmapFormat.PNG);
                } else {
                    BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG);
                }
            });
        } catch (java.awt.AWTError | UnsatisfiedLinkError e) {
            throw new IOException("could not draw " + file + ": " + e + " (headless Java needs fontconfig and a font,"
                    + " e.g. the fonts-dejavu package)", e);
        }
        return file;
    }
}

package dev.collapsar.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots with XChart, for every workload measured at several sizes: time per call and time
 * relative to the collapsed operator, both log–log, one line per method, against D for the exact
 * operators and against the number of directions S for the estimators (whose time plot also shows
 * the exact operator of the same network and point as dashed horizontal lines). The size is plotted
 * at log₂ with the labels rewritten to the size, because XChart's logarithmic x axis only labels
 * decades (its y axis keeps XChart's decade labels: a custom label function breaks the log tick
 * placement).
 */
final class Plots {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 600;
  /** The exact operator's methods drawn as reference lines on an estimator's time plot. */
  private static final List<Method> REFERENCE_LINES = List.of(Method.COLLAPSED, Method.STANDARD);

  private Plots() {}

  /** Writes the plots into {@code directory}; returns their file names. */
  static List<String> write(Cases cases, Path directory) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<String> files = new ArrayList<>();
    for (String workload : cases.workloads()) {
      List<Cases.Case> sweep = cases.of(workload);
      if (sweep.size() < 2) {
        continue;
      }
      boolean estimate = sweep.get(0).isEstimate();
      String axis = estimate ? "S" : "D";
      ToIntFunction<Cases.Case> size = estimate ? Cases.Case::samples : Cases.Case::dimension;
      XYChart time = chart(workload + ": time per call vs " + axis, "ns per call", axis, sweep, size, cases.methods(),
          (c, m) -> c.time(m));
      if (estimate) {
        cases.exactOf(sweep.get(0)).ifPresent(exact -> referenceLines(time, exact, sweep, size));
      }
      files.add(save(time, directory.resolve(workload + "-time.png")));
      files.add(save(chart(workload + ": time / time(collapsed) vs " + axis, "time / time(collapsed)", axis, sweep,
          size, cases.methods(), Cases.Case::ratioToCollapsed), directory.resolve(workload + "-ratio.png")));
    }
    return files;
  }

  private static XYChart chart(String title, String yTitle, String axis, List<Cases.Case> sweep,
      ToIntFunction<Cases.Case> size, List<Method> methods, BiFunction<Cases.Case, Method, Optional<Double>> value) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(axis.equals("S") ? "S (directions)" : "D (input dimension)").yAxisTitle(yTitle).build();
    XYStyler styler = chart.getStyler();
    styler.setYAxisLogarithmic(true);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setxAxisTickLabelsFormattingFunction(x -> Long.toString(Math.round(Math.pow(2, x))));
    styler.setXAxisMaxLabelCount(sweep.size());
    for (Method method : methods) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (Cases.Case c : sweep) {
        value.apply(c, method).filter(v -> v > 0).ifPresent(v -> {
          xs.add(log2(size.applyAsInt(c)));
          ys.add(v);
        });
      }
      if (!xs.isEmpty()) {
        chart.addSeries(method.label(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
      }
    }
    return chart;
  }

  /** The exact operator's times as dashed horizontal lines across the sweep. */
  private static void referenceLines(XYChart chart, Cases.Case exact, List<Cases.Case> sweep,
      ToIntFunction<Cases.Case> size) {
    List<Double> xs = List.of(log2(size.applyAsInt(sweep.get(0))), log2(size.applyAsInt(sweep.get(sweep.size() - 1))));
    List<String> names = new ArrayList<>(chart.getSeriesMap().keySet());
    java.awt.Color[] colors = chart.getStyler().getSeriesColors();
    for (Method method : REFERENCE_LINES) {
      int index = names.indexOf(method.label());
      exact.time(method).ifPresent(t -> {
        XYSeries line = chart.addSeries("exact " + exact.workload() + ", " + method.label(), xs, List.of(t, t));
        line.setMarker(SeriesMarkers.NONE);
        line.setLineStyle(SeriesLines.DASH_DASH);
        if (index >= 0) {
          line.setLineColor(colors[index % colors.length]); // the colour of the estimator by the same method
        }
      });
    }
  }

  private static double log2(int n) {
    return Math.log(n) / Math.log(2);
  }

  private static String save(XYChart chart, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
    return file.getFileName().toString();
  }
}

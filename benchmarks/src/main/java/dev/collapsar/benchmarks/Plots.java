package dev.collapsar.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots with XChart, for every workload measured at several dimensions: time per call vs D and
 * time relative to the collapsed operator vs D, both log–log, one line per method. D is plotted at
 * log₂ D with the labels rewritten to D, because XChart's logarithmic x axis only labels decades
 * (its y axis keeps XChart's decade labels: a custom label function breaks the log tick placement).
 */
final class Plots {
  private static final int WIDTH = 960;
  private static final int HEIGHT = 600;

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
      files.add(save(chart(workload + ": time per call vs D", "ns per call", sweep, cases.methods(),
          (c, m) -> c.result(m).map(JmhResults.Result::score)), directory.resolve(workload + "-time.png")));
      files.add(save(chart(workload + ": time / time(collapsed) vs D", "time / time(collapsed)", sweep,
          cases.methods(), Cases.Case::ratioToCollapsed), directory.resolve(workload + "-ratio.png")));
    }
    return files;
  }

  private static XYChart chart(String title, String yTitle, List<Cases.Case> sweep, List<Method> methods,
      BiFunction<Cases.Case, Method, Optional<Double>> value) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("D (input dimension)").yAxisTitle(yTitle).build();
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
          xs.add(Math.log(c.dimension()) / Math.log(2));
          ys.add(v);
        });
      }
      if (!xs.isEmpty()) {
        chart.addSeries(method.label(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
      }
    }
    return chart;
  }

  private static String save(XYChart chart, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
    return file.getFileName().toString();
  }
}

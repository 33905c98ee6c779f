package dev.collapsar.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The reference network's collapsed Laplacian per datum against PyTorch's forward Laplacian, at
 * N = 1, 16, 64, 256 points per call: Collapsar's point method called N times and its batch method
 * called once, best of {@code rounds} rounds (like {@link Drift}: this VM drifts, the best call is the
 * steady number), beside the CSV that {@code benchmarks/pytorch/forward_laplacian.py} printed in the
 * same window. Writes {@code side-by-side.md} (the table) and {@code side-by-side.png} (ms per datum
 * against N) into the output directory.
 *
 * <pre>{@code
 * OPENBLAS_NUM_THREADS=1 taskset -c 1 /usr/bin/python3 benchmarks/pytorch/forward_laplacian.py > /tmp/torch.csv
 * taskset -c 1 java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.SideBySide /tmp/torch.csv out 10 default
 * # built with -Dcollapsar.vector=true:
 * taskset -c 1 java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.collapsar.benchmarks.SideBySide /tmp/torch.csv out 10 -Acollapsar.vector=true
 * }</pre>
 */
public final class SideBySide {
  private static final int[] POINTS = {1, 16, 64, 256};

  private SideBySide() {}

  /**
   * Arguments: the PyTorch CSV, the output directory, optionally the rounds (default 10) and how the
   * operators were built (e.g. {@code -Acollapsar.vector=true}; shown with the JVM in the table and plot).
   */
  public static void main(String[] args) throws IOException {
    Map<Integer, Double> torch = pytorch(Path.of(args[0]));
    Path out = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String build = (args.length > 3 ? args[3] + ", " : "") + "JDK " + Runtime.version().feature();
    Mlp mlp = Mlp.draw(new SplittableRandom(20261203), MlpLaplacians.DIM, Mlp.REFERENCE_WIDTHS);
    double[][] xs = Mlp.points(new SplittableRandom(7), POINTS[POINTS.length - 1], MlpLaplacians.DIM);
    warmUp(mlp, xs);
    Map<Integer, double[]> collapsar = new LinkedHashMap<>(); // N → {point, batch} ms per datum
    for (int n : POINTS) {
      double[][] batch = java.util.Arrays.copyOf(xs, n);
      double[] results = new double[n];
      double point = Double.MAX_VALUE;
      double batched = Double.MAX_VALUE;
      for (int round = 0; round < rounds + 3; round++) { // three more rounds of warm-up at this N
        long start = System.nanoTime();
        for (double[] x : batch) {
          results[0] += MlpLaplaciansOperators.mlpLaplacian(x, mlp.w(), mlp.b(), mlp.v());
        }
        double p = (System.nanoTime() - start) / 1e6 / n;
        start = System.nanoTime();
        MlpLaplaciansOperators.mlpLaplacianBatch(batch, mlp.w(), mlp.b(), mlp.v(), results);
        double b = (System.nanoTime() - start) / 1e6 / n;
        if (round >= 3) {
          point = Math.min(point, p);
          batched = Math.min(batched, b);
        }
      }
      collapsar.put(n, new double[] {point, batched});
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("side-by-side.md"), table(collapsar, torch, build));
    plot(collapsar, torch, build, out.resolve("side-by-side.png"));
    System.out.print(table(collapsar, torch, build));
  }

  /**
   * Until every part of the kernel runs compiled by C2: as {@link Drift}, a hundred calls and more (the
   * first layer's part runs once per call and takes seconds of calls to be compiled).
   */
  private static void warmUp(Mlp mlp, double[][] xs) {
    double[] results = new double[16];
    for (int call = 0; call < 150; call++) {
      results[call % 16] += MlpLaplaciansOperators.mlpLaplacian(xs[call % 16], mlp.w(), mlp.b(), mlp.v());
    }
    for (int call = 0; call < 10; call++) {
      MlpLaplaciansOperators.mlpLaplacianBatch(java.util.Arrays.copyOf(xs, 16), mlp.w(), mlp.b(), mlp.v(), results);
    }
  }

  /** N → best ms per datum from the script's output (lines {@code N,best,median}; others skipped). */
  private static Map<Integer, Double> pytorch(Path csv) throws IOException {
    Map<Integer, Double> best = new LinkedHashMap<>();
    for (String line : Files.readAllLines(csv)) {
      String[] fields = line.trim().split(",");
      if (fields.length == 3 && fields[0].matches("\\d+")) {
        best.put(Integer.parseInt(fields[0]), Double.parseDouble(fields[1]));
      }
    }
    return best;
  }

  private static String table(Map<Integer, double[]> collapsar, Map<Integer, Double> torch, String build) {
    StringBuilder md = new StringBuilder("| points per call | Collapsar point | Collapsar batch | PyTorch + OpenBLAS |\n"
        + "|---:|---:|---:|---:|\n");
    collapsar.forEach((n, ms) -> md.append(String.format(Locale.ROOT, "| %d | %.2f ms | %.2f ms | %s |%n", n, ms[0],
        ms[1], torch.containsKey(n) ? String.format(Locale.ROOT, "%.2f ms", torch.get(n)) : "—")));
    md.append("\nms per datum, best of the rounds; Collapsar: ").append(build).append(" (")
        .append(System.getProperty("java.vm.name")).append(' ').append(Runtime.version()).append(")\n");
    return md.toString();
  }

  private static void plot(Map<Integer, double[]> collapsar, Map<Integer, Double> torch, String build, Path file)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(720).height(440)
        .title("Reference network, Laplacian at D = 50: ms per datum (Collapsar: " + build + ")")
        .xAxisTitle("points per call (N)")
        .yAxisTitle("ms per datum").build();
    chart.getStyler().setXAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNE);
    List<Double> ns = new ArrayList<>();
    List<Double> point = new ArrayList<>();
    List<Double> batch = new ArrayList<>();
    collapsar.forEach((n, ms) -> {
      ns.add((double) n);
      point.add(ms[0]);
      batch.add(ms[1]);
    });
    chart.addSeries("Collapsar point", ns, point);
    chart.addSeries("Collapsar batch", ns, batch);
    if (!torch.isEmpty()) {
      chart.addSeries("PyTorch + OpenBLAS", torch.keySet().stream().map(Integer::doubleValue).toList(),
          List.copyOf(torch.values()));
    }
    try (OutputStream stream = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}

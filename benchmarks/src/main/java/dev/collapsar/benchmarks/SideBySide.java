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
 * A reference-network operator (the collapsed Laplacian unless told otherwise) per datum against the
 * same computation in forward mode in PyTorch, at
 * N = 1, 16, 64, 256 points per call: Collapsar's point method called N times and its batch method
 * called once, best of {@code rounds} rounds (like {@link Drift}: this VM drifts, the best call is the
 * steady number), beside the CSV that {@code benchmarks/pytorch/forward_laplacian.py} printed in the
 * same window. Writes {@code side-by-side.md} (the table, with GFLOP/s) and {@code side-by-side.png} (ms
 * per datum against N) into the output directory ({@code side-by-side-<operator>.*} for another
 * operator than the Laplacian).
 *
 * <pre>{@code
 * OPENBLAS_NUM_THREADS=1 taskset -c 1 /usr/bin/python3 benchmarks/pytorch/forward_laplacian.py > /tmp/torch.csv
 * taskset -c 1 java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.SideBySide /tmp/torch.csv out 10 default
 * # built with -Dcollapsar.vector=true:
 * taskset -c 1 java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar \
 *     dev.collapsar.benchmarks.SideBySide /tmp/torch.csv out 10 -Acollapsar.vector=true
 * # the biharmonic (also: diffusion, estimate; the script's "diffusion" is the estimator's sweep too):
 * OPENBLAS_NUM_THREADS=1 taskset -c 1 /usr/bin/python3 benchmarks/pytorch/forward_laplacian.py biharmonic > /tmp/torch-b.csv
 * taskset -c 1 java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.SideBySide /tmp/torch-b.csv out 10 default biharmonic
 * }</pre>
 */
public final class SideBySide {
  private static final int[] POINTS = {1, 16, 64, 256};

  private SideBySide() {}

  /**
   * Arguments: the PyTorch CSV, the output directory, optionally the rounds (default 10), how the
   * operators were built (e.g. {@code -Acollapsar.vector=true}; shown with the JVM in the table and plot)
   * and the operator ({@link ReferenceOperators}: {@code laplacian}, the default, {@code diffusion},
   * {@code estimate} or {@code biharmonic}, beside the script's output for the same operator).
   */
  public static void main(String[] args) throws IOException {
    Map<Integer, Double> torch = pytorch(Path.of(args[0]));
    Path out = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String build = (args.length > 3 ? args[3] + ", " : "") + "JDK " + Runtime.version().feature();
    ReferenceOperators.Operator operator = ReferenceOperators.of(args.length > 4 ? args[4] : "laplacian", 20261203);
    double[][] xs = Mlp.points(new SplittableRandom(7), POINTS[POINTS.length - 1], operator.dimension());
    warmUp(operator, xs);
    Map<Integer, double[]> collapsar = new LinkedHashMap<>(); // N → {point, batch} ms per datum
    for (int n : POINTS) {
      double[][] batch = java.util.Arrays.copyOf(xs, n);
      double[] results = new double[n];
      double point = Double.MAX_VALUE;
      double batched = Double.MAX_VALUE;
      for (int round = 0; round < rounds + 3; round++) { // three more rounds of warm-up at this N
        long start = System.nanoTime();
        for (double[] x : batch) {
          results[0] += operator.point().at(x);
        }
        double p = (System.nanoTime() - start) / 1e6 / n;
        start = System.nanoTime();
        operator.batch().run(batch, results);
        double b = (System.nanoTime() - start) / 1e6 / n;
        if (round >= 3) {
          point = Math.min(point, p);
          batched = Math.min(batched, b);
        }
      }
      collapsar.put(n, new double[] {point, batched});
    }
    String name = operator.name().equals("laplacian") ? "side-by-side" : "side-by-side-" + operator.name();
    Files.createDirectories(out);
    Files.writeString(out.resolve(name + ".md"), table(operator, collapsar, torch, build));
    plot(operator, collapsar, torch, build, out.resolve(name + ".png"));
    System.out.print(table(operator, collapsar, torch, build));
  }

  /**
   * Until every part of the kernel runs compiled by C2: as {@link Drift}, a few hundred calls (the first
   * layer's part runs once per call and takes seconds of calls to be compiled; with 150 calls the
   * estimator's first rounds were still 25 % slow).
   */
  private static void warmUp(ReferenceOperators.Operator operator, double[][] xs) {
    double[] results = new double[16];
    for (int call = 0; call < 300; call++) {
      results[call % 16] += operator.point().at(xs[call % 16]);
    }
    for (int call = 0; call < 20; call++) {
      operator.batch().run(java.util.Arrays.copyOf(xs, 16), results);
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

  private static String table(ReferenceOperators.Operator operator, Map<Integer, double[]> collapsar,
      Map<Integer, Double> torch, String build) {
    StringBuilder md = new StringBuilder("| points per call | Collapsar point | Collapsar batch | PyTorch + OpenBLAS"
        + " | PyTorch / Collapsar's faster | Collapsar's faster in GFLOP/s |\n|---:|---:|---:|---:|---:|---:|\n");
    collapsar.forEach((n, ms) -> {
      double best = Math.min(ms[0], ms[1]);
      md.append(String.format(Locale.ROOT, "| %d | %.2f ms | %.2f ms | %s | %s | %.1f |%n", n, ms[0], ms[1],
          torch.containsKey(n) ? String.format(Locale.ROOT, "%.2f ms", torch.get(n)) : "—",
          torch.containsKey(n) ? String.format(Locale.ROOT, "%.2f×", torch.get(n) / best) : "—",
          operator.gflops(best)));
    });
    md.append("\n").append(operator.name()).append(" of the reference network (").append(String.format(Locale.ROOT,
        "%.1f MFLOP per datum", operator.flops() / 1e6)).append("); ms per datum, best of the rounds; Collapsar: ")
        .append(build).append(" (").append(System.getProperty("java.vm.name")).append(' ')
        .append(Runtime.version()).append(")\n");
    return md.toString();
  }

  private static void plot(ReferenceOperators.Operator operator, Map<Integer, double[]> collapsar,
      Map<Integer, Double> torch, String build, Path file) throws IOException {
    XYChart chart = new XYChartBuilder().width(720).height(440)
        .title("Reference network, " + operator.name() + " at D = " + operator.dimension()
            + ": ms per datum (Collapsar: " + build + ")")
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

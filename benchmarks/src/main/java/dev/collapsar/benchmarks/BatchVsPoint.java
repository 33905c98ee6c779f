package dev.collapsar.benchmarks;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A reference-network operator's point method called N times against its batch method called once
 * with the same N points, in turn in one JVM, ms per datum per round and the largest relative
 * difference between the two (0 where the batch has the point method's bits).
 *
 * <pre>{@code
 * taskset -c 1 java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.BatchVsPoint laplacian 64 8
 * }</pre>
 *
 * <p>Operators: {@code laplacian}, {@code standard} (its standard mode), {@code estimate} (the
 * Laplacian estimator over 50 given rows), {@code biharmonic}, {@code biharmonicStandard} (D = 5).
 */
public final class BatchVsPoint {
  private interface Point {
    double at(double[] x);
  }

  private interface Batch {
    void run(double[][] xs, double[] out);
  }

  private BatchVsPoint() {}

  /** Arguments: the operator, N points per call (64), rounds (8). */
  public static void main(String[] args) {
    String operator = args.length > 0 ? args[0] : "laplacian";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    SplittableRandom random = new SplittableRandom(20261203);
    int dimension = operator.startsWith("biharmonic") ? Mlp.BIHARMONIC_DIM : MlpLaplacians.DIM;
    Mlp mlp = Mlp.draw(random, dimension, Mlp.REFERENCE_WIDTHS);
    double[][] xs = Mlp.points(random, n, dimension);
    double[][] rows = Mlp.points(random, 50, dimension);
    Point point;
    Batch batch;
    switch (operator) {
      case "biharmonic" -> {
        point = x -> MlpBiharmonicsOperators.biharmonic(x, mlp.w(), mlp.b(), mlp.v());
        batch = (p, o) -> MlpBiharmonicsOperators.biharmonicBatch(p, mlp.w(), mlp.b(), mlp.v(), o);
      }
      case "biharmonicStandard" -> {
        point = x -> MlpBiharmonicsOperators.biharmonicStandard(x, mlp.w(), mlp.b(), mlp.v());
        batch = (p, o) -> MlpBiharmonicsOperators.biharmonicStandardBatch(p, mlp.w(), mlp.b(), mlp.v(), o);
      }
      case "standard" -> {
        point = x -> MlpLaplaciansOperators.mlpStandardLaplacian(x, mlp.w(), mlp.b(), mlp.v());
        batch = (p, o) -> MlpLaplaciansOperators.mlpStandardLaplacianBatch(p, mlp.w(), mlp.b(), mlp.v(), o);
      }
      case "estimate" -> {
        point = x -> MlpLaplaciansOperators.mlp50LaplacianEstimate(x, mlp.w(), mlp.b(), mlp.v(), rows);
        batch = (p, o) -> MlpLaplaciansOperators.mlp50LaplacianEstimateBatch(p, mlp.w(), mlp.b(), mlp.v(), rows, o);
      }
      default -> {
        point = x -> MlpLaplaciansOperators.mlpLaplacian(x, mlp.w(), mlp.b(), mlp.v());
        batch = (p, o) -> MlpLaplaciansOperators.mlpLaplacianBatch(p, mlp.w(), mlp.b(), mlp.v(), o);
      }
    }
    double[] expected = new double[n];
    double[] out = new double[n];
    System.out.println("round  point ms/datum  batch ms/datum  point/batch  max rel. difference");
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      for (int p = 0; p < n; p++) {
        expected[p] = point.at(xs[p]);
      }
      long middle = System.nanoTime();
      batch.run(xs, out);
      long end = System.nanoTime();
      System.out.println(String.format(Locale.ROOT, "%5d  %14.3f  %14.3f  %11.2f  %.2e", round,
          (middle - start) / 1e6 / n, (end - middle) / 1e6 / n, (double) (middle - start) / (end - middle),
          BatchLayoutProbe.maxRelativeDifference(expected, out)));
    }
  }
}

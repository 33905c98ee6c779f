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
 * <p>Operators: those of {@link ReferenceOperators}.
 */
public final class BatchVsPoint {
  private BatchVsPoint() {}

  /** Arguments: the operator ({@link ReferenceOperators}), N points per call (64), rounds (8). */
  public static void main(String[] args) {
    ReferenceOperators.Operator operator = ReferenceOperators.of(args.length > 0 ? args[0] : "laplacian", 20261203);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    double[][] xs = Mlp.points(new SplittableRandom(7), n, operator.dimension());
    double[] expected = new double[n];
    double[] out = new double[n];
    System.out.println("round  point ms/datum  batch ms/datum  point/batch  max rel. difference");
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      for (int p = 0; p < n; p++) {
        expected[p] = operator.point().at(xs[p]);
      }
      long middle = System.nanoTime();
      operator.batch().run(xs, out);
      long end = System.nanoTime();
      System.out.println(String.format(Locale.ROOT, "%5d  %14.3f  %14.3f  %11.2f  %.2e", round,
          (middle - start) / 1e6 / n, (end - middle) / 1e6 / n, (double) (middle - start) / (end - middle),
          BatchLayoutProbe.maxRelativeDifference(expected, out)));
    }
  }
}

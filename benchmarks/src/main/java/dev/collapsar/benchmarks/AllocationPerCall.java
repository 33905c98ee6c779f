package dev.collapsar.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Bytes a reference-network operator allocates per call once warmed up (3,000 point calls and 30
 * batch calls of 64 points), from the JVM's count of the thread's allocations: the rule "no
 * allocation per call in the hot path" checked on the jar a user runs, vector build included (whose
 * vectors are objects until C2 has compiled the sweeps).
 *
 * <pre>{@code
 * java --add-modules jdk.incubator.vector -cp vector.jar dev.collapsar.benchmarks.AllocationPerCall laplacian biharmonic
 * }</pre>
 *
 * <p>Operators: those of {@link ReferenceOperators} (all of them without arguments).
 */
public final class AllocationPerCall {
  private static final int POINTS = 64;

  private AllocationPerCall() {}

  /** Arguments: the operators. */
  public static void main(String[] args) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String[] operators = args.length > 0 ? args : new String[] {"laplacian", "standard", "diffusion", "estimate",
        "biharmonic", "biharmonicStandard", "biharmonicEstimate"};
    for (String name : operators) {
      ReferenceOperators.Operator operator = ReferenceOperators.of(name, 20261204);
      double[][] xs = points(operator.dimension());
      double[] out = new double[POINTS];
      double sink = 0;
      for (int k = 0; k < 3000; k++) {
        sink += operator.point().at(xs[k % POINTS]);
      }
      for (int k = 0; k < 30; k++) {
        operator.batch().run(xs, out);
      }
      long start = threads.getCurrentThreadAllocatedBytes();
      for (int k = 0; k < 200; k++) {
        sink += operator.point().at(xs[k % POINTS]);
      }
      long points = threads.getCurrentThreadAllocatedBytes();
      for (int k = 0; k < 5; k++) {
        operator.batch().run(xs, out);
      }
      long batches = threads.getCurrentThreadAllocatedBytes();
      System.out.printf(Locale.ROOT, "%s: %.1f bytes per point call, %.1f bytes per batch call of %d points%s%n",
          name, (points - start) / 200.0, (batches - points) / 5.0, POINTS, Double.isNaN(sink + out[0]) ? " (NaN)" : "");
    }
  }

  private static double[][] points(int dimension) {
    SplittableRandom random = new SplittableRandom(7);
    double[][] xs = new double[POINTS][dimension];
    for (double[] x : xs) {
      for (int i = 0; i < dimension; i++) {
        x[i] = random.nextDouble(-1, 1);
      }
    }
    return xs;
  }
}

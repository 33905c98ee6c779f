package dev.collapsar.benchmarks;

import java.util.Locale;

/**
 * Whether this machine is steady enough to trust a fork: the reference Laplacian's collapsed
 * operator, its standard mode and the primal called in turn in one thread on the same point, the
 * best call of each per round of {@code calls}, round after round. The code, the data and their
 * addresses stay the same (the operators allocate nothing), so what changes from round to round is
 * the machine. On the shared 2-core VM of our runs, rounds drift between phases where the vectorized
 * operators take up to twice as long while the primal, a chain of dependent scalar operations, stays
 * within 20 %: a JMH fork that falls into such a phase reports a slow mean.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.Drift [rounds] [calls]
 * }</pre>
 */
public final class Drift {
  private Drift() {}

  /** Arguments: how many rounds (default 30) and calls per round (default 10). */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    MlpWorkload workload = MlpWorkload.laplacian(MlpWorkload.Network.REFERENCE, 42L);
    double[] x = workload.point();
    for (int warm = 0; warm < 100; warm++) {
      workload.collapsed(x);
      workload.standard(x);
      workload.value(x);
    }
    System.out.println("round  collapsed  standard  primal   collapsed/primal  collapsed/standard  (ms, best of "
        + calls + ")");
    for (int round = 1; round <= rounds; round++) {
      double collapsed = Double.MAX_VALUE;
      double standard = Double.MAX_VALUE;
      double primal = Double.MAX_VALUE;
      for (int call = 0; call < calls; call++) {
        collapsed = Math.min(collapsed, millis(() -> workload.collapsed(x)));
        standard = Math.min(standard, millis(() -> workload.standard(x)));
        primal = Math.min(primal, millis(() -> workload.value(x)));
      }
      System.out.println(String.format(Locale.ROOT, "%5d  %9.2f  %8.2f  %6.2f  %16.1f  %18.2f", round, collapsed,
          standard, primal, collapsed / primal, collapsed / standard));
    }
  }

  private static double millis(java.util.function.DoubleSupplier call) {
    long start = System.nanoTime();
    double result = call.getAsDouble();
    long elapsed = System.nanoTime() - start;
    if (Double.isNaN(result)) {
      throw new IllegalStateException("NaN"); // keeps the call live
    }
    return elapsed / 1e6;
  }
}

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
 * java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.Drift [rounds] [calls] [operator]
 * }</pre>
 *
 * <p>{@code operator} is the reference network's workload: {@code laplacian} (default),
 * {@code diffusion}, {@code biharmonic}, {@code estimate<S>} (the Laplacian estimator with S
 * directions, e.g. {@code estimate50}) or {@code biharmonicEstimate<S>}; the rows give the best call
 * of each, so that a comparison of two builds run in turn is not a comparison of two phases.
 */
public final class Drift {
  private Drift() {}

  /** Arguments: how many rounds (default 30), calls per round (default 10), the operator. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    MlpWorkload workload = workload(args.length > 2 ? args[2] : "laplacian");
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

  private static MlpWorkload workload(String operator) {
    MlpWorkload.Network network = MlpWorkload.Network.REFERENCE;
    if (operator.startsWith("biharmonicEstimate")) {
      return MlpWorkload.biharmonicEstimate(network, Integer.parseInt(operator.substring(18)), 42L);
    }
    if (operator.startsWith("estimate")) {
      return MlpWorkload.laplacianEstimate(network, Integer.parseInt(operator.substring(8)), 42L);
    }
    switch (operator) {
      case "laplacian": return MlpWorkload.laplacian(network, 42L);
      case "diffusion": return MlpWorkload.diffusion(network, 42L);
      case "biharmonic": return MlpWorkload.biharmonic(network, 42L);
      default: throw new IllegalArgumentException("unknown operator " + operator
          + ": laplacian, diffusion, biharmonic, estimate<S> or biharmonicEstimate<S>");
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

package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Param;

/**
 * {@link SmallLaplacianBenchmark} on the tanh network D → 16 → 1, swept over D. The values of
 * {@code dim} must be a subset of {@link NetworkWorkload#DIMENSIONS}; choose some with
 * {@code -p dim=2,8}.
 */
public class NetworkBenchmark extends SmallLaplacianBenchmark {

  /** The input dimension D. */
  @Param({"2", "4", "8", "16", "32", "64"})
  public int dim;

  @Override
  protected Workload createWorkload(long seed) {
    return new NetworkWorkload(dim, seed);
  }
}

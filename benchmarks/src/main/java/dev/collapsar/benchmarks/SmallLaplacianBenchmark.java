package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * Every Laplacian method, {@code DerivativeStructure} with D parameters at order 2 included: for the
 * small workloads (D ≤ 64, a network of width 16), where one evaluation carrying all C(D + 2, 2)
 * partials is still affordable.
 */
public abstract class SmallLaplacianBenchmark extends LaplacianBenchmark {

  @Benchmark
  public double derivativeStructure() {
    return hipparchus().derivativeStructure(point());
  }
}

package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * The Laplacian methods that scale to the reference network: besides the two generated operators,
 * the primal (for scale), the collapsed operator that also writes ∇u into a caller array, D passes of
 * {@code UnivariateDerivative2}, and central finite differences. {@link SmallLaplacianBenchmark} adds
 * {@code DerivativeStructure}.
 */
public abstract class LaplacianBenchmark extends OperatorBenchmark {

  @Benchmark
  public double primal() {
    return workload().value(point());
  }

  /** The no-allocation variant that also writes ∇u; its gradient escapes into the state. */
  @Benchmark
  public double collapsedGradient() {
    return workload().collapsed(point(), gradient());
  }

  @Benchmark
  public double univariatePasses() {
    return hipparchus().univariatePasses(point());
  }

  @Benchmark
  public double centralDifferences() {
    return differences().laplacian(point());
  }
}

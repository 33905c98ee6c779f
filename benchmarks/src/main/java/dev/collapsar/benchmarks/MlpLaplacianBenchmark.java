package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Laplacian of the reference network at D = 50 ({@link MlpWorkload#laplacian}): primal, collapsed,
 * collapsed + ∇u, standard, 50 passes of {@code UnivariateDerivative2} and central differences (101
 * primals). Not {@code DerivativeStructure}: one evaluation with 50 parameters at order 2 carries
 * 1,326 coefficients per value, about 3·10⁹ flops and 30 GB of garbage per call (see README).
 *
 * <p>A call takes milliseconds (the univariate passes most of a second), so iterations are longer
 * than the microsecond workloads', and the warmup is counted in seconds: a generated part that runs
 * once per call (the first layer, the output) reaches C2 only after some hundred calls, a few seconds
 * here. The estimators and the biharmonic use the same warmup.
 */
@Fork(value = 2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MlpLaplacianBenchmark extends LaplacianBenchmark {

  /** {@code reference} (768, 768, 512, 512) or {@code narrow} (32, 32, 16, 16, for fast checks). */
  @Param({"reference"})
  public String network;

  @Override
  protected Workload createWorkload(long seed) {
    return MlpWorkload.laplacian(MlpWorkload.Network.of(network), seed);
  }
}

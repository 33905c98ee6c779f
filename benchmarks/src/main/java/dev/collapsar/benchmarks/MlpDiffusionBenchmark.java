package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The weighted Laplacian {@code diffusion(S)} = Tr(S Sᵀ∇²u) of the reference network at D = 50 with a
 * 50 × 50 matrix S (R = D), collapsed and standard, next to the primal for scale
 * ({@link MlpWorkload#diffusion}). The generated operator runs along the columns of S in passes of 8.
 */
@Fork(value = 2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MlpDiffusionBenchmark extends OperatorBenchmark {

  /** {@code reference} (768, 768, 512, 512) or {@code narrow} (32, 32, 16, 16, for fast checks). */
  @Param({"reference"})
  public String network;

  @Override
  protected Workload createWorkload(long seed) {
    return MlpWorkload.diffusion(MlpWorkload.Network.of(network), seed);
  }

  /** u(x) alone, for scale. */
  @Benchmark
  public double primal() {
    return workload().value(point());
  }
}

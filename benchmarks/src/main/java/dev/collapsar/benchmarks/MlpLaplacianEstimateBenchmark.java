package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The randomized Laplacian of the reference network at D = 50 with S fixed Gaussian directions
 * ({@link MlpWorkload#laplacianEstimate}), collapsed and standard, swept over S. The report fits time
 * against S per mode and compares the slopes, and finds the S beyond which the exact Laplacian
 * ({@link MlpLaplacianBenchmark}) is cheaper.
 */
@Fork(value = 2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class MlpLaplacianEstimateBenchmark extends OperatorBenchmark {

  /** {@code reference} (768, 768, 512, 512) or {@code narrow} (32, 32, 16, 16, for fast checks). */
  @Param({"reference"})
  public String network;

  /** The number of directions S; a subset of {@link MlpGenerated#LAPLACIAN_SAMPLES}. */
  @Param({"1", "8", "16", "32", "50"})
  public int samples;

  @Override
  protected Workload createWorkload(long seed) {
    return MlpWorkload.laplacianEstimate(MlpWorkload.Network.of(network), samples, seed);
  }
}

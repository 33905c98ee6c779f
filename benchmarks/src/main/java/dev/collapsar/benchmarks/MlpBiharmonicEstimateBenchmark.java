package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The randomized biharmonic of the reference network at D = 5 with S fixed Gaussian directions
 * ({@link MlpWorkload#biharmonicEstimate}), collapsed and standard, swept over S; compared with the
 * exact biharmonic of {@link MlpBiharmonicBenchmark} as for the Laplacian.
 */
@Fork(value = 2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class MlpBiharmonicEstimateBenchmark extends OperatorBenchmark {

  /** {@code reference} (768, 768, 512, 512) or {@code narrow} (32, 32, 16, 16, for fast checks). */
  @Param({"reference"})
  public String network;

  /** The number of directions S; a subset of {@link MlpGenerated#BIHARMONIC_SAMPLES}. */
  @Param({"1", "4", "8", "16", "32"})
  public int samples;

  @Override
  protected Workload createWorkload(long seed) {
    return MlpWorkload.biharmonicEstimate(MlpWorkload.Network.of(network), samples, seed);
  }
}

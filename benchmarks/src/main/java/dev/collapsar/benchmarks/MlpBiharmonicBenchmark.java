package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The biharmonic of the reference network at D = 5 ({@link MlpWorkload#biharmonic}): primal, the
 * generated operators with the default D² plan (25 four-jets) and with the reference plan (35), both
 * modes, and {@code DerivativeStructure} with 5 parameters at order 4 (126 coefficients per value,
 * about half a second per call).
 */
@Fork(value = 2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MlpBiharmonicBenchmark extends OperatorBenchmark {

  /** {@code reference} (768, 768, 512, 512) or {@code narrow} (32, 32, 16, 16, for fast checks). */
  @Param({"reference"})
  public String network;

  @Override
  protected Workload createWorkload(long seed) {
    return MlpWorkload.biharmonic(MlpWorkload.Network.of(network), seed);
  }

  @Benchmark
  public double primal() {
    return workload().value(point());
  }

  @Benchmark
  public double collapsedReferencePlan() {
    return workload().variant(Method.COLLAPSED_REFERENCE_PLAN, point());
  }

  @Benchmark
  public double standardReferencePlan() {
    return workload().variant(Method.STANDARD_REFERENCE_PLAN, point());
  }

  @Benchmark
  public double derivativeStructure() {
    return hipparchus().derivativeStructure(point());
  }
}

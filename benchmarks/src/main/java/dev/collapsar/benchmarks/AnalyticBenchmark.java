package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

/** {@link SmallLaplacianBenchmark} on the analytic 2D function, plus its hand-written closed form. */
public class AnalyticBenchmark extends SmallLaplacianBenchmark {

  @Override
  protected Workload createWorkload(long seed) {
    return new AnalyticWorkload(seed);
  }

  /** The closed-form Laplacian: the floor. */
  @Benchmark
  public double handWritten() {
    return workload().variant(Method.HAND_WRITTEN, point());
  }
}

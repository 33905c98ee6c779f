package dev.collapsar.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

/** {@link LaplacianBenchmark} on the analytic 2D function, plus its hand-written closed form. */
public class AnalyticBenchmark extends LaplacianBenchmark {

  @Override
  protected Workload createWorkload(long seed) {
    return new AnalyticWorkload(seed);
  }

  /** The closed-form Laplacian: the floor. */
  @Benchmark
  public double handWritten() {
    return workload().handWritten(point());
  }
}

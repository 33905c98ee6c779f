package dev.collapsar.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The collapsed Laplacian of a PINN-sized network ({@link PinnLaplacians}: 3 → 64 → 64 → 64 → 1)
 * over N points per call: the point method called N times ({@link #pointByPoint}) against the batch
 * variant ({@link #batch}), which runs blocks of 32 points through the batch kernel. Time per call
 * divided by N is the time per datum.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PinnBatchBenchmark {
  /** Points per call. */
  @Param({"32", "256"})
  public int points;

  private Mlp mlp;
  private double[][] xs;
  private double[] out;

  @Setup
  public void setUp() {
    MlpBatch batch = MlpBatch.draw(points, PinnLaplacians.DIM, PinnLaplacians.WIDTHS);
    mlp = batch.mlp();
    xs = batch.xs();
    out = batch.out();
  }

  @Benchmark
  public double[] pointByPoint() {
    for (int p = 0; p < points; p++) {
      out[p] = PinnLaplaciansOperators.pinnLaplacian(xs[p], mlp.w(), mlp.b(), mlp.v());
    }
    return out;
  }

  @Benchmark
  public double[] batch() {
    PinnLaplaciansOperators.pinnLaplacianBatch(xs, mlp.w(), mlp.b(), mlp.v(), out);
    return out;
  }
}

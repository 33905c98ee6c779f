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
 * The collapsed Laplacian of the reference network (D = 50) over N points per call, through the
 * generated {@code mlpLaplacianBatch}, for the side-by-side table with PyTorch's forward Laplacian
 * ({@code benchmarks/pytorch/forward_laplacian.py}, the same network and N): time per call divided by
 * N is the time per datum. One Laplacian is about 130 MFLOP ((D + 2) × the forward pass's 1.28 M
 * multiply-adds, two flops each), so GFLOP/s = 130 / (ms per datum); compare with
 * {@link GemmPeakBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class MlpBatchBenchmark {
  /** Points per call. */
  @Param({"1", "16", "64"})
  public int points;

  private Mlp mlp;
  private double[][] xs;
  private double[] out;

  @Setup
  public void setUp() {
    MlpBatch batch = MlpBatch.draw(points, MlpLaplacians.DIM, Mlp.REFERENCE_WIDTHS);
    mlp = batch.mlp();
    xs = batch.xs();
    out = batch.out();
  }

  @Benchmark
  public double[] collapsedBatch() {
    MlpLaplaciansOperators.mlpLaplacianBatch(xs, mlp.w(), mlp.b(), mlp.v(), out);
    return out;
  }
}

package dev.collapsar.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The methods of one {@link Workload}, measured at the same point in the same run. Every workload has
 * the two generated operators, {@code collapsed} and {@code standard}, declared here; a subclass per
 * workload supplies {@link #createWorkload(long)} (and any {@code @Param} it needs) and declares the
 * other methods that apply to its operator ({@link LaplacianBenchmark} for the Laplacian,
 * {@link MlpBiharmonicBenchmark} for the biharmonic).
 *
 * <p>JMH generates the benchmarks for each concrete subclass, named {@code <Subclass>.<method>}. The
 * method names are the {@link Method#benchmark()} names, hence the report's columns. Each
 * {@code @Benchmark} returns its result, which JMH consumes, so nothing is dead code; the point lives
 * in a state field, so nothing is a compile-time constant.
 *
 * <p>The defaults below are the full run for operators of a microsecond or less; subclasses with
 * slower operators set their own. The quick command keeps every class's warmup and shortens the
 * measurement (see README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class OperatorBenchmark {
  /** The seed of every point, weight and direction, so that all runs measure the same thing. */
  protected static final long SEED = 20_240_601L;

  private Workload workload;
  private double[] point;
  private double[] gradient;
  private HipparchusBaselines hipparchus;
  private CentralDifferences differences;

  /**
   * The workload drawn from {@code seed} (its point, and weights and directions if any); the
   * benchmark uses {@link #SEED}, the accuracy check a few more. Called after JMH has injected the
   * parameters.
   */
  protected abstract Workload createWorkload(long seed);

  /** Builds the workload, the point and the baselines' scratch space once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    workload = createWorkload(SEED);
    point = workload.point();
    gradient = new double[workload.dimension()];
    hipparchus = new HipparchusBaselines(workload);
    differences = new CentralDifferences(workload);
  }

  /** The workload. */
  protected final Workload workload() {
    return workload;
  }

  /** The benchmark point. */
  protected final double[] point() {
    return point;
  }

  /** A caller's array for the gradient, for the Laplacian variant that writes ∇u. */
  protected final double[] gradient() {
    return gradient;
  }

  /** The Hipparchus baselines of the workload. */
  protected final HipparchusBaselines hipparchus() {
    return hipparchus;
  }

  /** Central differences of the workload's primal. */
  protected final CentralDifferences differences() {
    return differences;
  }

  @Benchmark
  public double collapsed() {
    return workload.collapsed(point);
  }

  @Benchmark
  public double standard() {
    return workload.standard(point);
  }
}

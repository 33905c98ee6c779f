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
 * Every Laplacian method of one {@link Workload}, measured at the same point in the same run: the
 * primal, the generated {@code COLLAPSED} operator (plain and with the gradient written into a
 * caller array), the generated {@code STANDARD} operator, Hipparchus {@code DerivativeStructure},
 * D passes of {@code UnivariateDerivative2}, and central finite differences.
 *
 * <p>A subclass per workload supplies {@link #createWorkload(long)} (and any {@code @Param} it needs);
 * JMH generates the benchmarks for each concrete subclass, named {@code <Subclass>.<method>}. The
 * method names here are the column names of the report. Each {@code @Benchmark} returns its result,
 * which JMH consumes, so nothing is dead code; the point lives in a state field, so nothing is a
 * compile-time constant.
 *
 * <p>The defaults below are the full run; the quick command overrides them (see README.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class LaplacianBenchmark {
  /** The seed of every point and weight, so that all runs measure the same thing. */
  protected static final long SEED = 20_240_601L;

  private Workload workload;
  private double[] point;
  private double[] gradient;
  private HipparchusBaselines hipparchus;
  private CentralDifferences differences;

  /**
   * The workload drawn from {@code seed} (its point, and weights if any); the benchmark uses
   * {@link #SEED}, the accuracy check a few more. Called after JMH has injected the parameters.
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

  /** The workload, for subclasses that measure extra methods. */
  protected final Workload workload() {
    return workload;
  }

  /** The benchmark point, for subclasses that measure extra methods. */
  protected final double[] point() {
    return point;
  }

  @Benchmark
  public double primal() {
    return workload.value(point);
  }

  @Benchmark
  public double collapsed() {
    return workload.collapsed(point);
  }

  /** The no-allocation variant that also writes ∇u; its gradient escapes into the state. */
  @Benchmark
  public double collapsedGradient() {
    return workload.collapsed(point, gradient);
  }

  @Benchmark
  public double standard() {
    return workload.standard(point);
  }

  @Benchmark
  public double derivativeStructure() {
    return hipparchus.derivativeStructure(point);
  }

  @Benchmark
  public double univariatePasses() {
    return hipparchus.univariatePasses(point);
  }

  @Benchmark
  public double centralDifferences() {
    return differences.laplacian(point);
  }
}

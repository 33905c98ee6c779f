package dev.collapsar.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The error of every Laplacian method against the oracle, Hipparchus {@code DerivativeStructure} at
 * order 2 (exact to rounding), over a few seeded instances of each workload (the benchmark's seed and
 * the next ones: other points, and other weights where there are weights).
 *
 * <p>The error is normwise over the instances, max|Δ̃u − Δu| / max|Δu|, so that an instance where Δu
 * happens to be near zero does not dominate. Correct digits are −log₁₀ of it; a double carries
 * log₁₀ 2⁵³ ≈ 15.95, and digits lost are the difference.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.Accuracy}.
 */
public final class Accuracy {
  /** The decimal digits of a double, log₁₀ 2⁵³. */
  public static final double DOUBLE_DIGITS = 53 * Math.log10(2);

  /** Seeded instances per workload. */
  static final int INSTANCES = 8;

  private Accuracy() {}

  /** One method on one workload: its normwise relative error against the oracle. */
  public record Row(String workload, int dimension, Method method, double relativeError) {
    /** −log₁₀ of the error, at most {@link #DOUBLE_DIGITS} (an exact match). */
    public double correctDigits() {
      return relativeError == 0 ? DOUBLE_DIGITS : Math.min(DOUBLE_DIGITS, -Math.log10(relativeError));
    }

    /** {@link #DOUBLE_DIGITS} minus {@link #correctDigits()}. */
    public double digitsLost() {
      return DOUBLE_DIGITS - correctDigits();
    }
  }

  /** Every benchmark class, every parameter set of it. */
  public static List<Row> measureAll() {
    List<Row> rows = new ArrayList<>();
    for (Class<? extends LaplacianBenchmark> type : Workloads.BENCHMARKS) {
      for (Map<String, String> params : Workloads.parameterSets(type)) {
        rows.addAll(measure(type, params));
      }
    }
    return rows;
  }

  /** Every Laplacian method of one benchmark's workload, except the oracle itself. */
  public static List<Row> measure(Class<? extends LaplacianBenchmark> type, Map<String, String> params) {
    List<Workload> instances = new ArrayList<>();
    for (int k = 0; k < INSTANCES; k++) {
      instances.add(Workloads.create(type, params, LaplacianBenchmark.SEED + k));
    }
    Workload first = instances.get(0);
    double[] oracle = evaluate(instances, Method.DERIVATIVE_STRUCTURE);
    List<Row> rows = new ArrayList<>();
    for (Method method : Method.values()) {
      if (!method.isLaplacian() || method == Method.DERIVATIVE_STRUCTURE
          || !new Evaluators(first).supports(method)) {
        continue;
      }
      double error = normwiseError(evaluate(instances, method), oracle);
      rows.add(new Row(first.name(), first.dimension(), method, error));
    }
    return rows;
  }

  private static double[] evaluate(List<Workload> instances, Method method) {
    double[] values = new double[instances.size()];
    for (int k = 0; k < values.length; k++) {
      Workload workload = instances.get(k);
      values[k] = new Evaluators(workload).evaluate(method, workload.point());
    }
    return values;
  }

  static double normwiseError(double[] values, double[] oracle) {
    double error = 0;
    double scale = 0;
    for (int k = 0; k < values.length; k++) {
      error = Math.max(error, Math.abs(values[k] - oracle[k]));
      scale = Math.max(scale, Math.abs(oracle[k]));
    }
    return scale == 0 ? error : error / scale;
  }

  /** Prints the accuracy table. */
  public static void main(String[] args) {
    System.out.printf(Locale.ROOT, "%-10s %4s %-28s %12s %8s %8s%n",
        "workload", "D", "method", "rel. error", "digits", "lost");
    for (Row row : measureAll()) {
      System.out.printf(Locale.ROOT, "%-10s %4d %-28s %12.2e %8.1f %8.1f%n", row.workload(),
          row.dimension(), row.method().label(), row.relativeError(), row.correctDigits(), row.digitsLost());
    }
  }
}

package dev.collapsar.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The error of every method of every workload against the workload's oracle (exact to rounding and
 * independent of the generated code: {@code DerivativeStructure}, or univariate passes along the
 * operator's directions, see {@link Workload#oracle()}), over a few seeded instances of each workload
 * (the benchmark's seed and the next ones: other points, and other weights and directions where
 * there are some).
 *
 * <p>The error is normwise over the instances, max|L̃u − Lu| / max|Lu|, so that an instance where Lu
 * happens to be near zero does not dominate. Correct digits are −log₁₀ of it; a double carries
 * log₁₀ 2⁵³ ≈ 15.95, and digits lost are the difference.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.collapsar.benchmarks.Accuracy}.
 */
public final class Accuracy {
  /** The decimal digits of a double, log₁₀ 2⁵³. */
  public static final double DOUBLE_DIGITS = 53 * Math.log10(2);

  private Accuracy() {}

  /**
   * One method on one case: its normwise relative error against the oracle.
   *
   * @param instances the number of seeded instances compared
   */
  public record Row(String workload, int dimension, int samples, Method method, Method oracle, int instances,
      double relativeError) {
    /** −log₁₀ of the error, at most {@link #DOUBLE_DIGITS} (an exact match). */
    public double correctDigits() {
      return relativeError == 0 ? DOUBLE_DIGITS : Math.min(DOUBLE_DIGITS, -Math.log10(relativeError));
    }

    /** {@link #DOUBLE_DIGITS} minus {@link #correctDigits()}. */
    public double digitsLost() {
      return DOUBLE_DIGITS - correctDigits();
    }
  }

  /** Every benchmark class, every default parameter set of it. */
  public static List<Row> measureAll() {
    List<Row> rows = new ArrayList<>();
    for (Class<? extends OperatorBenchmark> type : Workloads.BENCHMARKS) {
      for (Map<String, String> params : Workloads.parameterSets(type)) {
        rows.addAll(measure(type, params));
      }
    }
    return rows;
  }

  /** Every method that {@code type} measures on its workload with {@code params}, except the primal and the oracle. */
  public static List<Row> measure(Class<? extends OperatorBenchmark> type, Map<String, String> params) {
    Workload first = Workloads.create(type, params, OperatorBenchmark.SEED);
    List<Workload> instances = new ArrayList<>(List.of(first));
    for (int k = 1; k < first.accuracyInstances(); k++) {
      instances.add(Workloads.create(type, params, OperatorBenchmark.SEED + k));
    }
    Method oracleMethod = first.oracle();
    double[] oracle = evaluate(instances, oracleMethod);
    List<Row> rows = new ArrayList<>();
    for (Method method : Workloads.methods(type)) {
      if (method.isOperator() && method != oracleMethod) {
        double error = normwiseError(evaluate(instances, method), oracle);
        rows.add(new Row(first.name(), first.dimension(), first.samples(), method, oracleMethod, instances.size(),
            error));
      }
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
    System.out.printf(Locale.ROOT, "%-22s %4s %4s %-28s %-28s %12s %8s %8s%n",
        "workload", "D", "S", "method", "oracle", "rel. error", "digits", "lost");
    for (Row row : measureAll()) {
      System.out.printf(Locale.ROOT, "%-22s %4d %4d %-28s %-28s %12.2e %8.1f %8.1f%n", row.workload(),
          row.dimension(), row.samples(), row.method().label(), row.oracle().benchmark(), row.relativeError(),
          row.correctDigits(), row.digitsLost());
    }
  }
}

package dev.collapsar.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JMH results grouped by case (one workload at one dimension, and one S for an estimator): each case
 * has the time of every method measured on it, in the same run, so ratios between methods are taken
 * within a case.
 */
public final class Cases {

  /**
   * One workload at one dimension (and one sample count, for an estimator), with the benchmark class
   * and parameters that measured it.
   *
   * @param exactWorkload the workload of the exact operator this one estimates (its own name if exact)
   * @param results the measured methods of this case, in {@link Method} order
   */
  public record Case(String workload, int dimension, int samples, Workload.Operator operator, String exactWorkload,
      String benchmarkClass, Map<String, String> params, Map<Method, JmhResults.Result> results) {

    /** The result of {@code method}, if it was measured. */
    public Optional<JmhResults.Result> result(Method method) {
      return Optional.ofNullable(results.get(method));
    }

    /** The time per call of {@code method}, if it was measured. */
    public Optional<Double> time(Method method) {
      return result(method).map(JmhResults.Result::score);
    }

    /** time(method) / time(collapsed), if both were measured. */
    public Optional<Double> ratioToCollapsed(Method method) {
      return ratio(method, Method.COLLAPSED);
    }

    /** time(numerator) / time(denominator), if both were measured. */
    public Optional<Double> ratio(Method numerator, Method denominator) {
      JmhResults.Result top = results.get(numerator);
      JmhResults.Result bottom = results.get(denominator);
      return top == null || bottom == null ? Optional.empty() : Optional.of(top.score() / bottom.score());
    }

    /** Whether this case is a randomized estimator. */
    public boolean isEstimate() {
      return samples > 0;
    }

    /** A short label such as {@code network D=8} or {@code mlpLaplacianEstimate D=50 S=8}. */
    public String label() {
      return workload + " D=" + dimension + (isEstimate() ? " S=" + samples : "");
    }
  }

  private final List<Case> cases;

  private Cases(List<Case> cases) {
    this.cases = List.copyOf(cases);
  }

  /** Groups {@code results}; each case's workload is recreated to learn its name and dimension. */
  public static Cases of(List<JmhResults.Result> results) {
    Map<List<Object>, Map<Method, JmhResults.Result>> byKey = new LinkedHashMap<>();
    for (JmhResults.Result result : results) {
      List<Object> key = List.of(result.benchmarkClass(), result.params());
      byKey.computeIfAbsent(key, k -> new EnumMap<>(Method.class)).put(result.method(), result);
    }
    List<Case> cases = new ArrayList<>();
    for (Map<Method, JmhResults.Result> measured : byKey.values()) {
      JmhResults.Result any = measured.values().iterator().next();
      Workload workload = Workloads.create(Workloads.benchmarkClass(any.benchmarkClass()), any.params());
      cases.add(new Case(workload.name(), workload.dimension(), workload.samples(), workload.operator(),
          workload.exactWorkload(), any.benchmarkClass(), any.params(), Collections.unmodifiableMap(measured)));
    }
    cases.sort(Comparator.comparing(Case::workload).thenComparingInt(Case::dimension)
        .thenComparingInt(Case::samples));
    return new Cases(cases);
  }

  /** Every case, by workload name, dimension and sample count. */
  public List<Case> all() {
    return cases;
  }

  /** The cases of one workload, by dimension and sample count. */
  public List<Case> of(String workload) {
    return cases.stream().filter(c -> c.workload().equals(workload)).toList();
  }

  /** The case of the exact operator that {@code estimate} estimates (same dimension), if it was measured. */
  public Optional<Case> exactOf(Case estimate) {
    return cases.stream().filter(c -> !c.isEstimate() && c.workload().equals(estimate.exactWorkload())
        && c.dimension() == estimate.dimension()).findFirst();
  }

  /** The workload names, in order. */
  public List<String> workloads() {
    return cases.stream().map(Case::workload).distinct().toList();
  }

  /** The methods measured on at least one case, in {@link Method} order. */
  public List<Method> methods() {
    return Arrays.stream(Method.values())
        .filter(m -> cases.stream().anyMatch(c -> c.results().containsKey(m)))
        .toList();
  }
}

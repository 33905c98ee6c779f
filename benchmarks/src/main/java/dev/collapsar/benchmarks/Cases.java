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
 * JMH results grouped by case (one workload at one dimension): each case has the time of every
 * method measured on it, in the same run, so ratios between methods are taken within a case.
 */
public final class Cases {

  /**
   * One workload at one dimension, with the benchmark class and parameters that measured it.
   *
   * @param results the measured methods of this case, in {@link Method} order
   */
  public record Case(String workload, int dimension, String benchmarkClass, Map<String, String> params,
      Map<Method, JmhResults.Result> results) {

    /** The result of {@code method}, if it was measured. */
    public Optional<JmhResults.Result> result(Method method) {
      return Optional.ofNullable(results.get(method));
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

    /** A short label such as {@code network D=8}. */
    public String label() {
      return workload + " D=" + dimension;
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
      cases.add(new Case(workload.name(), workload.dimension(), any.benchmarkClass(), any.params(),
          Collections.unmodifiableMap(measured)));
    }
    cases.sort(Comparator.comparing(Case::workload).thenComparingInt(Case::dimension));
    return new Cases(cases);
  }

  /** Every case, by workload name and then dimension. */
  public List<Case> all() {
    return cases;
  }

  /** The cases of one workload, by dimension. */
  public List<Case> of(String workload) {
    return cases.stream().filter(c -> c.workload().equals(workload)).toList();
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

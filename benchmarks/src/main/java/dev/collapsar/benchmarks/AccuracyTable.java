package dev.collapsar.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Accuracy} rows looked up by case and method, for the report. */
final class AccuracyTable {
  private final Map<String, Accuracy.Row> rows = new HashMap<>();

  AccuracyTable(List<Accuracy.Row> rows) {
    rows.forEach(r -> this.rows.put(key(r.workload(), r.dimension(), r.method()), r));
  }

  /** The accuracy of every method of every case in {@code cases}. */
  static AccuracyTable measure(Cases cases) {
    return new AccuracyTable(cases.all().stream()
        .flatMap(c -> Accuracy.measure(Workloads.benchmarkClass(c.benchmarkClass()), c.params()).stream())
        .toList());
  }

  Optional<Accuracy.Row> row(Cases.Case c, Method method) {
    return Optional.ofNullable(rows.get(key(c.workload(), c.dimension(), method)));
  }

  private static String key(String workload, int dimension, Method method) {
    return workload + "/" + dimension + "/" + method;
  }
}

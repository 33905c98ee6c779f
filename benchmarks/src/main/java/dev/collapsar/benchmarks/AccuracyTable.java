package dev.collapsar.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Accuracy} rows looked up by case and method, for the report. */
final class AccuracyTable {
  private final Map<Cases.Case, List<Accuracy.Row>> rows = new HashMap<>();

  /** The accuracy of every method of every case in {@code cases}. */
  static AccuracyTable measure(Cases cases) {
    AccuracyTable table = new AccuracyTable();
    for (Cases.Case c : cases.all()) {
      table.rows.put(c, Accuracy.measure(Workloads.benchmarkClass(c.benchmarkClass()), c.params()));
    }
    return table;
  }

  Optional<Accuracy.Row> row(Cases.Case c, Method method) {
    return rows.getOrDefault(c, List.of()).stream().filter(r -> r.method() == method).findFirst();
  }

  /** The method {@code c} was compared against. */
  Optional<Method> oracle(Cases.Case c) {
    return rows.getOrDefault(c, List.of()).stream().findFirst().map(Accuracy.Row::oracle);
  }

  /** The number of seeded instances compared for {@code c}. */
  Optional<Integer> instances(Cases.Case c) {
    return rows.getOrDefault(c, List.of()).stream().findFirst().map(Accuracy.Row::instances);
  }
}

package dev.collapsar.processor.taylor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The variables in scope during symbolic execution, by name, in declaration order. */
final class Env {
  private final LinkedHashMap<String, Value> values;

  Env() {
    this(new LinkedHashMap<>());
  }

  private Env(LinkedHashMap<String, Value> values) {
    this.values = values;
  }

  Env copy() {
    return new Env(new LinkedHashMap<>(values));
  }

  /** Makes this the same as {@code snapshot} (a copy taken earlier). */
  void restore(Env snapshot) {
    values.clear();
    values.putAll(snapshot.values);
  }

  Value get(String name) {
    return values.get(name);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  void put(String name, Value value) {
    values.put(name, value);
  }

  /** Puts {@code value} back under {@code name}, or removes the name when {@code value} is null. */
  void reset(String name, Value value) {
    if (value == null) {
      values.remove(name);
    } else {
      values.put(name, value);
    }
  }

  Set<String> names() {
    return values.keySet();
  }

  Map<String, Value> asMap() {
    return values;
  }
}

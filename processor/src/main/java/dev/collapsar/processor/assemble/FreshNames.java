package dev.collapsar.processor.assemble;

import dev.collapsar.processor.ir.Source;
import java.util.HashSet;
import java.util.Set;

/** Names for generated parameters ({@code v}, {@code rng}, {@code rows}…) that no user parameter has. */
final class FreshNames {
  private final Set<String> taken = new HashSet<>();

  FreshNames(Source.Function entry) {
    entry.parameters().forEach(p -> taken.add(p.name()));
  }

  /** Marks {@code name} as taken (a generated parameter). */
  void take(String name) {
    taken.add(name);
  }

  /** {@code base}, or {@code base2}, {@code base3}… whichever is not a parameter name. */
  String fresh(String base) {
    return dev.collapsar.processor.ir.FreshName.of(base, "", taken::contains);
  }
}

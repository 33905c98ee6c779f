package dev.collapsar.processor.ir;

import java.util.function.Predicate;

/** The one rule for names a generated method adds: the base, else the base numbered from 2. */
public final class FreshName {
  private FreshName() {}

  /**
   * {@code base} unless {@code taken} says so, else {@code base + separator + 2}, {@code … + 3}, …,
   * the first that is not taken.
   */
  public static String of(String base, String separator, Predicate<String> taken) {
    String name = base;
    for (int i = 2; taken.test(name); i++) {
      name = base + separator + i;
    }
    return name;
  }
}

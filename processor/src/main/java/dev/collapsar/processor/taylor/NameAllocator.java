package dev.collapsar.processor.taylor;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out local variable names for one generated method: the user's identifier when it is still
 * free (the caller reserves the parameters first), otherwise the identifier with the next free numeric suffix ({@code s}, {@code s_2}, …).
 */
final class NameAllocator {
  private final Set<String> used = new HashSet<>();

  /** The names handed out so far, to be restored after a trial run whose output is discarded. */
  Set<String> snapshot() {
    return new HashSet<>(used);
  }

  void restore(Set<String> snapshot) {
    used.clear();
    used.addAll(snapshot);
  }

  void reserve(String name) {
    used.add(name);
  }

  String fresh(String base) {
    // user identifiers and their suffixed forms are never keywords; '#' marks the processor's own
    // variables (no Java variable can clash with them) and prints as '_'
    String name = dev.collapsar.processor.ir.FreshName.of(base.replace('#', '_'), "_", used::contains);
    used.add(name);
    return name;
  }
}

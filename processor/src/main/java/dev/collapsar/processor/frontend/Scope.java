package dev.collapsar.processor.frontend;

import dev.collapsar.processor.ir.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** The parameters and locals visible at a point of a method body, with Java's block scoping. */
final class Scope {
  private final Deque<Map<String, Type>> blocks = new ArrayDeque<>();

  Scope() {
    blocks.push(new HashMap<>());
  }

  void enter() {
    blocks.push(new HashMap<>());
  }

  void exit() {
    blocks.pop();
  }

  void declare(String name, Type type) {
    blocks.peek().put(name, type);
  }

  /** Names whose declaration was rejected: a use of them is a consequence, not a new error. */
  private final java.util.Set<String> rejected = new java.util.HashSet<>();

  void reject(String name) {
    rejected.add(name);
  }

  /** Throws {@link Consequence} if {@code name} is a variable whose declaration was rejected. */
  void checkNotRejected(String name) {
    if (rejected.contains(name)) {
      throw new Consequence();
    }
  }

  /**
   * Thrown where a statement uses a variable whose declaration already failed: the statement is
   * dropped without an error of its own, so that one mistake gives one error.
   */
  static final class Consequence extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Consequence() {
      super(null, null, false, false);
    }
  }

  /** The type of a visible variable, or null. */
  Type lookup(String name) {
    for (Map<String, Type> block : blocks) {
      Type t = block.get(name);
      if (t != null) {
        return t;
      }
    }
    return null;
  }
}

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

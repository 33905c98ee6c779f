package dev.collapsar.processor.ir;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Creates and interns {@link Node}s: asking twice for the same constant, reference or application
 * returns the same node. It does no algebra; simplification is the optimizer's job.
 */
public final class NodeFactory {
  private final Map<Key, Node> interned = new HashMap<>();
  private int nextId;

  public Node.Const constant(double value, Type type) {
    // -0.0 and 0.0 are distinct constants: folding must not turn one into the other.
    long bits = Double.doubleToRawLongBits(value);
    return (Node.Const) interned.computeIfAbsent(
        new Key(type, bits, null, null), k -> new Node.Const(nextId++, type, value));
  }

  public Node.Const number(double value) {
    return constant(value, Type.DOUBLE);
  }

  public Node.Ref ref(String name, Type type) {
    return (Node.Ref) interned.computeIfAbsent(
        new Key(type, 0, name, null), k -> new Node.Ref(nextId++, type, name));
  }

  /** Applies {@code operator}; the result type is given by the caller (the stage knows it). */
  public Node apply(Type type, Operator operator, Node... arguments) {
    int[] ids = new int[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      ids[i] = arguments[i].id();
    }
    return interned.computeIfAbsent(
        new Key(type, 0, operator, ids), k -> new Node.Apply(nextId++, type, operator, arguments.clone()));
  }

  /** Structural identity of a node: children by id, since children are interned already. */
  private record Key(Type type, long bits, Object head, int[] children) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && type == k.type
          && bits == k.bits
          && Objects.equals(head, k.head)
          && Arrays.equals(children, k.children);
    }

    @Override
    public int hashCode() {
      return Objects.hash(type, bits, head) * 31 + Arrays.hashCode(children);
    }
  }
}

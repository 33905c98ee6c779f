package dev.collapsar.processor.ir;

import java.util.Arrays;
import java.util.List;

/**
 * A node of the value graph that the Taylor stage builds and the emitter prints: a constant, a
 * reference to a named local or parameter, or an operator applied to nodes. Nodes are interned by
 * {@link NodeFactory}: two structurally equal nodes of one factory are the same object, so identity
 * is equality and sharing (common subexpressions) is explicit.
 */
public abstract sealed class Node permits Node.Const, Node.Ref, Node.Apply {
  private final int id;
  private final Type type;

  Node(int id, Type type) {
    this.id = id;
    this.type = type;
  }

  /** A number unique within the factory, in creation order (so iteration by id is deterministic). */
  public int id() {
    return id;
  }

  public Type type() {
    return type;
  }

  /** A numeric or boolean constant (booleans are 0 and 1). */
  public static final class Const extends Node {
    private final double value;

    Const(int id, Type type, double value) {
      super(id, type);
      this.value = value;
    }

    public double value() {
      return value;
    }

    public boolean is(double v) {
      return Double.compare(value, v) == 0 || (value == 0 && v == 0);
    }

    @Override
    public String toString() {
      return type() == Type.DOUBLE ? Double.toString(value) : Long.toString((long) value);
    }
  }

  /** A named local variable or parameter of the generated method. */
  public static final class Ref extends Node {
    private final String name;

    Ref(int id, Type type, String name) {
      super(id, type);
      this.name = name;
    }

    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** An operator applied to arguments. */
  public static final class Apply extends Node {
    private final Operator operator;
    private final Node[] arguments;

    Apply(int id, Type type, Operator operator, Node[] arguments) {
      super(id, type);
      this.operator = operator;
      this.arguments = arguments;
    }

    public Operator operator() {
      return operator;
    }

    public List<Node> arguments() {
      return Arrays.asList(arguments.clone());
    }

    public Node argument(int i) {
      return arguments[i];
    }

    public int arity() {
      return arguments.length;
    }

    @Override
    public String toString() {
      return operator + Arrays.toString(arguments);
    }
  }

  /** Adds to {@code names} every local or parameter this node, or any node below it, refers to. */
  public void readNames(java.util.Set<String> names) {
    if (this instanceof Ref r) {
      names.add(r.name());
    } else if (this instanceof Apply a) {
      for (Node argument : a.arguments) {
        argument.readNames(names);
      }
    }
  }

  /** Whether this node, or any node below it, refers to one of {@code names}. */
  public boolean reads(java.util.Set<String> names) {
    if (this instanceof Ref r) {
      return names.contains(r.name());
    }
    if (this instanceof Apply a) {
      for (Node argument : a.arguments) {
        if (argument.reads(names)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public final boolean equals(Object o) {
    return this == o;
  }

  @Override
  public final int hashCode() {
    return id;
  }
}

package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/** What a variable holds during symbolic execution. */
sealed interface Value {

  /** A double: its jet (inactive doubles have an all-zero jet). */
  record Num(Jet jet) implements Value {}

  /** An int or boolean: a plain value-graph node, never differentiated. */
  record Scalar(Node node) implements Value {}

  /**
   * An array parameter: a reference for run-time reads, and, for the differentiated array, the
   * jets of its elements (null for arrays that are not differentiated), or, when its length is known
   * only at run time, the jet of the element at a given index.
   */
  record Array(Node reference, Type type, Jet[] elements, java.util.function.Function<Node, Jet> seeded)
      implements Value {
    Array(Node reference, Type type, Jet[] elements) {
      this(reference, type, elements, null);
    }
  }

  /**
   * A local {@code double[]}: the primal array, and per jet group the coefficient arrays of orders
   * 1..kept, each of length n·R with the direction index innermost (element i, direction d at
   * i·R + d), and the summed top coefficients (length n) of collapsed groups.
   */
  record LocalArray(Node primal, Node[][] coefficients, Node[] sums, Node length) implements Value {}

  /** The nodes a variable consists of, in a fixed order (for joins and loop-carried locals). */
  static List<Node> components(Value value) {
    List<Node> out = new ArrayList<>();
    if (value instanceof Scalar s) {
      out.add(s.node());
    } else if (value instanceof Num n) {
      n.jet().map((node, component) -> {
        out.add(node);
        return node;
      });
    } else if (value instanceof LocalArray a) {
      out.add(a.primal());
      for (Node[] group : a.coefficients()) {
        out.addAll(List.of(group));
      }
      for (Node sum : a.sums()) {
        if (sum != null) {
          out.add(sum);
        }
      }
      out.add(a.length());
    }
    return out;
  }

  /** The same kind of value with its components replaced, in {@link #components} order. */
  static Value withComponents(Value value, List<Node> nodes) {
    if (value instanceof Scalar) {
      return new Scalar(nodes.get(0));
    }
    int[] i = {0};
    if (value instanceof Num n) {
      return new Num(n.jet().map((node, component) -> nodes.get(i[0]++)));
    }
    if (value instanceof LocalArray a) {
      Node primal = nodes.get(i[0]++);
      Node[][] coefficients = new Node[a.coefficients().length][];
      for (int g = 0; g < coefficients.length; g++) {
        coefficients[g] = new Node[a.coefficients()[g].length];
        for (int k = 0; k < coefficients[g].length; k++) {
          coefficients[g][k] = nodes.get(i[0]++);
        }
      }
      Node[] sums = new Node[a.sums().length];
      for (int g = 0; g < sums.length; g++) {
        sums[g] = a.sums()[g] == null ? null : nodes.get(i[0]++);
      }
      return new LocalArray(primal, coefficients, sums, nodes.get(i[0]));
    }
    return value;
  }
}

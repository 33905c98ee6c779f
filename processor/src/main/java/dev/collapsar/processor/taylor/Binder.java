package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.List;

/**
 * Gives the components of a jet names: each nontrivial component becomes a local named after the
 * user's variable ({@code r}, {@code r_x}, {@code r_x_2}, {@code r_lap}), so that generated code
 * reads like the source and later statements refer to locals instead of repeating expressions.
 */
final class Binder {
  private final NodeFactory nodes;
  private final NameAllocator names;
  private final JetLayout layout;

  Binder(NodeFactory nodes, NameAllocator names, JetLayout layout) {
    this.nodes = nodes;
    this.names = names;
    this.layout = layout;
  }

  /** Emits {@code final double <name> = <component>;} for each nontrivial component. */
  Jet bind(String variable, Jet jet, List<Statement> out) {
    return jet.map((value, component) -> {
      if (isTrivial(value)) {
        return value;
      }
      String name = names.fresh(componentName(variable, component));
      out.add(new Statement.Let(name, value));
      return nodes.ref(name, Type.DOUBLE);
    });
  }

  /** Binds a newly allocated local array and its coefficient arrays to locals (aliases stay aliases). */
  Value.LocalArray bind(String variable, Value.LocalArray array, List<Statement> out) {
    List<Node> components = new java.util.ArrayList<>(Value.components(array));
    for (int c = 0; c < components.size(); c++) {
      Node value = components.get(c);
      if (value instanceof Node.Apply apply && (apply.operator() == Special.NEW_ARRAY
          || apply.operator() == Special.NEW_ROWS)) {
        String name = names.fresh(LocalArrays.componentName(variable, c, array, layout));
        out.add(new Statement.Let(name, value));
        components.set(c, nodes.ref(name, value.type()));
      }
    }
    return (Value.LocalArray) Value.withComponents(array, components);
  }

  /** Binds an int or boolean to a local (constants stay constants). */
  Node bind(String variable, Node value, List<Statement> out) {
    if (isTrivial(value)) {
      return value;
    }
    String name = names.fresh(variable);
    out.add(new Statement.Let(name, value));
    return nodes.ref(name, value.type());
  }

  /** A fresh mutable local for a component that differs between the branches of an if. */
  String mutable(String variable, Jet.Component component) {
    return names.fresh(componentName(variable, component));
  }

  String mutable(String variable) {
    return names.fresh(variable);
  }

  java.util.Set<String> snapshot() {
    return names.snapshot();
  }

  void restore(java.util.Set<String> snapshot) {
    names.restore(snapshot);
  }

  String componentName(String variable, Jet.Component component) {
    if (component.isPrimal()) {
      return variable;
    }
    JetLayout.Group group = layout.group(component.group());
    if (component.sum()) {
      return variable + "_" + group.sumName();
    }
    String direction = group.directionNames().get(component.direction());
    return component.order() == 1
        ? variable + "_" + direction
        : variable + "_" + direction + "_" + component.order();
  }

  static boolean isTrivial(Node value) {
    return value instanceof Node.Const || value instanceof Node.Ref;
  }
}

package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.LaneLocal;
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
  private final java.util.Map<String, LaneLocal> laneLocals = new java.util.HashMap<>();

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
      String name = fresh(variable, component);
      out.add(new Statement.Let(name, value));
      if (value.type() == Type.LANES) {
        laneLocals.put(name, laneLocal(variable, component));
      }
      return nodes.ref(name, value.type());
    });
  }

  /**
   * The type of a local that holds {@code component}: a double per lane for a coefficient of a group
   * on a lane axis and for every component in a batch kernel (a double per point), else a double. A mutable local gets it whatever its first value.
   */
  Type type(Jet.Component component) {
    if (layout.batch() || !component.isPrimal() && !component.sum() && layout.rows(component.group())) {
      return Type.LANES;
    }
    return Type.DOUBLE;
  }

  /** Whether this is a batch kernel's body ({@link PointAxis}). */
  boolean batch() {
    return layout.batch();
  }

  /** The number of lanes of the lane local {@code name}, or null if it is none. */
  Integer laneWidth(String name) {
    LaneLocal local = laneLocals.get(name);
    return local == null ? null : local.width();
  }

  /** The locals with a value per lane named so far, with their widths. */
  java.util.Map<String, LaneLocal> laneLocals() {
    return java.util.Map.copyOf(laneLocals);
  }

  /**
   * What a lane local of {@code component} is: its group's width, and the name head of its lanes; in a
   * batch kernel, the block's points.
   */
  private LaneLocal laneLocal(String variable, Jet.Component component) {
    if (layout.batch()) {
      return new LaneLocal(layout.points(), variable + "_p");
    }
    JetLayout.Group group = layout.group(component.group());
    return new LaneLocal(group.directions(), variable + "_" + family(group.directionNames().get(0)));
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
    String name = fresh(variable, component);
    if (type(component) == Type.LANES) {
      laneLocals.put(name, laneLocal(variable, component));
    }
    return name;
  }

  String mutable(String variable) {
    return names.fresh(variable);
  }

  /** A fresh local for the next value of the carried local {@code local}, with its lanes if it has any. */
  String nextOf(String local) {
    String name = names.fresh(local + "_next");
    if (laneLocals.containsKey(local)) {
      laneLocals.put(name, laneLocals.get(local));
    }
    return name;
  }

  /** A fresh local named {@code prefix + direction} (a hoisted seed component, {@code seed_3_x}). */
  String fresh(String prefix, String direction) {
    return names.fresh(prefix + direction);
  }

  java.util.Set<String> snapshot() {
    return names.snapshot();
  }

  /** Forgets the names handed out since {@code snapshot} (a trial run's), and their lane widths. */
  void restore(java.util.Set<String> snapshot) {
    names.restore(snapshot);
    laneLocals.keySet().retainAll(snapshot);
  }

  private String fresh(String variable, Jet.Component component) {
    return names.fresh(componentName(variable, component));
  }

  /** A direction's name without its trailing number ({@code x12} → {@code x}; {@code b} stays {@code b}). */
  private static String family(String direction) {
    int end = direction.length();
    while (end > 0 && Character.isDigit(direction.charAt(end - 1))) {
      end--;
    }
    return direction.substring(0, end);
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
    if (layout.rows(component.group())) {
      direction = family(direction); // one local for all the group's directions
    }
    return component.order() == 1
        ? variable + "_" + direction
        : variable + "_" + direction + "_" + component.order();
  }

  static boolean isTrivial(Node value) {
    return value instanceof Node.Const || value instanceof Node.Ref;
  }
}

package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loop-carried state of a run-time loop: which components of the variables the loop assigns
 * must live in mutable locals. A component is carried when its value at the end of the body can
 * differ from its value at the start; the others (structural zeros that stay zero, inactive
 * coefficients) keep their constant value, so sparsity survives loops where it holds.
 */
final class LoopCarrier {
  private final NodeFactory nodes;
  private final Binder binder;
  /** Per variable, which of its components (in {@link Jet#map} order) are carried. */
  private final Map<String, Set<Integer>> carried = new LinkedHashMap<>();
  private final Map<String, Value> entry = new LinkedHashMap<>();
  private final Map<String, String[]> names = new HashMap<>();
  /** Per variable, the type of each component's local ({@link Binder#type}). */
  private final Map<String, Type[]> types = new HashMap<>();

  LoopCarrier(NodeFactory nodes, Binder binder, Env env, Set<String> assigned) {
    this.nodes = nodes;
    this.binder = binder;
    for (String name : assigned) {
      Value v = env.get(name);
      if (v instanceof Value.Num || v instanceof Value.Scalar || v instanceof Value.LocalArray) {
        entry.put(name, v);
        carried.put(name, new HashSet<>(Set.of(0))); // the primal changes: the loop assigns it
      }
    }
  }

  /** Maps every carried component to a fresh local name (call once per trial or final run). */
  void name() {
    names.clear();
    entry.forEach((variable, value) -> {
      List<Node> components = Value.components(value);
      String[] n = new String[components.size()];
      Type[] t = new Type[components.size()];
      for (int c = 0; c < t.length; c++) {
        t[c] = value instanceof Value.Num num ? binder.type(componentOf(num.jet(), c)) : components.get(c).type();
      }
      for (int c : carried.get(variable)) {
        n[c] = value instanceof Value.Num num ? binder.mutable(variable, componentOf(num.jet(), c))
            : binder.mutable(c == 0 ? variable : variable + "_c" + c);
      }
      names.put(variable, n);
      types.put(variable, t);
    });
  }

  /** Puts the loop-start values (locals for carried components) into {@code env}. */
  void enter(Env env) {
    entry.forEach((variable, value) -> env.put(variable, template(variable, value)));
  }

  /** Marks components that the body changed; true if any was newly marked. */
  boolean widen(Env after) {
    boolean changed = false;
    for (Map.Entry<String, Value> e : entry.entrySet()) {
      List<Node> start = Value.components(template(e.getKey(), e.getValue()));
      List<Node> end = Value.components(after.get(e.getKey()));
      for (int c = 0; c < start.size(); c++) {
        if (start.get(c) != end.get(c)) {
          changed |= carried.get(e.getKey()).add(c);
        }
      }
    }
    return changed;
  }

  /** Declarations and initial values of the carried locals, before the loop. */
  List<Statement> initialize() {
    List<Statement> out = new ArrayList<>();
    entry.forEach((variable, value) -> {
      List<Node> components = Value.components(value);
      for (int c : carried.get(variable)) {
        out.add(new Statement.Declare(names.get(variable)[c], types.get(variable)[c]));
        out.add(new Statement.Set(names.get(variable)[c], components.get(c)));
      }
    });
    return out;
  }

  /**
   * The end of the body: every carried local gets its new value. A value that reads a local already
   * overwritten in this tail (as in a swap) is first copied to a temporary.
   */
  List<Statement> advance(Env after) {
    List<Statement> copies = new ArrayList<>();
    List<Statement> sets = new ArrayList<>();
    Set<String> overwritten = new HashSet<>();
    entry.forEach((variable, value) -> {
      List<Node> end = Value.components(after.get(variable));
      for (int c : carried.get(variable)) {
        String local = names.get(variable)[c];
        Node next = end.get(c);
        if (next.reads(overwritten)) {
          String copy = binder.nextOf(local);
          Type type = types.get(variable)[c];
          copies.add(new Statement.Declare(copy, type));
          copies.add(new Statement.Set(copy, next));
          next = nodes.ref(copy, type);
        }
        sets.add(new Statement.Set(local, next));
        overwritten.add(local);
      }
    });
    copies.addAll(sets);
    return copies;
  }

  private Value template(String variable, Value value) {
    String[] n = names.get(variable);
    Type[] t = types.get(variable);
    List<Node> components = new ArrayList<>(Value.components(value));
    for (int c = 0; c < components.size(); c++) {
      if (n[c] != null) {
        components.set(c, nodes.ref(n[c], t[c]));
      }
    }
    return Value.withComponents(value, components);
  }

  private static Jet.Component componentOf(Jet jet, int index) {
    Jet.Component[] found = new Jet.Component[1];
    int[] i = {0};
    jet.map((node, component) -> {
      if (i[0]++ == index) {
        found[0] = component;
      }
      return node;
    });
    return found[0];
  }
}

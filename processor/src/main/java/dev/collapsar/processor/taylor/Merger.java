package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the two sides of an {@code if} whose condition is known only at run time. A component
 * that is the same node on both sides (a structural zero, an untouched local) stays as it is;
 * one that differs gets a mutable local, declared before the {@code if} and set at the end of each
 * branch. Sparsity thus survives branches exactly where it holds on both sides.
 */
final class Merger {
  private final NodeFactory nodes;
  private final Binder binder;

  Merger(NodeFactory nodes, Binder binder) {
    this.nodes = nodes;
    this.binder = binder;
  }

  /** The side outputs of one merge: declarations before, assignments at the end of each branch. */
  static final class Sides {
    final List<Statement> declarations = new ArrayList<>();
    final List<Statement> thenTail = new ArrayList<>();
    final List<Statement> elseTail = new ArrayList<>();
  }

  Value merge(String variable, Value a, Value b, Sides sides) {
    if (a instanceof Value.Num x && b instanceof Value.Num y) {
      return new Value.Num(mergeJets(variable, x.jet(), y.jet(), sides));
    }
    if (a instanceof Value.Array || a.getClass() != b.getClass()) {
      return a; // array parameters are never reassigned
    }
    List<Node> left = Value.components(a);
    List<Node> right = Value.components(b);
    List<Node> merged = new ArrayList<>();
    for (int c = 0; c < left.size(); c++) {
      Node x = left.get(c);
      Node y = right.get(c);
      merged.add(x == y ? x : assign(binder.mutable(c == 0 ? variable : variable + "_c" + c), x.type(), x, y, sides));
    }
    return Value.withComponents(a, merged);
  }

  Jet mergeJets(String variable, Jet a, Jet b, Sides sides) {
    List<Node> others = new ArrayList<>();
    b.map((value, component) -> {
      others.add(value);
      return value;
    });
    int[] index = {0};
    return a.map((value, component) -> {
      Node other = others.get(index[0]++);
      if (value == other) {
        return value;
      }
      String name = binder.mutable(variable, component);
      return assign(name, binder.type(component), value, other, sides);
    });
  }

  private Node assign(String name, Type type, Node thenValue, Node elseValue, Sides sides) {
    sides.declarations.add(new Statement.Declare(name, type));
    sides.thenTail.add(new Statement.Set(name, thenValue));
    sides.elseTail.add(new Statement.Set(name, elseValue));
    return nodes.ref(name, type);
  }
}

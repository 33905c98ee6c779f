package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Undoes common-subexpression sharing of plain {@code int} arithmetic ({@code int t12 = 3 + t9})
 * before direction loops are formed: a loop's update then reads {@code j = 1 + j}, the shape the
 * jam passes look for ({@link JamCheck}), and no int local sits between the lane statements of a
 * run. A use is
 * inlined only while the locals the definition reads still hold the same values (not across an
 * assignment to them, nor into a loop that assigns them); definitions left without uses are dropped.
 */
final class IntInlining {
  private final NodeFactory nodes;

  private IntInlining(NodeFactory nodes) {
    this.nodes = nodes;
  }

  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result optimized) {
    IntInlining inlining = new IntInlining(nodes);
    Map<String, Node> definitions = new HashMap<>();
    List<Statement> body = inlining.block(optimized.body(), definitions);
    List<Node> outputs = optimized.outputs().stream().map(o -> inlining.substitute(o, definitions)).toList();
    Map<String, Integer> reads = Walk.readCounts(body, outputs.toArray(Node[]::new));
    return new Optimizer.Result(drop(body, reads), outputs);
  }

  private List<Statement> block(List<Statement> in, Map<String, Node> definitions) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : in) {
      if (s instanceof Statement.Let let) {
        Node value = substitute(let.value(), definitions);
        if (value.type() == Type.INT && pure(value)) {
          definitions.put(let.name(), value);
        }
        out.add(new Statement.Let(let.name(), value));
      } else if (s instanceof Statement.Set set) {
        out.add(new Statement.Set(set.name(), substitute(set.value(), definitions)));
        forget(definitions, Set.of(set.name()));
      } else if (s instanceof Statement.Store store) {
        out.add(new Statement.Store(substitute(store.array(), definitions), substitute(store.index(), definitions),
            substitute(store.value(), definitions)));
      } else if (s instanceof Statement.Branch b) {
        Set<String> assigned = assigned(List.of(b));
        Node condition = substitute(b.condition(), definitions);
        out.add(new Statement.Branch(condition, block(b.then(), new HashMap<>(definitions)),
            block(b.otherwise(), new HashMap<>(definitions))));
        forget(definitions, assigned);
      } else if (s instanceof Statement.Loop loop) {
        forget(definitions, assigned(loop.body()));
        out.add(new Statement.Loop(substitute(loop.condition(), definitions),
            block(loop.body(), new HashMap<>(definitions))));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether the node is int arithmetic over constants and locals only. */
  private static boolean pure(Node n) {
    if (n instanceof Node.Const || n instanceof Node.Ref) {
      return true;
    }
    Node.Apply a = (Node.Apply) n;
    if (!(a.operator() instanceof Op op) || op == Op.DIV || op == Op.REM) {
      return false;
    }
    for (int i = 0; i < a.arity(); i++) {
      if (!pure(a.argument(i))) {
        return false;
      }
    }
    return true;
  }

  private Node substitute(Node n, Map<String, Node> definitions) {
    if (n instanceof Node.Ref r) {
      return definitions.getOrDefault(r.name(), n);
    }
    if (!(n instanceof Node.Apply a) || definitions.isEmpty()) {
      return n;
    }
    return Walk.mapArguments(nodes, a, a.type(), argument -> substitute(argument, definitions));
  }

  /** Definitions that read an assigned local no longer describe its value. */
  private static void forget(Map<String, Node> definitions, Set<String> assigned) {
    definitions.keySet().removeIf(name -> assigned.contains(name) || definitions.get(name).reads(assigned));
  }

  private static Set<String> assigned(List<Statement> body) {
    Set<String> names = new HashSet<>();
    for (Statement s : body) {
      if (s instanceof Statement.Set set) {
        names.add(set.name());
      } else if (s instanceof Statement.Branch b) {
        names.addAll(assigned(b.then()));
        names.addAll(assigned(b.otherwise()));
      } else if (s instanceof Statement.Loop loop) {
        names.addAll(assigned(loop.body()));
      }
    }
    return names;
  }

  /** The statements without int definitions nothing reads any more. */
  private static List<Statement> drop(List<Statement> body, Map<String, Integer> reads) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : body) {
      if (s instanceof Statement.Let let && let.value().type() == Type.INT && pure(let.value())
          && !reads.containsKey(let.name())) {
        continue;
      } else if (s instanceof Statement.Branch b) {
        out.add(new Statement.Branch(b.condition(), drop(b.then(), reads), drop(b.otherwise(), reads)));
      } else if (s instanceof Statement.Loop loop) {
        out.add(new Statement.Loop(loop.condition(), drop(loop.body(), reads)));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}

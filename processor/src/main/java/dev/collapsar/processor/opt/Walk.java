package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.List;
import java.util.function.Consumer;

/** Visits the nodes of structured statements: every node of every expression, parents before children. */
final class Walk {
  private Walk() {}

  static void nodes(List<Statement> statements, Consumer<Node> visit) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let) {
        node(let.value(), visit);
      } else if (s instanceof Statement.Set set) {
        node(set.value(), visit);
      } else if (s instanceof Statement.Store store) {
        node(store.array(), visit);
        node(store.index(), visit);
        node(store.value(), visit);
      } else if (s instanceof Statement.Loop loop) {
        node(loop.condition(), visit);
        nodes(loop.body(), visit);
      } else if (s instanceof Statement.Branch b) {
        node(b.condition(), visit);
        nodes(b.then(), visit);
        nodes(b.otherwise(), visit);
      } else if (s instanceof Statement.Outlined call) {
        call.arguments().forEach(argument -> node(argument, visit));
      } else if (s instanceof Statement.LaneSweep sweep) {
        node(sweep.start(), visit);
        node(sweep.bound(), visit);
        nodes(sweep.step(), visit);
        for (Statement.LaneSweep.Row row : sweep.rows()) {
          node(row.target(), visit);
          row.terms().forEach(term -> {
            node(term.coefficient(), visit);
            node(term.source(), visit);
          });
        }
        nodes(sweep.scalars(), visit);
        sweep.carried().forEach(c -> node(c, visit));
        if (sweep.carry() != null) {
          node(sweep.carry(), visit);
        }
      }
    }
  }

  private static void node(Node n, Consumer<Node> visit) {
    visit.accept(n);
    if (n instanceof Node.Apply a) {
      a.arguments().forEach(child -> node(child, visit));
    }
  }

  /**
   * {@code apply} with each argument replaced by {@code f} of it, as a node of type {@code type};
   * {@code apply} itself when nothing changed.
   */
  static Node mapArguments(NodeFactory nodes, Node.Apply apply, Type type, java.util.function.UnaryOperator<Node> f) {
    Node[] arguments = new Node[apply.arity()];
    boolean changed = type != apply.type();
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = f.apply(apply.argument(i));
      changed |= arguments[i] != apply.argument(i);
    }
    return changed ? nodes.apply(type, apply.operator(), arguments) : apply;
  }

  /** How often each name is read, over all statements and nested bodies (and {@code outputs}). */
  static java.util.Map<String, Integer> readCounts(List<Statement> body, Node... outputs) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    Consumer<Node> count = n -> {
      if (n instanceof Node.Ref r) {
        counts.merge(r.name(), 1, Integer::sum);
      }
    };
    nodes(body, count);
    for (Node output : outputs) {
      node(output, count);
    }
    return counts;
  }

  /** Every name declared or read anywhere in the body, into {@code names}. */
  static void names(List<Statement> body, java.util.Set<String> names) {
    names.addAll(readCounts(body).keySet());
    Statement.declared(body, names);
  }

  /** How often {@code name} is read, defined or assigned. */
  static int mentions(List<Statement> statements, String name) {
    int[] count = {0};
    nodes(statements, n -> count[0] += n instanceof Node.Ref r && r.name().equals(name) ? 1 : 0);
    count[0] += defines(statements, name);
    return count[0];
  }

  private static int defines(List<Statement> statements, String name) {
    int count = 0;
    for (Statement s : statements) {
      if (s instanceof Statement.Let let && let.name().equals(name) || s instanceof Statement.Declare d && d.name().equals(name)
          || s instanceof Statement.Set set && set.name().equals(name)) {
        count++;
      } else if (s instanceof Statement.Loop loop) {
        count += defines(loop.body(), name);
      } else if (s instanceof Statement.Branch b) {
        count += defines(b.then(), name) + defines(b.otherwise(), name);
      }
    }
    return count;
  }

  /**
   * Whether the array {@code name} is used other than indexed ({@code name[…]}), e.g. copied to
   * another variable ({@code h = z}), which would let a read through the copy see its elements.
   */
  static boolean aliases(List<Statement> statements, String name) {
    int[] indexed = {0};
    nodes(statements, n -> indexed[0] += n instanceof Node.Apply a && a.operator() == Special.ARRAY_LOAD
        && a.argument(0) instanceof Node.Ref r && r.name().equals(name) ? 1 : 0);
    stores(statements, store -> indexed[0] += store.array() instanceof Node.Ref r && r.name().equals(name) ? 1 : 0);
    int[] reads = {0};
    nodes(statements, n -> reads[0] += n instanceof Node.Ref r && r.name().equals(name) ? 1 : 0);
    return reads[0] > indexed[0];
  }

  /** Every store in the statements, nested ones included. */
  static void stores(List<Statement> statements, Consumer<Statement.Store> visit) {
    flatten(statements).forEach(s -> {
      if (s instanceof Statement.Store store) {
        visit.accept(store);
      }
    });
  }

  /** Every assignment of a declared local in the statements, nested ones included. */
  static void sets(List<Statement> statements, Consumer<Statement.Set> visit) {
    flatten(statements).forEach(s -> {
      if (s instanceof Statement.Set set) {
        visit.accept(set);
      }
    });
  }

  private static List<Statement> flatten(List<Statement> statements) {
    List<Statement> all = new java.util.ArrayList<>();
    for (Statement s : statements) {
      all.add(s);
      if (s instanceof Statement.Loop loop) {
        all.addAll(flatten(loop.body()));
      } else if (s instanceof Statement.Branch b) {
        all.addAll(flatten(b.then()));
        all.addAll(flatten(b.otherwise()));
      }
    }
    return all;
  }
}

package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Operator;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common-subexpression elimination over a structured body. A node bound to a local in scope is
 * printed as that local; a node used by two or more parents anywhere is bound to a temporary the
 * first time it is needed in a scope. Scopes follow the branches of {@code if}s, so nothing computed
 * in one branch is used in the other or after the {@code if}.
 */
final class Sharing {
  private final NodeFactory nodes;
  private final List<Statement> body;
  private final List<Node> outputs;
  private final Map<Node, Integer> uses = new HashMap<>();
  private final Map<Node, Boolean> varies = new HashMap<>();
  private final Set<String> taken = new HashSet<>();
  private final Deque<Map<Node, Node>> scopes = new ArrayDeque<>();
  private List<Node> rewrittenOutputs;
  private int temporaries;

  Sharing(NodeFactory nodes, List<Statement> body, List<Node> outputs) {
    this.nodes = nodes;
    this.body = body;
    this.outputs = outputs;
  }

  List<Statement> rewrite() {
    Set<Node> visited = new HashSet<>();
    countUses(body, visited);
    for (Node output : outputs) {
      count(output, visited);
    }
    scopes.push(new HashMap<>());
    List<Statement> result = block(body);
    List<Node> rewritten = new ArrayList<>();
    for (Node output : outputs) {
      rewritten.add(expression(output, result));
    }
    rewrittenOutputs = rewritten;
    return result;
  }

  List<Node> rewrittenOutputs() {
    return rewrittenOutputs;
  }

  private List<Statement> block(List<Statement> statements) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : statements) {
      if (s instanceof Statement.Let let) {
        Node value = root(let.value(), out);
        Node ref = nodes.ref(let.name(), let.value().type());
        if (value instanceof Node.Apply) {
          out.add(new Statement.Let(let.name(), value));
          scopes.peek().put(let.value(), ref);
          scopes.peek().put(value, ref);
        } else {
          scopes.peek().put(ref, value); // copy propagation: a local that only renames a value
        }
      } else if (s instanceof Statement.Set set) {
        out.add(new Statement.Set(set.name(), expression(set.value(), out)));
      } else if (s instanceof Statement.Branch branch) {
        Node condition = expression(branch.condition(), out);
        out.add(new Statement.Branch(condition, scoped(branch.then()), scoped(branch.otherwise())));
      } else if (s instanceof Statement.Store store) {
        Node array = expression(store.array(), out);
        Node index = expression(store.index(), out);
        out.add(new Statement.Store(array, index, expression(store.value(), out)));
      } else if (s instanceof Statement.Loop loop) {
        // the condition is re-evaluated at every iteration: nothing of it may move before the loop
        out.add(new Statement.Loop(inline(loop.condition()), scoped(loop.body())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private List<Statement> scoped(List<Statement> statements) {
    scopes.push(new HashMap<>());
    try {
      return block(statements);
    } finally {
      scopes.pop();
    }
  }

  /** Rewrites a node using the locals in scope, without introducing temporaries. */
  private Node inline(Node n) {
    Node bound = lookup(n);
    if (bound != null || !(n instanceof Node.Apply apply)) {
      return bound != null ? bound : n;
    }
    Node[] args = new Node[apply.arity()];
    for (int i = 0; i < args.length; i++) {
      args[i] = inline(apply.argument(i));
    }
    return rebuild(apply, args);
  }

  /** Rewrites the whole value of a statement: its children may get temporaries, it does not. */
  private Node root(Node n, List<Statement> out) {
    Node bound = lookup(n);
    if (bound != null || !(n instanceof Node.Apply apply)) {
      return bound != null ? bound : n;
    }
    return rebuild(apply, children(apply, out));
  }

  private Node[] children(Node.Apply apply, List<Statement> out) {
    Node[] args = new Node[apply.arity()];
    for (int i = 0; i < args.length; i++) {
      args[i] = expression(apply.argument(i), out);
    }
    return args;
  }

  /** Rewrites a node: bound nodes become locals, shared ones get temporaries emitted into {@code out}. */
  private Node expression(Node n, List<Statement> out) {
    Node bound = lookup(n);
    if (bound != null) {
      return bound;
    }
    if (!(n instanceof Node.Apply apply)) {
      return n;
    }
    Node result = rebuild(apply, children(apply, out));
    if (uses.getOrDefault(n, 0) >= 2 && (!n.type().isArray() || isRowAt(apply))
        && (n.type() == Type.LANES || !varies(n))) {
      String name = freshTemporary();
      out.add(new Statement.Let(name, result));
      Node ref = nodes.ref(name, n.type());
      scopes.peek().put(n, ref);
      return ref;
    }
    return result;
  }

  /**
   * A row loaded at a computed index, e.g. element j's directions {@code h_d1[j]}: loaded once. Rows at
   * constant indices stay inline ({@code v[3][j]}: cheap, and one direction's row in unrolled code);
   * allocations are never repeated.
   */
  private static boolean isRowAt(Node.Apply apply) {
    return apply.operator() == Special.ARRAY_LOAD && !(apply.argument(1) instanceof Node.Const);
  }

  /**
   * Whether a node that is not a lane value still differs from lane to lane (the lane index, a row
   * picked by it): such a node is bound only inside the loop that gives the lane a value.
   */
  private boolean varies(Node n) {
    if (n.type() == Type.LANES) {
      return true;
    }
    if (!(n instanceof Node.Apply apply)) {
      return false;
    }
    Boolean known = varies.get(n);
    if (known == null) {
      known = apply.operator() == Special.LANE || apply.operator() == Special.ONE_HOT
          || apply.operator() != Special.LANE_SUM && apply.operator() != Special.LANE_AT
          && apply.arguments().stream().anyMatch(this::varies);
      varies.put(n, known);
    }
    return known;
  }

  private Node rebuild(Node.Apply apply, Node[] args) {
    Operator op = apply.operator();
    return nodes.apply(apply.type(), op, args);
  }

  private Node lookup(Node n) {
    for (Map<Node, Node> scope : scopes) {
      Node ref = scope.get(n);
      if (ref != null) {
        return ref;
      }
    }
    return null;
  }

  private void countUses(List<Statement> statements, Set<Node> visited) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let) {
        taken.add(let.name());
        count(let.value(), visited);
      } else if (s instanceof Statement.Declare declare) {
        taken.add(declare.name());
      } else if (s instanceof Statement.Set set) {
        countRoot(set.value(), visited);
      } else if (s instanceof Statement.Branch branch) {
        count(branch.condition(), visited);
        countUses(branch.then(), visited);
        countUses(branch.otherwise(), visited);
      } else if (s instanceof Statement.Loop loop) {
        count(loop.condition(), visited);
        countUses(loop.body(), visited);
      } else if (s instanceof Statement.Store store) {
        count(store.array(), visited);
        count(store.index(), visited);
        countRoot(store.value(), visited);
      }
    }
  }

  /**
   * A statement's whole value counts as a use: written by a store or set and needed again later, it
   * must be bound to a temporary before the write, not recomputed after it (where it would read the
   * element or local just written: fuzz seed 271828, program 273943, {@code h[0] = -h[0] / c} whose
   * new first-order coefficient, stored, was recomputed for the second-order one from the new value).
   */
  private void countRoot(Node n, Set<Node> visited) {
    if (n instanceof Node.Apply) {
      uses.merge(n, 1, Integer::sum);
    }
    count(n, visited);
  }

  private void count(Node n, Set<Node> visited) {
    if (n instanceof Node.Ref ref) {
      taken.add(ref.name());
    }
    if (!visited.add(n) || !(n instanceof Node.Apply apply)) {
      return;
    }
    for (int i = 0; i < apply.arity(); i++) {
      Node child = apply.argument(i);
      if (child instanceof Node.Apply) {
        uses.merge(child, 1, Integer::sum);
      }
      count(child, visited);
    }
  }

  private String freshTemporary() {
    String name;
    do {
      name = "t" + ++temporaries;
    } while (!taken.add(name));
    return name;
  }

}

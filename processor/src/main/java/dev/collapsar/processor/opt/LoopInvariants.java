package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a loop over the directions computes the same in every lane, bound to locals before the loop:
 * the rows it reads at an index the loop does not change ({@code h_d1[j]}: loaded once, and the loop
 * indexes plain arrays by its own index, what C2 vectorizes and the jam passes look for), and the
 * scalar operations in its values ({@code -(t5 + t5)} in a lane sum's terms, {@code Math.cos(t2)}
 * inside a one-hot value): per-direction code shared them as common subexpressions.
 */
final class LoopInvariants {
  private final NodeFactory nodes;
  private final UnaryOperator<String> fresh;
  private final List<Statement> out;
  private final Map<Node, Node> bound = new LinkedHashMap<>();

  private LoopInvariants(NodeFactory nodes, UnaryOperator<String> fresh, List<Statement> out) {
    this.nodes = nodes;
    this.fresh = fresh;
    this.out = out;
  }

  /** The invariants of {@code run} → the locals bound to them in {@code out}; {@code fresh} names them. */
  static Map<Node, Node> of(List<Statement> run, NodeFactory nodes, UnaryOperator<String> fresh, List<Statement> out) {
    LoopInvariants pass = new LoopInvariants(nodes, fresh, out);
    List<Statement> reads = new ArrayList<>();
    for (Statement s : run) {
      // a store's own row stays in the store, where the accumulator pass looks for it
      reads.add(s instanceof Statement.Store store ? new Statement.Set("", store.value()) : s);
    }
    Walk.nodes(reads, pass::row);
    for (Statement s : reads) {
      LaneSegments.forEachRoot(s, pass::scalars);
    }
    return pass.bound;
  }

  private void row(Node n) {
    if (n instanceof Node.Apply a && a.operator() == Special.ARRAY_LOAD && a.type() == Type.DOUBLE_ARRAY
        && !(a.argument(1) instanceof Node.Const) && !bound.containsKey(n) && Lanes.width(n) == 0) {
      String name = fresh.apply("row");
      out.add(new Statement.Let(name, n));
      bound.put(n, nodes.ref(name, Type.DOUBLE_ARRAY));
    }
  }

  private void scalars(Node node) {
    if (!(node instanceof Node.Apply apply) || bound.containsKey(node)) {
      return;
    }
    if (node.type() == Type.DOUBLE && Lanes.width(node) == 0 && (apply.operator() instanceof Op
        || apply.operator() instanceof MathFn)) {
      String name = fresh.apply("t_lanes");
      out.add(new Statement.Let(name, node));
      bound.put(node, nodes.ref(name, Type.DOUBLE));
      return;
    }
    apply.arguments().forEach(this::scalars);
  }
}

package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A lane value at one lane: the lane index becomes {@code lane} (a loop index or a constant), a
 * one-hot value {@code lane == k ? v : 0.0}, a lane local its element (or, for a local of the loop
 * body, the local itself), and every operation on lanes the same operation on doubles.
 */
final class LaneValues {
  private final NodeFactory nodes;
  private final Node lane;
  private final Set<String> arrays;
  private final Map<Node, Node> done = new HashMap<>();

  /** @param arrays the lane locals that live in arrays */
  LaneValues(NodeFactory nodes, Node lane, Set<String> arrays) {
    this.nodes = nodes;
    this.lane = lane;
    this.arrays = arrays;
  }

  /** Reads of {@code node} become {@code replacement} (a local bound before the loop). */
  void bind(Node node, Node replacement) {
    done.put(node, replacement);
  }

  Node of(Node node) {
    Node known = done.get(node);
    if (known == null) {
      known = at(node);
      done.put(node, known);
    }
    return known;
  }

  private Node at(Node node) {
    if (node instanceof Node.Ref r && r.type() == Type.LANES) {
      return arrays.contains(r.name())
          ? nodes.apply(Type.DOUBLE, Special.ARRAY_LOAD, nodes.ref(r.name(), Type.DOUBLE_ARRAY), lane)
          : nodes.ref(r.name(), Type.DOUBLE);
    }
    if (!(node instanceof Node.Apply apply)) {
      return node;
    }
    if (apply.operator() == Special.LANE) {
      return lane;
    }
    if (apply.operator() == Special.ONE_HOT) {
      return oneHot(apply.argument(0), of(apply.argument(2)));
    }
    return Walk.mapArguments(nodes, apply, apply.type() == Type.LANES ? Type.DOUBLE : apply.type(), this::of);
  }

  /** {@code value} in lane k, a structural zero elsewhere. */
  private Node oneHot(Node k, Node value) {
    if (k instanceof Node.Const a && lane instanceof Node.Const b) {
      return a.value() == b.value() ? value : nodes.number(0);
    }
    return nodes.apply(Type.DOUBLE, Special.SELECT, nodes.apply(Type.BOOLEAN, Op.EQ, lane, k), value, nodes.number(0));
  }
}

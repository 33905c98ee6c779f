package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Type;
import java.util.List;

/**
 * Writes the R per-direction values of a seed (a coordinate's component along each direction, a
 * direction's weight) as one lane value: the same node in every lane; a one-hot constant
 * ({@code e_k}); or one expression in which the lane index stands where lane d has the int d
 * ({@code v[d][a]} → {@code v[LANE][a]}). Anything else has no such form (the caller stores it in a
 * row and reads the row at the lane index).
 */
final class LaneVectors {
  private LaneVectors() {}

  /** The lane value whose lane d is {@code lanes.get(d)}, or null if there is none of these forms. */
  static Node template(Algebra alg, List<Node> lanes) {
    int width = lanes.size();
    if (same(lanes)) {
      return lanes.get(0);
    }
    int hot = -1;
    for (int d = 0; d < width; d++) {
      Node n = lanes.get(d);
      if (!(n instanceof Node.Const c) || n.type() != Type.DOUBLE) {
        hot = -2;
        break;
      }
      if (!c.is(0)) {
        hot = hot == -1 ? d : -2;
      }
    }
    if (hot >= 0) {
      return Lanes.oneHot(alg.nodes(), alg.nodes().constant(hot, Type.INT), width, lanes.get(hot));
    }
    return unify(alg, lanes, width);
  }

  private static Node unify(Algebra alg, List<Node> lanes, int width) {
    if (same(lanes)) {
      return lanes.get(0);
    }
    if (isLaneIndex(lanes)) {
      return Lanes.index(alg.nodes(), width);
    }
    if (!(lanes.get(0) instanceof Node.Apply first)) {
      return null;
    }
    for (Node n : lanes) {
      if (!(n instanceof Node.Apply a) || a.operator() != first.operator() || a.arity() != first.arity()
          || a.type() != first.type()) {
        return null;
      }
    }
    Node[] arguments = new Node[first.arity()];
    boolean varies = false;
    for (int i = 0; i < arguments.length; i++) {
      int at = i;
      arguments[i] = unify(alg, lanes.stream().map(n -> ((Node.Apply) n).argument(at)).toList(), width);
      if (arguments[i] == null) {
        return null;
      }
      varies |= Lanes.varies(arguments[i]);
    }
    Type type = varies && first.type() == Type.DOUBLE ? Type.LANES : first.type();
    return alg.nodes().apply(type, first.operator(), arguments);
  }

  /** Whether lane d holds the int constant d. */
  private static boolean isLaneIndex(List<Node> lanes) {
    for (int d = 0; d < lanes.size(); d++) {
      if (!(lanes.get(d) instanceof Node.Const c) || c.type() != Type.INT || !c.is(d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(List<Node> lanes) {
    return lanes.stream().allMatch(n -> n == lanes.get(0));
  }
}

package dev.collapsar.processor.ir;

import java.util.HashSet;
import java.util.Set;

/**
 * The lane axis of the value graph: the directions of a jet group, written once for all of them.
 * The Taylor stage computes a rolled group's coefficients as one node per order that mentions the
 * lane index ({@link Special#LANE}, {@link Special#ONE_HOT}) or a lane local (a {@link Type#LANES}
 * reference); the optimizer decides how to write them ({@code opt.DirectionLoops}).
 */
public final class Lanes {
  private Lanes() {}

  /** The lane index d of an axis of {@code width} lanes. */
  public static Node index(NodeFactory nodes, int width) {
    return nodes.apply(Type.INT, Special.LANE, nodes.constant(width, Type.INT));
  }

  /** {@code value} in lane {@code k}, a structural zero in the others. */
  public static Node oneHot(NodeFactory nodes, Node k, int width, Node value) {
    return nodes.apply(Type.LANES, Special.ONE_HOT, k, nodes.constant(width, Type.INT), value);
  }

  /** Whether {@code node} has a value per lane (it mentions a lane index or a lane local). */
  public static boolean varies(Node node) {
    return node.type() == Type.LANES || width(node) > 0;
  }

  /**
   * Whether {@code node} has a value per lane through any of its arguments: a lane value, a lane index
   * or a one-hot seed anywhere below it (a comparison of two lane values, a select on one), not
   * counting sums over the lanes and single lanes, which are scalars.
   */
  public static boolean mentions(Node node) {
    return mentions(node, new HashSet<>());
  }

  private static boolean mentions(Node node, Set<Node> visited) {
    if (node.type() == Type.LANES) {
      return true;
    }
    if (!(node instanceof Node.Apply apply) || !visited.add(node)) {
      return false;
    }
    if (apply.operator() == Special.LANE || apply.operator() == Special.ONE_HOT) {
      return true;
    }
    if (apply.operator() == Special.LANE_SUM || apply.operator() == Special.LANE_AT) {
      return false;
    }
    for (int i = 0; i < apply.arity(); i++) {
      if (mentions(apply.argument(i), visited)) {
        return true;
      }
    }
    return false;
  }

  /** The width of the lane axis {@code node} mentions through a lane index, or 0 if none. */
  public static int width(Node node) {
    return width(node, new HashSet<>());
  }

  private static int width(Node node, Set<Node> visited) {
    if (!(node instanceof Node.Apply apply) || !visited.add(node)) {
      return 0;
    }
    if (apply.operator() == Special.LANE) {
      return (int) ((Node.Const) apply.argument(0)).value();
    }
    if (apply.operator() == Special.ONE_HOT) {
      return (int) ((Node.Const) apply.argument(1)).value();
    }
    if (apply.operator() == Special.LANE_SUM || apply.operator() == Special.LANE_AT) {
      return 0; // a scalar: one lane, or all of them summed
    }
    for (int i = 0; i < apply.arity(); i++) {
      int w = width(apply.argument(i), visited);
      if (w > 0) {
        return w;
      }
    }
    return 0;
  }

  /** The constant int argument {@code i} of {@code apply}. */
  public static int intArgument(Node.Apply apply, int i) {
    return (int) ((Node.Const) apply.argument(i)).value();
  }
}

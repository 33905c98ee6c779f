package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Type;

/**
 * The folding rules of a one-hot lane value ({@link Special#ONE_HOT}: v in lane k, structural zeros
 * elsewhere): a factor that is the same in every lane, and a second one-hot value in the same lane,
 * fold into v, so that a seed stays one value however it is scaled (x·0 = 0 in the other lanes, as
 * for any structural zero).
 */
final class OneHots {
  private OneHots() {}

  static boolean is(Node node) {
    return node instanceof Node.Apply a && a.operator() == Special.ONE_HOT;
  }

  /** {@code op} on two operands of which one is one-hot, folded; null if it does not fold. */
  static Node binary(Algebra alg, Op op, Node left, Node right) {
    if (op == Op.MUL && is(left) && uniform(right)) {
      return with(alg, (Node.Apply) left, alg.binary(op, value(left), right));
    }
    if (op == Op.MUL && is(right) && uniform(left)) {
      return with(alg, (Node.Apply) right, alg.binary(op, left, value(right)));
    }
    if (op == Op.DIV && is(left) && uniform(right)) {
      return with(alg, (Node.Apply) left, alg.binary(op, value(left), right));
    }
    if ((op == Op.ADD || op == Op.SUB || op == Op.MUL) && is(left) && is(right) && sameLane(left, right)) {
      return with(alg, (Node.Apply) left, alg.binary(op, value(left), value(right)));
    }
    if (op == Op.MUL && is(left) && is(right) && ((Node.Apply) left).argument(0) instanceof Node.Const
        && ((Node.Apply) right).argument(0) instanceof Node.Const) {
      return alg.zero(); // two different lanes: a structural zero everywhere
    }
    return null;
  }

  /** Σ over the lanes of a one-hot value: its one value (every other term is an exact zero). */
  static Node sum(Node lanes) {
    return is(lanes) ? value(lanes) : null;
  }

  private static boolean sameLane(Node a, Node b) {
    return ((Node.Apply) a).argument(0) == ((Node.Apply) b).argument(0);
  }

  /** The one-hot value {@code oneHot} with its lane's value replaced by {@code value}. */
  static Node with(Algebra alg, Node.Apply oneHot, Node value) {
    if (Algebra.isZero(value)) {
      return value;
    }
    return alg.nodes().apply(Type.LANES, Special.ONE_HOT, oneHot.argument(0), oneHot.argument(1), value);
  }

  private static Node value(Node oneHot) {
    return ((Node.Apply) oneHot).argument(2);
  }

  /** A scalar double: the same in every lane. */
  private static boolean uniform(Node node) {
    return node.type() == Type.DOUBLE;
  }
}

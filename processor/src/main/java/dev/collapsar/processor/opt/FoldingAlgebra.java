package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Type;

/**
 * The {@link Algebra} the Taylor stage builds with: it folds constants, applies the identities
 * 0·x = 0, 1·x = x, x ± 0 = x, 0/x = 0, −(−x) = x, and orders the operands of + and · so that
 * equal sums and products are one node (IEEE + and · are commutative, so this is exact).
 *
 * <p>0·x = 0 is the automatic-differentiation convention for structural zeros: a derivative
 * coefficient that is zero by construction stays zero even where the primal is infinite. That is
 * what makes one-hot seeds free (DESIGN §5).
 */
public final class FoldingAlgebra implements Algebra {
  private final NodeFactory nodes;

  public FoldingAlgebra(NodeFactory nodes) {
    this.nodes = nodes;
  }

  @Override
  public NodeFactory nodes() {
    return nodes;
  }

  @Override
  public Node binary(Op op, Node left, Node right) {
    if (left instanceof Node.Const a && right instanceof Node.Const b) {
      return ConstantFolder.fold(nodes, op, a, b);
    }
    Node simplified = identities(op, left, right);
    if (simplified != null) {
      return simplified;
    }
    Node sparse = OneHots.binary(this, op, left, right);
    if (sparse != null) {
      return sparse;
    }
    if ((op == Op.ADD || op == Op.MUL) && before(right, left)) {
      Node swap = left;
      left = right;
      right = swap;
    }
    return nodes.apply(resultType(op, left, right), op, left, right);
  }

  private Node identities(Op op, Node left, Node right) {
    switch (op) {
      case ADD:
        if (Algebra.isZero(left)) return right;
        if (Algebra.isZero(right)) return left;
        return null;
      case SUB:
        if (Algebra.isZero(right)) return left;
        if (Algebra.isZero(left)) return unary(Op.NEG, right);
        return null;
      case MUL:
        return multiplicativeIdentity(left, right);
      case DIV:
        if (Algebra.isZero(left) || Algebra.isConstant(right, 1.0)) return left;
        if (Algebra.isConstant(right, -1.0)) return unary(Op.NEG, left);
        return null;
      case AND:
        if (left instanceof Node.Const c) return c.is(0) ? left : right;
        return null;
      case OR:
        if (left instanceof Node.Const c) return c.is(0) ? right : left;
        return null;
      default:
        return null;
    }
  }

  private Node multiplicativeIdentity(Node left, Node right) {
    if (left.type().isReal() && Algebra.isZero(left) && right.type() == Type.INT
        || right.type().isReal() && Algebra.isZero(right) && left.type() == Type.INT) {
      return zero(); // an int is finite: 0.0·i = 0.0
    }
    if (!left.type().isReal() || !right.type().isReal()) {
      return null;
    }
    if (Algebra.isZero(left) || Algebra.isZero(right)) return zero();
    if (Algebra.isConstant(left, 1.0)) return right;
    if (Algebra.isConstant(right, 1.0)) return left;
    if (Algebra.isConstant(left, -1.0)) return unary(Op.NEG, right);
    if (Algebra.isConstant(right, -1.0)) return unary(Op.NEG, left);
    Node.Const c = left instanceof Node.Const l ? l : right instanceof Node.Const r ? r : null;
    Node other = c == left ? right : left;
    if (c != null && other instanceof Node.Apply inner && inner.operator() == Op.MUL
        && inner.argument(0) instanceof Node.Const c2) {
      double product = c.value() * c2.value();
      if (Math.fma(c.value(), c2.value(), -product) == 0) { // reassociate only when exact
        return binary(Op.MUL, num(product), inner.argument(1));
      }
    }
    if (c != null && other instanceof Node.Apply neg && neg.operator() == Op.NEG) {
      return binary(Op.MUL, num(-c.value()), neg.argument(0));
    }
    return null;
  }

  @Override
  public Node unary(Op op, Node operand) {
    if (operand instanceof Node.Const c) {
      return op == Op.NEG
          ? nodes.constant(operand.type() == Type.INT ? (double) -(int) c.value() : -c.value(), c.type())
          : nodes.constant(c.is(0) ? 1 : 0, Type.BOOLEAN);
    }
    if (operand instanceof Node.Apply inner && inner.operator() == op) {
      return inner.argument(0);
    }
    if (op == Op.NEG && operand instanceof Node.Apply m && m.operator() == Op.MUL
        && m.argument(0) instanceof Node.Const c) {
      return binary(Op.MUL, num(-c.value()), m.argument(1));
    }
    if (op == Op.NEG && OneHots.is(operand)) {
      return OneHots.with(this, (Node.Apply) operand, unary(Op.NEG, ((Node.Apply) operand).argument(2)));
    }
    return nodes.apply(op == Op.NOT ? Type.BOOLEAN : operand.type(), op, operand);
  }

  @Override
  public Node call(MathFn fn, Node... arguments) {
    Node folded = ConstantFolder.foldCall(nodes, fn, arguments);
    return folded != null ? folded : nodes.apply(realType(arguments), fn, arguments);
  }

  @Override
  public Node select(Node condition, Node then, Node otherwise) {
    if (condition instanceof Node.Const c) {
      return c.is(0) ? otherwise : then;
    }
    if (then == otherwise) {
      return then;
    }
    // a select on a lane condition (a batch kernel's point values) has a value per lane too
    Type type = then.type() == Type.LANES || otherwise.type() == Type.LANES
        || then.type().isReal() && dev.collapsar.processor.ir.Lanes.mentions(condition) ? Type.LANES : then.type();
    return nodes.apply(type, Special.SELECT, condition, then, otherwise);
  }

  @Override
  public Node laneSum(Node lanes, int width) {
    Node one = OneHots.sum(lanes);
    return one != null ? one : Algebra.super.laneSum(lanes, width);
  }

  @Override
  public Node arrayLoad(Node array, Node index) {
    Type element = array.type() == Type.DOUBLE_TENSOR ? Type.DOUBLE_MATRIX
        : array.type() == Type.DOUBLE_MATRIX ? Type.DOUBLE_ARRAY
        : dev.collapsar.processor.ir.Lanes.varies(index) || dev.collapsar.processor.ir.Lanes.varies(array) ? Type.LANES
        : Type.DOUBLE;
    return nodes.apply(element, Special.ARRAY_LOAD, array, index);
  }

  @Override
  public Node length(Node array) {
    return nodes.apply(Type.INT, Special.LENGTH, array);
  }

  /** Constants first, then by creation order: a canonical order for commutative operands. */
  private static boolean before(Node a, Node b) {
    boolean aConst = a instanceof Node.Const;
    boolean bConst = b instanceof Node.Const;
    if (aConst != bConst) {
      return aConst;
    }
    return a.id() < b.id();
  }

  private static Type resultType(Op op, Node left, Node right) {
    if (op.isComparison() || op.isLogical()) {
      return Type.BOOLEAN;
    }
    if (left.type() == Type.LANES || right.type() == Type.LANES) {
      return Type.LANES;
    }
    return left.type() == Type.INT && right.type() == Type.INT ? Type.INT : Type.DOUBLE;
  }

  /** {@link Type#LANES} if any argument has a value per lane, else {@link Type#DOUBLE}. */
  private static Type realType(Node... arguments) {
    for (Node argument : arguments) {
      if (argument.type() == Type.LANES) {
        return Type.LANES;
      }
    }
    return Type.DOUBLE;
  }
}

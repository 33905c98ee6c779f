package dev.collapsar.processor.ir;

/**
 * Builds value-graph nodes. The Taylor stage writes its rules against this interface; the optimizer
 * implements it with constant folding, algebraic identities and structural-zero propagation, so
 * that every rule is written once, densely, and the zeros of sparse seeds cost nothing.
 */
public interface Algebra {

  /** The underlying factory (interning). */
  NodeFactory nodes();

  default Node num(double value) {
    return nodes().number(value);
  }

  default Node zero() {
    return num(0.0);
  }

  default Node one() {
    return num(1.0);
  }

  /** Applies a binary arithmetic, comparison or logical operator. */
  Node binary(Op op, Node left, Node right);

  /** Applies {@link Op#NEG} or {@link Op#NOT}. */
  Node unary(Op op, Node operand);

  Node call(MathFn fn, Node... arguments);

  /** {@code condition ? then : otherwise}. */
  Node select(Node condition, Node then, Node otherwise);

  Node arrayLoad(Node array, Node index);

  Node length(Node array);

  /** Σ_r a[i][r]·b[j][r]; never differentiated (it is a coefficient or a direction's component). */
  default Node crossDot(Node a, int i, Node b, int j) {
    return nodes().apply(Type.DOUBLE, Special.CROSS_DOT, a, nodes().constant(i, Type.INT), b,
        nodes().constant(j, Type.INT));
  }

  /** Σ_d lanes_d over a lane axis of {@code width} lanes, added in lane order ({@link Special#LANE_SUM}). */
  default Node laneSum(Node lanes, int width) {
    return nodes().apply(Type.DOUBLE, Special.LANE_SUM, lanes, nodes().constant(width, Type.INT));
  }

  default Node add(Node a, Node b) {
    return binary(Op.ADD, a, b);
  }

  default Node sub(Node a, Node b) {
    return binary(Op.SUB, a, b);
  }

  default Node mul(Node a, Node b) {
    return binary(Op.MUL, a, b);
  }

  default Node div(Node a, Node b) {
    return binary(Op.DIV, a, b);
  }

  default Node neg(Node a) {
    return unary(Op.NEG, a);
  }

  default Node scale(double c, Node a) {
    return mul(num(c), a);
  }

  /** True when {@code n} is the constant {@code value} (structural zeros and ones). */
  static boolean isConstant(Node n, double value) {
    return n instanceof Node.Const c && c.is(value);
  }

  static boolean isZero(Node n) {
    return isConstant(n, 0.0);
  }
}

package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;

/**
 * The one place where calculus is written down: the first derivative g′ of every unary function,
 * as an expression in its argument x and its value y = g(x). Every higher derivative is obtained by
 * differentiating these expressions ({@link Differentiator}), and every Taylor coefficient from
 * those derivatives ({@link Rules#unary}). Writing g′ in terms of y keeps the generated code cheap:
 * exp′ = y, tanh′ = 1 − y², sqrt′ = 1/(2y) reuse the primal instead of calling the function again.
 */
final class FirstDerivatives {
  private static final double INV_LN10 = 1 / Math.log(10);
  private static final double DEGREES_TO_RADIANS = 0.017453292519943295;
  private static final double RADIANS_TO_DEGREES = 57.29577951308232;

  private FirstDerivatives() {}

  /** g′(x) for the unary {@code fn}, where {@code y} is g(x). */
  static Node of(Algebra a, MathFn fn, Node x, Node y) {
    switch (fn) {
      case SIN: return a.call(MathFn.COS, x);
      case COS: return a.neg(a.call(MathFn.SIN, x));
      case TAN: return a.add(a.one(), a.mul(y, y));
      case ASIN: return a.div(a.one(), a.call(MathFn.SQRT, a.sub(a.one(), a.mul(x, x))));
      case ACOS: return a.div(a.num(-1), a.call(MathFn.SQRT, a.sub(a.one(), a.mul(x, x))));
      case ATAN: return a.div(a.one(), a.add(a.one(), a.mul(x, x)));
      case SINH: return a.call(MathFn.COSH, x);
      case COSH: return a.call(MathFn.SINH, x);
      case TANH: return a.sub(a.one(), a.mul(y, y));
      case EXP: return y;
      case EXPM1: return a.add(y, a.one());
      case LOG: return a.div(a.one(), x);
      case LOG1P: return a.div(a.one(), a.add(a.one(), x));
      case LOG10: return a.div(a.num(INV_LN10), x);
      case SQRT: return a.div(a.num(0.5), y);
      case CBRT: return a.div(a.one(), a.mul(a.num(3), a.mul(y, y)));
      case ABS: return a.call(MathFn.SIGNUM, x);
      case SIGNUM: case FLOOR: case CEIL: case RINT: return a.zero();
      case TO_RADIANS: return a.num(DEGREES_TO_RADIANS);
      case TO_DEGREES: return a.num(RADIANS_TO_DEGREES);
      default: throw new IllegalArgumentException("not a unary function: " + fn);
    }
  }

  /** ∂/∂x of x^c for an exponent c that does not depend on x: c·x^(c−1). */
  static Node power(Algebra a, Node x, Node exponent) {
    return a.mul(exponent, raise(a, x, a.sub(exponent, a.one())));
  }

  /**
   * x^e, as repeated products when e is a small integer constant (exact to rounding and far cheaper
   * than {@code Math.pow}), otherwise as a call. A negative power is a product of reciprocals
   * (1/x)ⁿ rather than 1/xⁿ: differentiating 1/xⁿ by the quotient rule meets ∞·0 at x = 0 and gives
   * NaN, where (1/x)ⁿ gives the infinite limit, as {@code 1 / x} itself does.
   */
  static Node raise(Algebra a, Node x, Node exponent) {
    if (exponent instanceof Node.Const c && c.value() == Math.rint(c.value()) && Math.abs(c.value()) <= 4) {
      int n = (int) Math.abs(c.value());
      Node factor = c.value() < 0 ? a.div(a.one(), x) : x;
      Node product = a.one();
      for (int i = 0; i < n; i++) {
        product = a.mul(product, factor);
      }
      return product;
    }
    return a.call(MathFn.POW, x, exponent);
  }
}

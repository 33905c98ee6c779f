package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;

/**
 * {@code Math} functions on jets. Unary functions go through Faà di Bruno; the binary ones are
 * reduced to unary ones and arithmetic for their coefficients while their primal stays the
 * user's call (so {@code Math.hypot} keeps its overflow safety and {@code Math.pow} its accuracy).
 */
final class MathJets {
  private final JetArithmetic jets;
  private final Algebra alg;

  MathJets(JetArithmetic jets) {
    this.jets = jets;
    this.alg = jets.algebra();
  }

  Jet call(MathFn fn, Jet... args) {
    switch (fn) {
      case POW: return pow(args[0], args[1]);
      case HYPOT: return hypot(args[0], args[1]);
      case ATAN2: return atan2(args[0], args[1]);
      case MIN: return minMax(fn, Op.LE, args[0], args[1]);
      case MAX: return minMax(fn, Op.GE, args[0], args[1]);
      default: return jets.unary(fn, args[0], alg.call(fn, args[0].primal()));
    }
  }

  /** a^b: with a constant exponent, the power rule; otherwise exp(b·log a) under the primal pow. */
  private Jet pow(Jet a, Jet b) {
    Node y = alg.call(MathFn.POW, a.primal(), b.primal());
    if (b.isConstant()) {
      return jets.power(a, b.primal(), y);
    }
    Jet log = jets.unary(MathFn.LOG, a, alg.call(MathFn.LOG, a.primal()));
    return jets.unary(MathFn.EXP, jets.mul(b, log), y);
  }

  /** hypot(a, b) has the coefficients of sqrt(a² + b²) and the primal of {@code Math.hypot}. */
  private Jet hypot(Jet a, Jet b) {
    Node y = alg.call(MathFn.HYPOT, a.primal(), b.primal());
    return jets.unary(MathFn.SQRT, jets.add(jets.mul(a, a), jets.mul(b, b)), y);
  }

  /**
   * atan2(y, x) equals atan(y/x) + const where |x| ≥ |y| and −atan(x/y) + const elsewhere; each form
   * is used where its quotient is bounded, chosen by the primal. At the origin the derivatives are
   * undefined and come out as NaN.
   */
  private Jet atan2(Jet y, Jet x) {
    Node primal = alg.call(MathFn.ATAN2, y.primal(), x.primal());
    Node xDominant = alg.binary(Op.GE, alg.call(MathFn.ABS, x.primal()), alg.call(MathFn.ABS, y.primal()));
    Jet ratio = jets.div(y, x);
    Jet inverse = jets.div(x, y);
    Jet near = jets.unary(MathFn.ATAN, ratio, alg.call(MathFn.ATAN, ratio.primal()));
    Jet far = jets.neg(jets.unary(MathFn.ATAN, inverse, alg.call(MathFn.ATAN, inverse.primal())));
    return jets.lift(Rules.withPrimal(Rules.select(xDominant), primal), near, far);
  }

  /** min/max follow the operand the primal picks (one-sided at a tie). */
  private Jet minMax(MathFn fn, Op picksFirst, Jet a, Jet b) {
    Node primal = alg.call(fn, a.primal(), b.primal());
    Node condition = alg.binary(picksFirst, a.primal(), b.primal());
    return jets.lift(Rules.withPrimal(Rules.select(condition), primal), a, b);
  }
}

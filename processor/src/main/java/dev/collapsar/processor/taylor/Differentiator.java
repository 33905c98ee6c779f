package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import java.util.HashMap;
import java.util.Map;

/**
 * Symbolic differentiation of value-graph expressions with respect to one node x, used to get
 * g″, g‴, g⁗ from the g′ of {@link FirstDerivatives}. The value y = g(x) may be given with its
 * derivative (so that y can be an overriding primal such as {@code Math.hypot}); every other
 * reference and constant is independent of x.
 */
final class Differentiator {
  private final Algebra a;
  private final Map<Node, Node> memo = new HashMap<>();

  Differentiator(Algebra algebra, Node x, Node y, Node dy) {
    this.a = algebra;
    memo.put(x, a.one());
    memo.putIfAbsent(y, dy);
  }

  /** d e / d x. */
  Node derive(Node e) {
    Node known = memo.get(e);
    if (known != null) {
      return known;
    }
    Node result = e instanceof Node.Apply apply ? apply(apply) : a.zero();
    memo.put(e, result);
    return result;
  }

  private Node apply(Node.Apply e) {
    if (e.operator() instanceof Op op) {
      return arithmetic(op, e);
    }
    if (e.operator() == Special.SELECT) {
      return a.select(e.argument(0), derive(e.argument(1)), derive(e.argument(2)));
    }
    if (e.operator() instanceof MathFn fn) {
      return call(fn, e);
    }
    return a.zero();
  }

  private Node arithmetic(Op op, Node.Apply e) {
    switch (op) {
      case NEG: return a.neg(derive(e.argument(0)));
      case ADD: return a.add(derive(e.argument(0)), derive(e.argument(1)));
      case SUB: return a.sub(derive(e.argument(0)), derive(e.argument(1)));
      case MUL: {
        Node u = e.argument(0);
        Node v = e.argument(1);
        return a.add(a.mul(derive(u), v), a.mul(u, derive(v)));
      }
      case DIV: {
        Node u = e.argument(0);
        Node v = e.argument(1);
        return a.div(a.sub(derive(u), a.mul(e, derive(v))), v); // (u′ − (u/v)·v′) / v
      }
      default: return a.zero();
    }
  }

  private Node call(MathFn fn, Node.Apply e) {
    Node u = e.argument(0);
    Node du = derive(u);
    if (fn == MathFn.POW) {
      Node v = e.argument(1);
      Node dv = derive(v);
      Node byBase = Algebra.isZero(du) ? a.zero() : a.mul(FirstDerivatives.power(a, u, v), du);
      Node byExponent = Algebra.isZero(dv) ? a.zero() : a.mul(a.mul(e, a.call(MathFn.LOG, u)), dv);
      return a.add(byBase, byExponent);
    }
    if (fn.arity() != 1) {
      // Only reachable for a subexpression that does not depend on x, such as an exponent.
      for (int i = 0; i < e.arity(); i++) {
        if (!Algebra.isZero(derive(e.argument(i)))) {
          throw new IllegalStateException("no symbolic derivative of " + fn + " in x");
        }
      }
      return a.zero();
    }
    return Algebra.isZero(du) ? a.zero() : a.mul(FirstDerivatives.of(a, fn, u, e), du);
  }
}

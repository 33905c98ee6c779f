package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Node;

/**
 * The standard-form Taylor rules of the primitives, each written once for every order K
 * (derivative-coefficient convention of DESIGN §3).
 */
final class Rules {
  private Rules() {}

  /** z = a + b, componentwise. */
  static final Rule ADD = (alg, in, order) -> componentwise(in, order, (x, y) -> alg.add(x, y));

  /** z = a − b, componentwise. */
  static final Rule SUB = (alg, in, order) -> componentwise(in, order, (x, y) -> alg.sub(x, y));

  /** z = −a, componentwise. */
  static final Rule NEG = (alg, in, order) -> {
    Node[] z = new Node[order + 1];
    for (int k = 0; k <= order; k++) {
      z[k] = alg.neg(in[0][k]);
    }
    return z;
  };

  /** Leibniz: z_k = Σ_j C(k,j) a_j b_{k−j}. */
  static final Rule MUL = (alg, in, order) -> {
    Node[] a = in[0];
    Node[] b = in[1];
    Node[] z = new Node[order + 1];
    for (int k = 0; k <= order; k++) {
      Node sum = alg.zero();
      for (int j = 0; j <= k; j++) {
        sum = alg.add(sum, times(alg, Binomial.choose(k, j), alg.mul(a[j], b[k - j])));
      }
      z[k] = sum;
    }
    return z;
  };

  /** z_k = (a_k − Σ_{j<k} C(k,j) z_j b_{k−j}) / b₀. */
  static final Rule DIV = (alg, in, order) -> {
    Node[] a = in[0];
    Node[] b = in[1];
    Node[] z = new Node[order + 1];
    z[0] = alg.div(a[0], b[0]);
    for (int k = 1; k <= order; k++) {
      Node sum = a[k];
      for (int j = 0; j < k; j++) {
        sum = alg.sub(sum, times(alg, Binomial.choose(k, j), alg.mul(z[j], b[k - j])));
      }
      z[k] = alg.div(sum, b[0]);
    }
    return z;
  };

  /**
   * Faà di Bruno for a unary g with value {@code y} and derivatives {@code g[n]} = g⁽ⁿ⁾(x₀):
   * f_k = Σ over set partitions π of {1..k} of g⁽|π|⁾ Π_{B∈π} x_{|B|}.
   */
  static Rule unary(Node y, Node[] g) {
    return (alg, in, order) -> {
      Node[] x = in[0];
      Node[] z = new Node[order + 1];
      z[0] = y;
      for (int k = 1; k <= order; k++) {
        Node sum = alg.zero();
        for (Partitions.Shape shape : Partitions.of(k)) {
          Node term = g[shape.blockSizes().length];
          for (int size : shape.blockSizes()) {
            term = alg.mul(term, x[size]);
          }
          sum = alg.add(sum, times(alg, shape.count(), term));
        }
        z[k] = sum;
      }
      return z;
    };
  }

  /** z = condition ? a : b, componentwise, the branch chosen by the primal condition. */
  static Rule select(Node condition) {
    return (alg, in, order) -> componentwise(in, order, (x, y) -> alg.select(condition, x, y));
  }

  /** The same rule with the primal replaced by {@code primal} (a call that is more accurate). */
  static Rule withPrimal(Rule rule, Node primal) {
    return (alg, in, order) -> {
      Node[] z = rule.apply(alg, in, order);
      z[0] = primal;
      return z;
    };
  }

  /** g⁽¹⁾..g⁽ᵐᵃˣ⁾ by repeated symbolic differentiation of g′. */
  static Node[] derivatives(Algebra alg, Node x, Node y, Node firstDerivative, int maxOrder) {
    Differentiator d = new Differentiator(alg, x, y, firstDerivative);
    Node[] g = new Node[maxOrder + 1];
    g[0] = y;
    if (maxOrder >= 1) {
      g[1] = firstDerivative;
    }
    for (int n = 2; n <= maxOrder; n++) {
      g[n] = d.derive(g[n - 1]);
    }
    return g;
  }

  private static Node times(Algebra alg, long count, Node term) {
    return count == 1 ? term : alg.mul(alg.num(count), term);
  }

  private static Node[] componentwise(
      Node[][] in, int order, java.util.function.BinaryOperator<Node> f) {
    Node[] z = new Node[order + 1];
    for (int k = 0; k <= order; k++) {
      z[k] = f.apply(in[0][k], in[1][k]);
    }
    return z;
  }
}

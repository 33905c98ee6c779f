package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;

/**
 * Lifts the standard-form {@link Rule}s to whole {@link Jet}s of a {@link JetLayout}, collapsed or
 * standard per group. Collapsing is derived, not written per rule: the top coefficient f_K of every
 * rule is N(lower coefficients) + L(primal)·x_K, so Σᵣ wᵣ f_{K,r} = Σᵣ wᵣ N_r + L·S_K, where N_r is
 * the rule applied with x_K = 0 and L·S_K is the rule applied to (x₀, 0, …, 0, S_K).
 */
public final class JetArithmetic {
  private final Algebra alg;
  private final JetLayout layout;
  private final int maxOrder;
  /** Per group on a lane axis, its directions' weights as one lane value (else null). */
  private final Node[] laneWeights;

  public JetArithmetic(Algebra algebra, JetLayout layout) {
    this(algebra, layout, new Node[layout.size()]);
  }

  JetArithmetic(Algebra algebra, JetLayout layout, Node[] laneWeights) {
    this.alg = algebra;
    this.layout = layout;
    this.laneWeights = laneWeights.clone();
    int max = 0;
    for (JetLayout.Group group : layout.groups()) {
      max = Math.max(max, group.order());
    }
    this.maxOrder = max;
  }

  public Algebra algebra() {
    return alg;
  }

  public JetLayout layout() {
    return layout;
  }

  /** An inactive value. */
  public Jet constant(Node primal) {
    return Jet.constant(primal, layout, alg);
  }

  /**
   * A differentiated input. Along direction d of group g its order-1 coefficient is
   * {@code first[g][d]}, its top coefficient (standard groups) {@code top[g][d]} (null: zero), every
   * other coefficient zero; a collapsed group's summed top coefficient starts as {@code sums[g]}. A
   * group on a lane axis has one "direction", 0, whose nodes have a value per lane.
   */
  public Jet input(Node primal, Node[][] first, Node[][] top, Node[] sums) {
    Node[][][] coefficients = Jet.zeroCoefficients(layout, alg.zero());
    Node[] summed = new Node[layout.size()];
    for (int g = 0; g < layout.size(); g++) {
      JetLayout.Group group = layout.group(g);
      int kept = coefficients[g].length == 0 ? 0 : coefficients[g][0].length;
      for (int d = 0; d < coefficients[g].length; d++) {
        if (kept >= 1) {
          coefficients[g][d][0] = first[g][d];
        }
        if (!group.collapsed() && top[g][d] != null) {
          coefficients[g][d][group.order() - 1] = alg.add(coefficients[g][d][group.order() - 1], top[g][d]);
        }
      }
      summed[g] = group.collapsed() ? alg.add(sums[g], order1Sum(g, first)) : null;
    }
    return new Jet(primal, coefficients, summed);
  }

  /** A collapsed group of order 1 keeps no per-direction coefficient: its seed is Σ_d w_d·v_d. */
  private Node order1Sum(int g, Node[][] first) {
    return layout.group(g).order() == 1 ? weightedSum(g, d -> first[g][d]) : alg.zero();
  }

  /**
   * Σ_d w_d·x_d over group g's directions, added in direction order: on a lane axis one lane sum
   * ({@link dev.collapsar.processor.ir.Special#LANE_SUM}) of the lane value {@code x.apply(0)}.
   */
  Node weightedSum(int g, java.util.function.IntFunction<Node> x) {
    JetLayout.Group group = layout.group(g);
    if (layout.rows(g)) {
      Node terms = alg.mul(laneWeights[g], x.apply(0));
      return Algebra.isZero(terms) ? terms : alg.laneSum(terms, group.directions());
    }
    Node sum = alg.zero();
    for (int d = 0; d < group.directions(); d++) {
      sum = alg.add(sum, alg.mul(group.weights().get(d), x.apply(d)));
    }
    return sum;
  }

  public Jet add(Jet a, Jet b) {
    return lift(Rules.ADD, a, b);
  }

  public Jet sub(Jet a, Jet b) {
    return lift(Rules.SUB, a, b);
  }

  public Jet mul(Jet a, Jet b) {
    return lift(Rules.MUL, a, b);
  }

  public Jet div(Jet a, Jet b) {
    return lift(Rules.DIV, a, b);
  }

  public Jet neg(Jet a) {
    return lift(Rules.NEG, a);
  }

  public Jet binary(Op op, Jet a, Jet b) {
    switch (op) {
      case ADD: return add(a, b);
      case SUB: return sub(a, b);
      case MUL: return mul(a, b);
      case DIV: return div(a, b);
      default: throw new IllegalArgumentException("not a differentiable operator: " + op);
    }
  }

  /** {@code condition ? a : b} with the branch chosen by the primal condition. */
  public Jet select(Node condition, Jet a, Jet b) {
    return lift(Rules.select(condition), a, b);
  }

  /** A unary function g with value {@code y} (normally g(x₀); an overriding primal is allowed). */
  Jet unary(MathFn fn, Jet x, Node y) {
    if (x.isConstant()) {
      return constant(y);
    }
    Node first = FirstDerivatives.of(alg, fn, x.primal(), y);
    return lift(Rules.unary(y, Rules.derivatives(alg, x.primal(), y, first, maxOrder)), x);
  }

  /** x^c for an exponent c that does not depend on the differentiated inputs. */
  Jet power(Jet x, Node exponent, Node y) {
    if (x.isConstant()) {
      return constant(y);
    }
    Node first = FirstDerivatives.power(alg, x.primal(), exponent);
    return lift(Rules.unary(y, Rules.derivatives(alg, x.primal(), y, first, maxOrder)), x);
  }

  /** Applies {@code rule} along every direction of every group (the heart of collapsing). */
  Jet lift(Rule rule, Jet... inputs) {
    Node primal = rule.apply(alg, vectors(inputs, -1, -1, 0), 0)[0];
    boolean inactive = true;
    for (Jet input : inputs) {
      inactive &= input.isConstant();
    }
    if (inactive) {
      return constant(primal);
    }
    Node[][][] coefficients = new Node[layout.size()][][];
    Node[] sums = new Node[layout.size()];
    for (int g = 0; g < layout.size(); g++) {
      liftGroup(rule, inputs, g, coefficients, sums);
    }
    return new Jet(primal, coefficients, sums);
  }

  private void liftGroup(Rule rule, Jet[] inputs, int g, Node[][][] coefficients, Node[] sums) {
    JetLayout.Group group = layout.group(g);
    int order = group.order();
    int kept = group.collapsed() ? order - 1 : order;
    coefficients[g] = new Node[layout.rows(g) ? 1 : group.directions()][kept];
    Node weightedTops = alg.zero();
    for (int d = 0; d < coefficients[g].length; d++) {
      Node[] out = rule.apply(alg, vectors(inputs, g, d, order), order);
      System.arraycopy(out, 1, coefficients[g][d], 0, kept);
      if (group.collapsed()) {
        // summed as the tops are made: operands of + are ordered by when their nodes were made
        weightedTops = layout.rows(g) ? weightedSum(g, lane -> out[order])
            : alg.add(weightedTops, alg.mul(group.weights().get(d), out[order]));
      }
    }
    if (group.collapsed()) {
      Node linear = rule.apply(alg, summedVectors(inputs, g, order), order)[order];
      sums[g] = alg.add(linear, weightedTops);
    }
  }

  private Node[][] vectors(Jet[] inputs, int g, int d, int order) {
    Node[][] v = new Node[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      v[i] = g < 0 ? new Node[] {inputs[i].primal()} : inputs[i].vector(g, d, order, alg.zero());
    }
    return v;
  }

  private Node[][] summedVectors(Jet[] inputs, int g, int order) {
    Node[][] v = new Node[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      v[i] = inputs[i].summedVector(g, order, alg.zero());
    }
    return v;
  }
}

package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Node;

/**
 * The truncated Taylor expansion of one double value along every direction of a {@link JetLayout}:
 * the primal, coefficients per group, direction and order, and (collapsed groups) the summed top
 * coefficient. A group on a lane axis ({@link JetLayout#rows(int)}) keeps one coefficient per order
 * for all its directions, a node with a value per lane ({@link dev.collapsar.processor.ir.Lanes});
 * its direction index is always 0. Immutable; the arrays are never exposed for writing.
 */
public final class Jet {
  private final Node primal;
  private final Node[][][] coefficients; // [group][direction][order - 1]
  private final Node[] sums; // [group]; null entries for standard groups

  Jet(Node primal, Node[][][] coefficients, Node[] sums) {
    this.primal = primal;
    this.coefficients = coefficients;
    this.sums = sums;
  }

  /** A value that does not depend on any differentiated input: every coefficient is zero. */
  static Jet constant(Node primal, JetLayout layout, Algebra algebra) {
    return new Jet(primal, zeroCoefficients(layout, algebra.zero()), zeroSums(layout, algebra.zero()));
  }

  /** {@code [group][direction][order − 1]} filled with zero: what each group keeps per direction. */
  static Node[][][] zeroCoefficients(JetLayout layout, Node zero) {
    Node[][][] coefficients = new Node[layout.size()][][];
    for (int g = 0; g < layout.size(); g++) {
      JetLayout.Group group = layout.group(g);
      int kept = group.collapsed() ? group.order() - 1 : group.order();
      coefficients[g] = new Node[layout.rows(g) ? 1 : group.directions()][kept];
      for (Node[] direction : coefficients[g]) {
        java.util.Arrays.fill(direction, zero);
      }
    }
    return coefficients;
  }

  private static Node[] zeroSums(JetLayout layout, Node zero) {
    Node[] sums = new Node[layout.size()];
    for (int g = 0; g < layout.size(); g++) {
      sums[g] = layout.group(g).collapsed() ? zero : null;
    }
    return sums;
  }

  public Node primal() {
    return primal;
  }

  /**
   * The coefficient of order {@code k} (1-based) along direction {@code d} of group {@code g}; of a
   * group on a lane axis, d is 0 and the coefficient has a value per lane.
   */
  public Node coefficient(int g, int d, int k) {
    return coefficients[g][d][k - 1];
  }

  /** How many per-direction coefficients group {@code g} keeps. */
  public int kept(int g) {
    return coefficients[g].length == 0 ? 0 : coefficients[g][0].length;
  }

  public int directions(int g) {
    return coefficients[g].length;
  }

  /** The summed top coefficient of a collapsed group, or null for a standard one. */
  public Node sum(int g) {
    return sums[g];
  }

  /** True when no coefficient can be nonzero: the value is inactive. */
  public boolean isConstant() {
    for (int g = 0; g < coefficients.length; g++) {
      if (sums[g] != null && !Algebra.isZero(sums[g])) {
        return false;
      }
      for (Node[] direction : coefficients[g]) {
        for (Node c : direction) {
          if (!Algebra.isZero(c)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The full coefficient vector 0..K of direction d (collapsed groups: the top entry is zero). */
  Node[] vector(int g, int d, int order, Node zero) {
    Node[] v = new Node[order + 1];
    v[0] = primal;
    for (int k = 1; k <= order; k++) {
      v[k] = k - 1 < coefficients[g][d].length ? coefficients[g][d][k - 1] : zero;
    }
    return v;
  }

  /** The vector (primal, 0, …, 0, sum) that carries the summed top coefficient through a rule. */
  Node[] summedVector(int g, int order, Node zero) {
    Node[] v = new Node[order + 1];
    java.util.Arrays.fill(v, zero);
    v[0] = primal;
    v[order] = sums[g];
    return v;
  }

  /** Which component of a jet a node is: the primal, a coefficient, or a summed top coefficient. */
  public record Component(int group, int direction, int order, boolean sum) {
    static final Component PRIMAL = new Component(-1, -1, 0, false);

    public boolean isPrimal() {
      return group < 0;
    }
  }

  /** Replaces every component node, e.g. by a reference to the local it was bound to. */
  @FunctionalInterface
  interface ComponentMapper {
    Node map(Node value, Component component);
  }

  /** A copy with every component replaced by {@code f}, in a fixed order: primal, coefficients, sums. */
  Jet map(ComponentMapper f) {
    Node p = f.map(primal, Component.PRIMAL);
    Node[][][] c = new Node[coefficients.length][][];
    Node[] s = new Node[sums.length];
    for (int g = 0; g < c.length; g++) {
      c[g] = new Node[coefficients[g].length][];
      for (int d = 0; d < c[g].length; d++) {
        c[g][d] = new Node[coefficients[g][d].length];
        for (int k = 0; k < c[g][d].length; k++) {
          c[g][d][k] = f.map(coefficients[g][d][k], new Component(g, d, k + 1, false));
        }
      }
      s[g] = sums[g] == null ? null : f.map(sums[g], new Component(g, -1, 0, true));
    }
    return new Jet(p, c, s);
  }
}

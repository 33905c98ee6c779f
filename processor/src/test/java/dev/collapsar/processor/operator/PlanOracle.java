package dev.collapsar.processor.operator;

import java.util.List;
import java.util.Map;

/**
 * Evaluates an operator two ways on a {@link Polynomial}: from its resolved terms, by definition, and
 * from its plan, as the Taylor stage will (weights times pure directional derivatives). Run-time
 * arguments (matrices for {@code diffusion}, vectors for {@code drift}) and coefficient values are
 * passed in.
 */
final class PlanOracle {
  private final Polynomial p;
  private final double[] x;
  private final Map<String, Double> values;
  private final Map<String, double[][]> matrices;
  private final Map<String, double[]> vectors;

  PlanOracle(Polynomial p, double[] x, Map<String, Double> values, Map<String, double[][]> matrices,
      Map<String, double[]> vectors) {
    this.p = p;
    this.x = x;
    this.values = values;
    this.matrices = matrices;
    this.vectors = vectors;
  }

  /** L p at x from the definition of each atom. */
  double byDefinition(ResolvedOperator op) {
    double sum = 0;
    List<Integer> space = op.spaceCoordinates();
    for (Map.Entry<Atom, Coefficient> term : op.terms().entrySet()) {
      double c = term.getValue().evaluate(values);
      Atom atom = term.getKey();
      double v;
      if (atom instanceof Atom.Value) {
        v = p.value(x);
      } else if (atom instanceof Atom.Partial partial) {
        v = p.partial(partial.coordinates(), x);
      } else if (atom instanceof Atom.Laplacian) {
        v = space.stream().mapToDouble(a -> p.partial(List.of(a, a), x)).sum();
      } else if (atom instanceof Atom.Biharmonic) {
        v = space.stream().mapToDouble(a -> space.stream().mapToDouble(b -> p.partial(List.of(a, a, b, b), x)).sum()).sum();
      } else if (atom instanceof Atom.Diffusion d) {
        v = diffusionByDefinition(matrices.get(d.matrix()), space);
      } else {
        double[] b = vectors.get(((Atom.Drift) atom).vector());
        v = 0;
        for (int r = 0; r < space.size(); r++) {
          v += b[r] * p.partial(List.of(space.get(r)), x);
        }
      }
      sum += c * v;
    }
    return sum;
  }

  /** Tr(S Sᵀ H) = Σ_{r,q} (S Sᵀ)_{rq} H_{rq}. */
  private double diffusionByDefinition(double[][] s, List<Integer> space) {
    double sum = 0;
    for (int r = 0; r < space.size(); r++) {
      for (int q = 0; q < space.size(); q++) {
        double ssT = 0;
        for (int k = 0; k < s[r].length; k++) {
          ssT += s[r][k] * s[q][k];
        }
        sum += ssT * p.partial(List.of(space.get(r), space.get(q)), x);
      }
    }
    return sum;
  }

  /** L p at x from the plan: zero order, first order, drifts, and weights times directional derivatives. */
  double byPlan(OperatorPlan plan) {
    return evaluatePlan(plan, false);
  }

  /** The sum of the magnitudes of the plan's terms: what rounding in {@link #byPlan} is relative to. */
  double magnitude(OperatorPlan plan) {
    return Math.max(1, evaluatePlan(plan, true));
  }

  private double evaluatePlan(OperatorPlan plan, boolean magnitudes) {
    java.util.function.DoubleUnaryOperator f = magnitudes ? Math::abs : v -> v;
    int n = p.dimension();
    double sum = f.applyAsDouble(plan.zeroOrder().evaluate(values) * p.value(x));
    for (FirstOrderTerm t : plan.firstOrder()) {
      sum += f.applyAsDouble(t.weight().evaluate(values) * p.partial(List.of(t.coordinate()), x));
    }
    for (DriftTerm t : plan.drifts()) {
      double[] b = vectors.get(t.vectorParameter());
      double[] seed = new double[n];
      for (int r = 0; r < b.length; r++) {
        seed[t.rowCoordinates().get(r)] = b[r];
      }
      sum += f.applyAsDouble(t.weight().evaluate(values) * p.directional(1, seed, x));
    }
    for (JetGroup g : plan.groups()) {
      for (WeightedDirection d : g.directions()) {
        sum += f.applyAsDouble(d.weight().evaluate(values) * p.directional(g.order(), d.direction().toDense(n), x));
      }
      for (RuntimeDirections r : g.runtime()) {
        double[][] s = matrices.get(r.matrixParameter());
        for (int column = 0; column < s[0].length; column++) {
          double[] v = new double[n];
          for (int row = 0; row < s.length; row++) {
            v[r.rowCoordinates().get(row)] = s[row][column];
          }
          sum += f.applyAsDouble(r.weight().evaluate(values) * p.directional(2, v, x));
        }
      }
    }
    return sum;
  }

  /** The scale for a relative tolerance: the largest derivative of p at x up to order 4, at least 1. */
  double scale() {
    double max = 1;
    for (int degree = 0; degree <= 4; degree++) {
      for (int[] alpha : Polynomial.multiIndices(p.dimension(), degree)) {
        max = Math.max(max, Math.abs(p.partial(alpha, x)));
      }
    }
    return max;
  }
}

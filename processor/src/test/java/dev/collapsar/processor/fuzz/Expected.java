package dev.collapsar.processor.fuzz;

import dev.collapsar.LaplacianResult;
import dev.collapsar.testing.Oracle;

/**
 * What a random program's generated method must return at a point, from the Hipparchus oracle, with
 * the scale its rounding error is relative to: the size of the terms the result is a sum of, since a
 * wrong rule is off by O(1) while long random compositions lose digits relative to those terms.
 * Tolerance: 1e-8 × scale at order 2 (Laplacian, estimators, diffusion and drift), 1e-7 × scale when
 * an operator has third- or fourth-order terms (plans combine directional derivatives of the size of
 * all partials up to that order).
 *
 * @param value the function's value (to check the oracle against the user's method)
 * @param values the compared quantities: value, gradient and Laplacian for {@code mEvaluate}, else
 *     the one operator value
 */
record Expected(double value, double[] values, double scale) {
  /** Partial derivatives by their orders per coordinate, from either oracle. */
  interface Partials {
    double partial(int... orders);
  }

  double tolerance(Shape shape) {
    return (shape.order() > 2 ? 1e-7 : 1e-8) * scale;
  }

  static Expected of(Shape shape, Oracle oracle, double[] point) {
    return of(shape, oracle.at(point)::partial);
  }

  static Expected of(Shape shape, Partials r) {
    int d = shape.dimension();
    double value = r.partial(new int[d]);
    double[] gradient = new double[d];
    double[][] hessian = new double[d][d];
    for (int a = 0; a < d; a++) {
      int[] orders = new int[d];
      orders[a] = 1;
      gradient[a] = r.partial(orders);
      for (int b = 0; b < d; b++) {
        int[] second = new int[d];
        second[a]++;
        second[b]++;
        hessian[a][b] = r.partial(second);
      }
    }
    switch (shape.kind()) {
      case LAPLACIAN: {
        double[] values = new double[d + 2];
        values[0] = value;
        System.arraycopy(gradient, 0, values, 1, d);
        double laplacian = 0;
        double diagonal = 0;
        for (int a = 0; a < d; a++) {
          laplacian += hessian[a][a];
          diagonal += Math.abs(hessian[a][a]);
        }
        values[d + 1] = laplacian;
        return new Expected(value, values, 1 + Math.abs(value) + norm1(gradient) + diagonal);
      }
      case ESTIMATE: {
        // (1/S) Σₛ vₛᵀ H vₛ, and (1/S) Σₛ Σ_ab |vₐ H_ab v_b| as the size of its terms
        double sum = 0;
        double terms = 0;
        for (double[] v : shape.directions()) {
          for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
              sum += v[a] * hessian[a][b] * v[b] / shape.directions().length;
              terms += Math.abs(v[a] * hessian[a][b] * v[b]) / shape.directions().length;
            }
          }
        }
        return new Expected(value, new double[] {sum}, 1 + terms + Math.abs(value) + norm1(gradient));
      }
      default: {
        double sum = 0;
        double terms = 0;
        if (shape.operator() != null) {
          double[] sumAndScale = shape.operator().apply(r::partial);
          sum += sumAndScale[0];
          terms += sumAndScale[1];
        }
        if (shape.diffusion() != null) {
          double[] diffusion = diffusionAndDrift(shape.diffusion(), gradient, hessian);
          sum += diffusion[0];
          terms += diffusion[1];
        }
        return new Expected(value, new double[] {sum}, 1 + terms + partialsUpTo(r, d, shape.order()));
      }
    }
  }

  /** The compared quantities of a generated method's result. */
  static double[] actual(Shape shape, Object result) {
    if (shape.kind() != Shape.Kind.LAPLACIAN) {
      return new double[] {(double) result};
    }
    LaplacianResult r = (LaplacianResult) result;
    double[] values = new double[shape.dimension() + 2];
    values[0] = r.value();
    for (int i = 0; i < shape.dimension(); i++) {
      values[i + 1] = r.gradient(i);
    }
    values[shape.dimension() + 1] = r.laplacian();
    return values;
  }

  /** c₁·Tr(S Sᵀ ∇²u) + c₂·b·∇u, and the sum of the absolute values of its terms. */
  private static double[] diffusionAndDrift(Shape.Diffusion diffusion, double[] gradient, double[][] h) {
    double[][] s = diffusion.sd();
    double sum = 0;
    double terms = 0;
    for (int a = 0; a < s.length; a++) {
      for (int b = 0; b < s.length; b++) {
        double c = 0;
        for (int k = 0; k < s[a].length; k++) {
          c += s[a][k] * s[b][k];
        }
        double term = diffusion.diffusionWeight() * c * h[a][b];
        sum += term;
        terms += Math.abs(term);
      }
      double term = diffusion.driftWeight() * diffusion.bd()[a] * gradient[a];
      sum += term;
      terms += Math.abs(term);
    }
    return new double[] {sum, terms};
  }

  private static double norm1(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += Math.abs(x);
    }
    return sum;
  }

  /** Σ |∂^β u| over all multi-indices β of order ≤ {@code order}. */
  static double partialsUpTo(Partials r, int dimension, int order) {
    double sum = 0;
    int[] beta = new int[dimension];
    while (true) {
      int total = 0;
      for (int b : beta) {
        total += b;
      }
      if (total <= order) {
        sum += Math.abs(r.partial(beta.clone()));
      }
      int i = 0;
      while (i < dimension && ++beta[i] > order) {
        beta[i++] = 0;
      }
      if (i == dimension) {
        return sum;
      }
    }
  }
}

package dev.collapsar.processor.operator;

import dev.collapsar.processor.diag.DiagnosticId;
import dev.collapsar.processor.diag.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * Splits an operator into randomized families and exact lower-order terms. Randomized: {@code
 * laplacian}; {@code biharmonic} (Gaussian directions only: Rademacher's fourth moments are biased);
 * {@code diffusion(S)}; the constant second-order partials together, when they form a semi-definite
 * matrix C = ±L Lᵀ (L from a symmetric eigen-decomposition at compile time). Exact: {@code u},
 * first derivatives and {@code drift}. Anything else (third-order terms, fourth-order terms other than
 * the biharmonic, second-order terms with parameter coefficients, an indefinite C, or random parts that
 * need vectors of different lengths) has no unbiased estimator of this kind and is an error.
 */
public final class EstimatorPlanner {
  private static final double EIGEN_TOLERANCE = 1e-12;

  private EstimatorPlanner() {}

  public static OperatorResult<EstimatorPlan> plan(ResolvedOperator op, boolean gaussian) {
    Map<Atom, Coefficient> exact = new LinkedHashMap<>();
    Map<List<Integer>, Double> secondOrder = new LinkedHashMap<>();
    List<EstimatorPlan.Family> families = new ArrayList<>();
    for (Map.Entry<Atom, Coefficient> term : op.terms().entrySet()) {
      Atom atom = term.getKey();
      Coefficient c = term.getValue();
      if (atom instanceof Atom.Value || atom instanceof Atom.Drift || atom.order() == 1) {
        exact.put(atom, c);
      } else if (atom instanceof Atom.Laplacian) {
        families.add(new EstimatorPlan.Family(2, EstimatorPlan.Kind.IDENTITY, c, op.spaceCoordinates(), null, null));
      } else if (atom instanceof Atom.Biharmonic) {
        if (!gaussian) {
          return failed("The biharmonic has no unbiased Rademacher estimator: E[∂⁴u[v]] = 3Δ²u − 2Σᵢ∂ᵢ⁴u for ±1 "
              + "entries.", "Use distribution = GAUSSIAN.");
        }
        families.add(new EstimatorPlan.Family(4, EstimatorPlan.Kind.IDENTITY,
            c.times(new org.hipparchus.fraction.BigFraction(1, 3)), op.spaceCoordinates(), null, null));
      } else if (atom instanceof Atom.Diffusion d) {
        families.add(new EstimatorPlan.Family(2, EstimatorPlan.Kind.DIFFUSION, c, op.spaceCoordinates(), null, d.matrix()));
      } else if (atom instanceof Atom.Partial p && p.order() == 2 && c.isConstant()) {
        secondOrder.merge(p.coordinates(), c.constantValue().doubleValue(), Double::sum);
      } else {
        return failed("The term " + describe(atom, op) + " has no unbiased estimator from random directional derivatives.",
            "Estimate laplacian, biharmonic, diffusion(S) or a constant semi-definite second-order part; compute "
                + "other terms with the exact operator.");
      }
    }
    if (!secondOrder.isEmpty()) {
      EstimatorPlan.Family factor = factor(secondOrder, op.dimension());
      if (factor == null) {
        return failed("The constant second-order part of the operator is indefinite, so Σₛ ∂²u[L·vₛ] cannot "
            + "estimate it.", "Split it into semi-definite parts, or use the exact operator.");
      }
      families.add(factor);
    }
    if (families.isEmpty()) {
      return failed("The operator has no second- or fourth-order part to estimate.",
          "Remove samples: the exact operator is as cheap.");
    }
    int rowLength = rowLength(families);
    if (rowLength == Integer.MIN_VALUE) {
      return failed("The randomized parts of this operator need random vectors of different lengths.",
          "Estimate them in separate operators.");
    }
    ResolvedOperator rest = new ResolvedOperator(op.coordinates(), op.spaceCoordinates(), exact);
    return OperatorResult.of(new EstimatorPlan(OperatorPlanner.plan(rest), families, rowLength));
  }

  /** C = ±L Lᵀ from the eigen-decomposition, or null when C has eigenvalues of both signs. */
  private static EstimatorPlan.Family factor(Map<List<Integer>, Double> terms, int dimension) {
    double[][] c = new double[dimension][dimension];
    terms.forEach((pair, value) -> {
      int a = pair.get(0);
      int b = pair.get(1);
      if (a == b) {
        c[a][a] += value;
      } else {
        c[a][b] += value / 2; // D[a,b] = ∂²/∂a∂b appears twice in Tr(C ∇²u)
        c[b][a] += value / 2;
      }
    });
    EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(c));
    double[] lambda = eigen.getEigenvalues();
    double largest = 0;
    for (double l : lambda) {
      largest = Math.max(largest, Math.abs(l));
    }
    List<Integer> kept = new ArrayList<>();
    int sign = 0;
    for (int k = 0; k < lambda.length; k++) {
      if (Math.abs(lambda[k]) <= EIGEN_TOLERANCE * largest) {
        continue;
      }
      int s = lambda[k] > 0 ? 1 : -1;
      if (sign != 0 && s != sign) {
        return null;
      }
      sign = s;
      kept.add(k);
    }
    double[][] l = new double[dimension][kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      double scale = Math.sqrt(Math.abs(lambda[kept.get(k)]));
      for (int i = 0; i < dimension; i++) {
        l[i][k] = eigen.getEigenvector(kept.get(k)).getEntry(i) * scale;
      }
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      rows.add(i);
    }
    return new EstimatorPlan.Family(2, EstimatorPlan.Kind.FACTOR, Coefficient.of(sign < 0 ? -1 : 1), rows, l, null);
  }

  /** The common length of the families' random vectors, −1 for run time, MIN_VALUE when they differ. */
  private static int rowLength(List<EstimatorPlan.Family> families) {
    Integer length = null;
    for (EstimatorPlan.Family f : families) {
      int l = f.kind() == EstimatorPlan.Kind.IDENTITY ? f.rows().size()
          : f.kind() == EstimatorPlan.Kind.FACTOR ? f.factor()[0].length : -1;
      if (length != null && length != l) {
        return Integer.MIN_VALUE;
      }
      length = l;
    }
    return length == null ? 0 : length;
  }

  private static String describe(Atom atom, ResolvedOperator op) {
    if (atom instanceof Atom.Partial p) {
      return "D[" + String.join(",", p.coordinates().stream().map(i -> op.coordinates().get(i).display()).toList()) + "]";
    }
    return atom.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private static <T> OperatorResult<T> failed(String message, String hint) {
    return OperatorResult.failed(List.of(OperatorError.on(OperatorError.Where.ANNOTATION,
        new Problem(DiagnosticId.UNSUPPORTED_ESTIMATOR, message, hint))));
  }
}

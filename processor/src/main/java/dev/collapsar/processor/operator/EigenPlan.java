package dev.collapsar.processor.operator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * Tr(M ∇²u) = Σₖ λₖ ∂²u[qₖ] for a constant symmetric M = Σₖ λₖqₖqₖᵀ (DESIGN §4.1). Each direction is
 * qₖ·√|λₖ| with weight sign(λₖ), so the weights are exactly ±1 and cost no multiplication; eigenvalues
 * below a relative threshold are taken for zero and dropped. Directions are rounded: the plan is exact
 * only up to the decomposition's rounding (about 1e-15 relative).
 */
final class EigenPlan {
  /** Eigenvalues smaller than this times the largest magnitude are rounding noise of a rank-deficient M. */
  private static final double RELATIVE_ZERO = 1e-12;

  private EigenPlan() {}

  /** The weighted directions over the coordinates {@code block} (row r of {@code m} is coordinate {@code block.get(r)}). */
  static List<WeightedDirection> plan(List<Integer> block, BigFraction[][] m) {
    int n = block.size();
    double[][] entries = new double[n][n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        entries[r][c] = m[r][c].doubleValue();
      }
    }
    EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(entries, false));
    double[] lambda = eigen.getEigenvalues();
    double largest = java.util.Arrays.stream(lambda).map(Math::abs).max().orElse(0);
    DirectionAccumulator plan = new DirectionAccumulator(2);
    for (int k = 0; k < n; k++) {
      if (Math.abs(lambda[k]) <= RELATIVE_ZERO * largest) {
        continue;
      }
      RealVector q = eigen.getEigenvector(k);
      double scale = Math.sqrt(Math.abs(lambda[k]));
      Map<Integer, Double> components = new TreeMap<>();
      for (int r = 0; r < n; r++) {
        components.put(block.get(r), q.getEntry(r) * scale);
      }
      plan.add(Direction.of(components), Coefficient.of(lambda[k] > 0 ? 1 : -1));
    }
    return plan.directions();
  }
}

package dev.collapsar.processor.operator;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hipparchus.fraction.BigFraction;

/**
 * An exact rank decomposition of a constant symmetric matrix M = Σₖ uₖuₖᵀ/σₖ by Wedderburn rank
 * reduction, so that Tr(M ∇²u) = Σₖ (1/σₖ) ∂²u[uₖ] with exactly rank(M) jets.
 *
 * <p>Each step picks w with σ = wᵀMw ≠ 0, takes u = Mw and replaces M by M − uuᵀ/σ, which lowers the
 * rank by exactly one. With w = eₐ this is symmetric LDLᵀ, u being column a, so directions get
 * sparser as the matrix shrinks; the pivot is the nonzero diagonal entry whose column has the fewest
 * nonzeros. When the whole diagonal is zero, w = eₐ + e_b for a nonzero Mₐ_b (σ = 2Mₐ_b), which
 * LDLᵀ without 2×2 pivots could not do. All in fractions; each u is scaled to a primitive integer
 * vector so that the direction is exact in double.
 */
final class RankDecomposition {
  /** Integer components above this are not exact in double; the decomposition then declines. */
  private static final BigInteger EXACT_LIMIT = BigInteger.ONE.shiftLeft(53);

  private RankDecomposition() {}

  /**
   * The weighted directions, over the coordinates {@code block} (row r of {@code m} is coordinate
   * {@code block.get(r)}); empty when a direction would not be exact in double.
   */
  static Optional<List<WeightedDirection>> plan(List<Integer> block, BigFraction[][] m) {
    BigFraction[][] rest = copy(m);
    DirectionAccumulator plan = new DirectionAccumulator(2);
    for (int step = 0; step <= m.length; step++) {
      BigFraction[] w = pivot(rest);
      if (w == null) {
        return Optional.of(plan.directions());
      }
      BigFraction[] u = times(rest, w);
      BigFraction sigma = dot(w, u);
      Optional<Direction> direction = integerDirection(block, u);
      if (direction.isEmpty()) {
        return Optional.empty();
      }
      // u = direction / f for the integer direction, so uuᵀ/σ = direction·directionᵀ/(σ f²).
      BigFraction f = scaleToIntegers(u);
      plan.add(direction.get(), Coefficient.of(BigFraction.ONE.divide(sigma.multiply(f).multiply(f))));
      subtractOuter(rest, u, sigma);
    }
    throw new IllegalStateException("rank reduction did not terminate");
  }

  /** eₐ for the best nonzero diagonal pivot, eₐ + e_b if the diagonal is zero, null if M = 0. */
  private static BigFraction[] pivot(BigFraction[][] m) {
    int n = m.length;
    int best = -1;
    for (int a = 0; a < n; a++) {
      if (m[a][a].signum() != 0 && (best < 0 || nonZeros(m[a]) < nonZeros(m[best]))) {
        best = a;
      }
    }
    BigFraction[] w = new BigFraction[n];
    java.util.Arrays.fill(w, BigFraction.ZERO);
    if (best >= 0) {
      w[best] = BigFraction.ONE;
      return w;
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (m[a][b].signum() != 0) {
          w[a] = BigFraction.ONE;
          w[b] = BigFraction.ONE;
          return w;
        }
      }
    }
    return null;
  }

  /** The factor f that makes f·u a primitive integer vector. */
  private static BigFraction scaleToIntegers(BigFraction[] u) {
    BigInteger denominators = BigInteger.ONE;
    BigInteger numerators = BigInteger.ZERO;
    for (BigFraction x : u) {
      BigInteger d = x.getDenominator();
      denominators = denominators.divide(denominators.gcd(d)).multiply(d);
      numerators = numerators.gcd(x.getNumerator());
    }
    return new BigFraction(denominators, numerators);
  }

  private static Optional<Direction> integerDirection(List<Integer> block, BigFraction[] u) {
    BigFraction f = scaleToIntegers(u);
    Map<Integer, Double> components = new TreeMap<>();
    for (int r = 0; r < u.length; r++) {
      BigInteger z = u[r].multiply(f).getNumerator();
      if (z.abs().compareTo(EXACT_LIMIT) > 0) {
        return Optional.empty();
      }
      components.put(block.get(r), z.doubleValue());
    }
    return Optional.of(Direction.of(components));
  }

  private static BigFraction[] times(BigFraction[][] m, BigFraction[] w) {
    BigFraction[] u = new BigFraction[m.length];
    for (int r = 0; r < m.length; r++) {
      u[r] = dot(m[r], w);
    }
    return u;
  }

  private static BigFraction dot(BigFraction[] x, BigFraction[] y) {
    BigFraction sum = BigFraction.ZERO;
    for (int k = 0; k < x.length; k++) {
      if (x[k].signum() != 0 && y[k].signum() != 0) {
        sum = sum.add(x[k].multiply(y[k]));
      }
    }
    return sum;
  }

  private static void subtractOuter(BigFraction[][] m, BigFraction[] u, BigFraction sigma) {
    for (int r = 0; r < m.length; r++) {
      for (int c = 0; c < m.length; c++) {
        if (u[r].signum() != 0 && u[c].signum() != 0) {
          m[r][c] = m[r][c].subtract(u[r].multiply(u[c]).divide(sigma));
        }
      }
    }
  }

  private static int nonZeros(BigFraction[] row) {
    int count = 0;
    for (BigFraction x : row) {
      count += x.signum() != 0 ? 1 : 0;
    }
    return count;
  }

  private static BigFraction[][] copy(BigFraction[][] m) {
    BigFraction[][] c = new BigFraction[m.length][];
    for (int r = 0; r < m.length; r++) {
      c[r] = m[r].clone();
    }
    return c;
  }
}

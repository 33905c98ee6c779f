package dev.collapsar.processor.operator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;

/**
 * Collects weighted directions of one order K, merging equal ones by adding weights. Directions are
 * first brought to a canonical scale, using ∂ᴷu[s·v] = sᴷ ∂ᴷu[v]: an integer direction is divided by
 * the gcd of its components (4e₀ becomes e₀ with 256 times the weight), and every direction is
 * turned so that its first component is positive. So interpolation's 2eₐ and a basis eₐ from another
 * term become one jet, and small seeds keep the jets' magnitudes moderate.
 */
final class DirectionAccumulator {
  private final int order;
  private final Map<Direction, Coefficient> weights = new LinkedHashMap<>();

  DirectionAccumulator(int order) {
    this.order = order;
  }

  int order() {
    return order;
  }

  /** Adds {@code weight · ∂ᴷu[direction]}. */
  void add(Direction direction, Coefficient weight) {
    if (direction.nonZeros() == 0) {
      return; // ∂ᴷu[0] = 0
    }
    double scale = direction.component(0) < 0 ? -1 : 1;
    if (direction.isInteger() && fitsLong(direction)) {
      scale *= gcd(direction);
    }
    Direction canonical = scale == 1 ? direction : direction.scaled(1 / scale);
    BigFraction factor = new BigFraction(scale).pow(order);
    weights.merge(canonical, weight.times(factor), Coefficient::plus);
  }

  void addAll(List<WeightedDirection> directions) {
    directions.forEach(d -> add(d.direction(), d.weight()));
  }

  /** The merged directions with nonzero weight, sparse first. */
  List<WeightedDirection> directions() {
    List<WeightedDirection> result = new ArrayList<>();
    weights.forEach((d, w) -> {
      if (!w.isZero()) {
        result.add(new WeightedDirection(d, w));
      }
    });
    result.sort((a, b) -> a.direction().compareTo(b.direction()));
    return result;
  }

  private static boolean fitsLong(Direction direction) {
    for (int k = 0; k < direction.nonZeros(); k++) {
      if (Math.abs(direction.component(k)) > 0x1p53) {
        return false;
      }
    }
    return true;
  }

  private static double gcd(Direction direction) {
    BigInteger g = BigInteger.ZERO;
    for (int k = 0; k < direction.nonZeros(); k++) {
      g = g.gcd(BigInteger.valueOf((long) Math.abs(direction.component(k))));
    }
    return g.doubleValue();
  }
}

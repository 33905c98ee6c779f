package dev.collapsar.processor.operator;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable sparse vector over coordinate positions: the direction v of a jet, seeded as x₁ = v.
 * Stores only nonzero components, indices ascending; equal directions are equal objects, so a
 * group can merge them. Components of interpolation and polarization directions are small integers
 * (exact in double); those of eigen directions are rounded.
 */
public final class Direction implements Comparable<Direction> {
  private final int[] indices;
  private final double[] components;

  private Direction(int[] indices, double[] components) {
    this.indices = indices;
    this.components = components;
  }

  /** The basis direction eᵢ. */
  public static Direction basis(int coordinate) {
    return new Direction(new int[] {coordinate}, new double[] {1});
  }

  /** The direction with {@code components.get(i)} at coordinate i; zeros are dropped. */
  public static Direction of(Map<Integer, Double> components) {
    TreeMap<Integer, Double> nonZero = new TreeMap<>();
    components.forEach((i, c) -> {
      if (i < 0) {
        throw new IllegalArgumentException("negative coordinate " + i);
      }
      if (c != 0) {
        nonZero.put(i, c);
      }
    });
    return new Direction(nonZero.keySet().stream().mapToInt(Integer::intValue).toArray(),
        nonZero.values().stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The direction with dense components {@code v}; zeros are dropped. */
  public static Direction dense(double... v) {
    Map<Integer, Double> map = new TreeMap<>();
    for (int i = 0; i < v.length; i++) {
      map.put(i, v[i]);
    }
    return of(map);
  }

  /** How many components are nonzero: the sparsity the emitter can exploit. */
  public int nonZeros() {
    return indices.length;
  }

  /** The coordinate of the k-th nonzero component. */
  public int index(int k) {
    return indices[k];
  }

  /** The k-th nonzero component. */
  public double component(int k) {
    return components[k];
  }

  /** The component at a coordinate, 0 where the direction has none. */
  public double componentAt(int coordinate) {
    int k = Arrays.binarySearch(indices, coordinate);
    return k >= 0 ? components[k] : 0;
  }

  /** The nonzero coordinates, ascending (a copy). */
  public int[] indices() {
    return indices.clone();
  }

  /** The components over {@code dimension} coordinates. */
  public double[] toDense(int dimension) {
    double[] v = new double[dimension];
    for (int k = 0; k < indices.length; k++) {
      v[indices[k]] = components[k];
    }
    return v;
  }

  /** Whether this is a basis direction eᵢ (a one-hot seed). */
  public boolean isBasis() {
    return indices.length == 1 && components[0] == 1;
  }

  /** Whether every component is an integer. */
  public boolean isInteger() {
    return Arrays.stream(components).allMatch(c -> c == Math.rint(c));
  }

  /** This direction times {@code factor} (nonzero). */
  public Direction scaled(double factor) {
    if (factor == 0) {
      throw new IllegalArgumentException("zero factor");
    }
    return new Direction(indices, Arrays.stream(components).map(c -> c * factor).toArray());
  }

  /** Sparse first, then by coordinates, then by components: a deterministic order for plans. */
  @Override
  public int compareTo(Direction o) {
    int c = Integer.compare(indices.length, o.indices.length);
    if (c == 0) {
      c = Arrays.compare(indices, o.indices);
    }
    return c != 0 ? c : Arrays.compare(components, o.components);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Direction d && Arrays.equals(indices, d.indices) && Arrays.equals(components, d.components);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(indices) + Arrays.hashCode(components);
  }

  /** E.g. {@code e0 + e1}, {@code 3e0 - e2}, {@code 0.7071067811865476e0 + …}; the zero vector is {@code 0}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < indices.length; k++) {
      double c = components[k];
      text.append(k == 0 ? (c < 0 ? "-" : "") : (c < 0 ? " - " : " + "));
      double magnitude = Math.abs(c);
      if (magnitude != 1) {
        text.append(magnitude == Math.rint(magnitude) ? Long.toString((long) magnitude) : Double.toString(magnitude));
      }
      text.append('e').append(indices[k]);
    }
    return text.length() == 0 ? "0" : text.toString();
  }
}

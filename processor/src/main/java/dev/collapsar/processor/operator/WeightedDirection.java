package dev.collapsar.processor.operator;

/**
 * One jet of a group: the operator contains {@code weight · ∂ᴷu[direction, …, direction]}, K the
 * group's order. Weights may be negative; collapsing needs a fixed linear combination, not a
 * positive one.
 */
public record WeightedDirection(Direction direction, Coefficient weight) {

  @Override
  public String toString() {
    return weight + " * d[" + direction + "]";
  }
}

package dev.collapsar.processor.ir;

/**
 * One differentiated coordinate: a {@code double} parameter ({@code index} −1) or an element of the
 * differentiated {@code double[]} parameter.
 */
public record Coordinate(String parameter, int index) {

  /** An identifier fragment for local names: {@code x}, or {@code r2} for {@code r[2]}. */
  public String identifier() {
    return index < 0 ? parameter : parameter + index;
  }

  /** How the user writes it: {@code x} or {@code r[2]}. */
  public String display() {
    return index < 0 ? parameter : parameter + "[" + index + "]";
  }

  /** Whether this is an element of an array parameter. */
  public boolean isElement() {
    return index >= 0;
  }

  @Override
  public String toString() {
    return display();
  }
}

package dev.collapsar.processor.operator;

/**
 * One differentiated coordinate: a {@code double} parameter ({@code index} −1) or an element of a
 * differentiated {@code double[]} parameter. Plans refer to coordinates by their position in
 * {@link ResolvedOperator#coordinates()}.
 *
 * @param parameter the parameter's name
 * @param index the element index, or −1 for a scalar parameter
 */
public record Coordinate(String parameter, int index) {

  /** How the user writes it: {@code s} or {@code x[2]}. */
  public String display() {
    return index < 0 ? parameter : parameter + "[" + index + "]";
  }

  public boolean isElement() {
    return index >= 0;
  }

  @Override
  public String toString() {
    return display();
  }
}

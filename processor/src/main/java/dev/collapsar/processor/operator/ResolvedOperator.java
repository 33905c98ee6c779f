package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Coordinate;
import java.util.List;
import java.util.Map;

/**
 * An operator checked against the method: its coordinates, and its terms with equal atoms combined.
 *
 * @param coordinates the differentiated coordinates, in parameter declaration order (array elements
 *     by index); {@link Atom.Partial} refers to positions in this list
 * @param spaceCoordinates the positions of the coordinates that {@code laplacian}, {@code biharmonic},
 *     {@code diffusion} and {@code drift} range over, in order: row r of S and entry r of b belong to
 *     coordinate {@code spaceCoordinates.get(r)}. All coordinates, except when the coordinates
 *     include exactly one array parameter: then that array's elements (so that {@code t} stays out of
 *     the Laplacian in {@code D[t] - laplacian} with {@code wrt = {"t", "x"}})
 * @param terms atom to coefficient, in the order the atoms first appear; no coefficient is the
 *     constant zero
 */
public record ResolvedOperator(List<Coordinate> coordinates, List<Integer> spaceCoordinates,
    Map<Atom, Coefficient> terms) {

  public ResolvedOperator {
    coordinates = List.copyOf(coordinates);
    spaceCoordinates = List.copyOf(spaceCoordinates);
    terms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(terms));
  }

  /** The highest derivative order of any term; 0 for an operator without derivatives. */
  public int order() {
    return terms.keySet().stream().mapToInt(Atom::order).max().orElse(0);
  }

  /** How many coordinates there are. */
  public int dimension() {
    return coordinates.size();
  }
}

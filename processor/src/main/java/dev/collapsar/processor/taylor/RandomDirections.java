package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The S random directions of a stochastic estimator, each with weight 1/S (DESIGN §4.4): the rows of a
 * caller-supplied {@code double[][]}. The variant with a {@code RandomGenerator} draws the rows into a
 * per-thread buffer and calls the one with rows, so every use of a direction sees the same numbers.
 */
public final class RandomDirections {
  private final List<SeedPlan.Direction> directions = new ArrayList<>();
  private final List<Statement> preconditions = new ArrayList<>();

  private RandomDirections() {}

  /**
   * Directions vₛ = {@code matrix[s]}, s < S; the matrix must have exactly S rows of length D (checked,
   * with {@code rowIndex} a name no parameter has).
   */
  public static RandomDirections rows(Algebra alg, Estimator estimator, List<Coordinate> coordinates, String matrix,
      String rowIndex) {
    RandomDirections r = new RandomDirections();
    Node reference = alg.nodes().ref(matrix, Type.DOUBLE_MATRIX);
    r.preconditions.add(new Statement.CheckLength(matrix, estimator.samples()));
    r.preconditions.add(new Statement.CheckRows(matrix, Integer.toString(coordinates.size()), rowIndex));
    for (int s = 0; s < estimator.samples(); s++) {
      Node row = alg.arrayLoad(reference, alg.nodes().constant(s, Type.INT));
      Node[] components = new Node[coordinates.size()];
      for (int i = 0; i < components.length; i++) {
        components[i] = alg.arrayLoad(row, alg.nodes().constant(i, Type.INT));
      }
      r.directions.add(new SeedPlan.Direction("s" + s, components, weight(alg, estimator)));
    }
    return r;
  }

  private static Node weight(Algebra alg, Estimator estimator) {
    return alg.num(1.0 / estimator.samples());
  }

  List<SeedPlan.Direction> directions() {
    return directions;
  }

  /** Argument checks, before the body. */
  List<Statement> preconditions() {
    return preconditions;
  }
}

package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The S random directions of a stochastic estimator, each with weight 1/S (DESIGN §4.4): either the
 * rows of a caller-supplied {@code double[][]} (deterministic, testable), or drawn from a
 * {@code RandomGenerator} once per call, before anything else, so that every use of a direction
 * sees the same numbers whatever branches the code takes.
 */
public final class RandomDirections {
  private final List<SeedPlan.Direction> directions = new ArrayList<>();
  private final List<Statement> preconditions = new ArrayList<>();
  private final List<Statement> draws = new ArrayList<>();

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

  /** Directions drawn from {@code generator}: S·D draws, Gaussian or Rademacher, bound to locals first. */
  public static RandomDirections drawn(Algebra alg, Estimator estimator, List<Coordinate> coordinates, String generator) {
    RandomDirections r = new RandomDirections();
    Node reference = alg.nodes().ref(generator, Type.RANDOM_GENERATOR);
    Node kind = alg.nodes().constant(estimator.gaussian() ? 1 : 0, Type.INT);
    for (int s = 0; s < estimator.samples(); s++) {
      Node[] components = new Node[coordinates.size()];
      for (int i = 0; i < components.length; i++) {
        String name = "dir" + s + "_" + coordinates.get(i).identifier();
        Node draw = alg.nodes().apply(Type.DOUBLE, Special.DRAW, reference, kind,
            alg.nodes().constant(s * components.length + i, Type.INT));
        r.draws.add(new Statement.Let(name, draw));
        components[i] = alg.nodes().ref(name, Type.DOUBLE);
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

  /** The draws, as the first statements of the body (so that a split body shares them like any local). */
  List<Statement> draws() {
    return draws;
  }
}

package dev.collapsar.processor.ir;

import java.util.List;

/**
 * A statement of a generated method body. The value graph ({@link Node}) holds the arithmetic; these
 * statements give it names, order, control flow and comments.
 */
public sealed interface Statement {

  /**
   * Adds to {@code names} every local that {@code statements} declare, at any depth: lets and
   * declarations, in branches, loops, and a lane sweep's index and step.
   */
  static void declared(List<Statement> statements, java.util.Set<String> names) {
    for (Statement s : statements) {
      if (s instanceof Let let) {
        names.add(let.name());
      } else if (s instanceof Declare declare) {
        names.add(declare.name());
      } else if (s instanceof Branch branch) {
        declared(branch.then(), names);
        declared(branch.otherwise(), names);
      } else if (s instanceof Loop loop) {
        declared(loop.body(), names);
      } else if (s instanceof LaneSweep sweep) {
        names.add(sweep.index());
        declared(sweep.step(), names);
        declared(sweep.scalars(), names);
      }
    }
  }

  /** {@code final double name = value;} — a new local bound once. */
  record Let(String name, Node value) implements Statement {}

  /** {@code double name;} — a local assigned in the branches of a following {@link Branch}. */
  record Declare(String name, Type type) implements Statement {}

  /** {@code name = value;} for a local introduced by {@link Declare}. */
  record Set(String name, Node value) implements Statement {}

  /** {@code if (condition) { then } else { otherwise }}. */
  record Branch(Node condition, List<Statement> then, List<Statement> otherwise)
      implements Statement {}

  /**
   * {@code while (condition) { body }}: a loop whose trip count is known only at run time. Locals it
   * carries from one iteration to the next are declared before it and set at the end of the body.
   */
  record Loop(Node condition, List<Statement> body) implements Statement {}

  /** {@code array[index] = value;} into a local array. */
  record Store(Node array, Node index, Node value) implements Statement {}

  /** Throws {@code IllegalArgumentException} unless {@code array.length == length}. */
  record CheckLength(String array, int length) implements Statement {}

  /**
   * Throws {@code IllegalArgumentException} unless every row of the {@code double[][]} {@code matrix}
   * has {@code length} elements, a Java int expression ({@code "3"}, or {@code "S[0].length"} for a
   * rectangular matrix); {@code index} is a fresh name for the loop over the rows.
   */
  record CheckRows(String matrix, String length, String index) implements Statement {}

  /**
   * {@code body} as a private static method of its own, called here with {@code arguments}: its
   * parameters have the arguments' names and types, and it changes nothing but the contents of arrays
   * it is given. The emitter names the method ({@code method} is a hint). Why: C2 vectorizes a fused
   * layer sweep compiled on its own and leaves it scalar inside a large kernel (benchmarks/README.md,
   * "Layer sweep shapes").
   */
  record Outlined(String method, List<Node.Ref> arguments, List<Statement> body) implements Statement {}

  /**
   * A layer's jet sweep written on {@code jdk.incubator.vector} ({@code -Acollapsar.vector=true}):
   * for {@code index} from {@code start} while below {@code bound}, the scalar statements
   * {@code step} (the weights, the source rows), then for every lane d below {@code width}
   * {@code target[d] = fma(coefficient, source[d], target[d])} for each row's terms in order. The
   * emitter blocks the lanes by vectors and keeps each block's accumulators in registers across the
   * whole index range (a matrix product's micro-kernel), so each target is loaded and stored once per
   * block rather than once per index; per lane the terms are added in the source's order.
   * {@code scalars}, when not empty, are the rest of each index step (the layer's value and collapsed
   * sums), run in the same pass as the last lanes' block, whose chains leave the multiply-add units
   * idle; they update the {@code carried} locals (given as arguments) and the sweep stores their final
   * values into the array {@code carry}, in order.
   */
  record LaneSweep(String index, Node start, Node bound, List<Statement> step, List<Row> rows, int width,
      List<Statement> scalars, List<Node.Ref> carried, Node.Ref carry)
      implements Statement {
    /** {@code target[d] += Σ coefficient·source[d]}, the terms in order. */
    public record Row(Node.Ref target, List<Term> terms) {}

    /** One multiply-add: a scalar times a source row's lane. */
    public record Term(Node coefficient, Node.Ref source) {}
  }

  /** A line comment that ties the following statements to the source statement they implement. */
  record Comment(String text) implements Statement {}
}

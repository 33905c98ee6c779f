package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds of the groups on a lane axis: per coordinate, its components along the group's
 * directions as one lane value, and the directions' weights as one lane value. A vector with no
 * lane form of its own ({@link LaneVectors}), or whose entries are computed ({@code crossDot}, a
 * read across a direction matrix's rows), is written into a row of a matrix {@code seeds} at the top
 * of the body and read back at the lane index: a first layer's loop over the coordinates then reads
 * coordinate j's seeds as a row, and nothing is recomputed per iteration.
 */
final class LaneSeeds {
  private final Node[][] first; // [group][coordinate]
  private final Node[] weights; // [group]

  private LaneSeeds(Node[][] first, Node[] weights) {
    this.first = first;
    this.weights = weights;
  }

  /** Lane group g's seed for coordinate a: the components of a's unit vector along its directions. */
  Node first(int g, int a) {
    return first[g][a];
  }

  /** Lane group g's weights; null for a group not on a lane axis. */
  Node weight(int g) {
    return weights[g];
  }

  static LaneSeeds of(SeedPlan plan, JetLayout layout, Algebra alg, Binder binder, List<Statement> body) {
    Node[][] first = new Node[layout.size()][];
    Node[] weights = new Node[layout.size()];
    for (int g = 0; g < layout.size(); g++) {
      if (layout.rows(g)) {
        Writer writer = new Writer(alg, binder, body, layout.group(g).directions(), g);
        weights[g] = writer.lane(layout.group(g).weights(), false);
        first[g] = writer.components(plan.groups().get(g));
        writer.finish();
      }
    }
    return new LaneSeeds(first, weights);
  }

  /** Writes one group's vectors, into its own {@code seeds} matrix where needed. */
  private static final class Writer {
    private final Algebra alg;
    private final Binder binder;
    private final List<Statement> body;
    private final int width;
    private final int group;
    private final List<Statement> stores = new ArrayList<>();
    private int rows;
    private Node matrix;

    Writer(Algebra alg, Binder binder, List<Statement> body, int width, int group) {
      this.alg = alg;
      this.binder = binder;
      this.body = body;
      this.width = width;
      this.group = group;
    }

    Node[] components(SeedPlan.Group group) {
      int coordinates = 0;
      for (SeedPlan.Direction d : group.directions()) {
        coordinates = Math.max(coordinates, d.components().length);
      }
      Node[] lanes = new Node[coordinates];
      for (int a = 0; a < coordinates; a++) {
        List<Node> vector = new ArrayList<>();
        for (SeedPlan.Direction d : group.directions()) {
          vector.add(a < d.components().length ? d.components()[a] : alg.zero());
        }
        while (vector.size() < width) {
          vector.add(alg.zero()); // the extra direction of first-order terms: no first coefficient
        }
        lanes[a] = lane(vector, vector.stream().anyMatch(LaneSeeds::computed));
      }
      return lanes;
    }

    /** The lane value of {@code vector}; in a row of the seeds matrix if it has no form or is computed. */
    Node lane(List<Node> vector, boolean computed) {
      Node template = LaneVectors.template(alg, vector);
      if (template != null && !computed) {
        return template;
      }
      Node row = alg.arrayLoad(matrix(), alg.nodes().constant(rows++, Type.INT));
      Node lane = Lanes.index(alg.nodes(), width);
      if (template != null) {
        stores.add(new Statement.Store(row, lane, template));
      } else {
        for (int d = 0; d < width; d++) {
          stores.add(new Statement.Store(row, alg.nodes().constant(d, Type.INT), vector.get(d)));
        }
      }
      // written once, before any read: one version for all reads
      return alg.nodes().apply(Type.LANES, Special.ARRAY_LOAD, row, lane, alg.nodes().constant(0, Type.INT));
    }

    private Node matrix() {
      if (matrix == null) {
        matrix = alg.nodes().ref(binder.mutable("seeds"), Type.DOUBLE_MATRIX);
      }
      return matrix;
    }

    /** Allocates the matrix (once its row count is known) and writes its rows, at the top of the body. */
    void finish() {
      if (matrix != null && !stores.isEmpty()) {
        // a negative serial: distinct from every allocation of LocalArrays, which counts from 0
        body.add(new Statement.Let(((Node.Ref) matrix).name(), alg.nodes().apply(Type.DOUBLE_MATRIX, Special.NEW_ROWS,
            alg.nodes().constant(rows, Type.INT), alg.nodes().constant(width, Type.INT),
            alg.nodes().constant(-100 - group, Type.INT))));
        body.addAll(stores);
        stores.clear();
      }
    }
  }

  /** A component computed from run-time values, or read across the rows of a direction matrix ({@code v[l][a]}). */
  private static boolean computed(Node component) {
    return component instanceof Node.Apply apply && (apply.operator() == Special.CROSS_DOT
        || apply.operator() == Special.ARRAY_LOAD && apply.argument(0) instanceof Node.Apply row
        && row.operator() == Special.ARRAY_LOAD && row.argument(0) instanceof Node.Ref);
  }
}

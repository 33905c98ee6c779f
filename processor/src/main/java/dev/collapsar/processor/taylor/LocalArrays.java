package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.List;

/**
 * Local {@code double[]} arrays of jets. Each element keeps its primal in the array itself and its
 * coefficients in one array per group and order, direction index innermost: flat (element i,
 * direction d at i·R + d) for straight-line code, or, for a group on a lane axis
 * ({@link JetLayout#rows(int)}), a {@code double[n][R]} whose row i holds element i's R directions, so
 * that a direction loop indexes every array it touches with the loop index itself. (Into one flat
 * array at an offset, C2 cannot rule out that the accumulator and the source overlap, and does not
 * vectorize: measured 3× slower.) Element reads are distinct nodes (arrays change); rows are not (a
 * row is never replaced); writes are {@link Statement.Store}s. In a batch kernel ({@link PointAxis})
 * every element is a row of the block's points instead: {@code h[i][p]}, and the coefficient of
 * element i along direction d {@code h_x[i·R + d][p]}.
 */
final class LocalArrays {
  private final JetArithmetic jets;
  private final Algebra alg;
  private int serial;
  private boolean rows;

  LocalArrays(JetArithmetic jets) {
    this.jets = jets;
    this.alg = jets.algebra();
  }

  /** {@code new double[length]} with all its coefficient arrays (not yet bound to locals). */
  Value.LocalArray allocate(Node length) {
    JetLayout layout = jets.layout();
    rows |= layout.batch();
    Node primal = newArray(length);
    Node[][] coefficients = new Node[layout.size()][];
    Node[] sums = new Node[layout.size()];
    for (int g = 0; g < layout.size(); g++) {
      JetLayout.Group group = layout.group(g);
      int kept = group.collapsed() ? group.order() - 1 : group.order();
      coefficients[g] = new Node[kept];
      Node width = alg.nodes().constant(group.directions(), Type.INT);
      rows |= layout.rows(g) && kept > 0;
      for (int k = 0; k < kept; k++) {
        coefficients[g][k] = layout.rows(g)
            ? alg.nodes().apply(Type.DOUBLE_MATRIX, Special.NEW_ROWS, length, width, alg.nodes().constant(serial++, Type.INT))
            : newArray(alg.binary(Op.MUL, length, width));
      }
      sums[g] = group.collapsed() ? newArray(length) : null;
    }
    return new Value.LocalArray(primal, coefficients, sums, length);
  }

  /** Whether some local array keeps its coefficients as rows (its loops want direction loops, {@code JetProgram.rows}). */
  boolean allocatedRows() {
    return rows;
  }

  /** The jet of {@code array[index]} now. */
  Jet read(Value.LocalArray array, Node index) {
    JetLayout layout = jets.layout();
    Node version = alg.nodes().constant(serial++, Type.INT);
    Node[][][] coefficients = new Node[layout.size()][][];
    Node[] sums = new Node[layout.size()];
    for (int g = 0; g < layout.size(); g++) {
      int directions = layout.group(g).directions();
      if (layout.rows(g)) {
        coefficients[g] = new Node[1][array.coefficients()[g].length];
        for (int k = 0; k < array.coefficients()[g].length; k++) {
          coefficients[g][0][k] = alg.nodes().apply(Type.LANES, Special.ARRAY_LOAD,
              row(array.coefficients()[g][k], index), Lanes.index(alg.nodes(), directions), version);
        }
        sums[g] = array.sums()[g] == null ? null : load(array.sums()[g], index, version);
        continue;
      }
      coefficients[g] = new Node[directions][array.coefficients()[g].length];
      for (int k = 0; k < array.coefficients()[g].length; k++) {
        Node[] lanes = lanes(array.coefficients()[g][k], index, directions);
        for (int d = 0; d < directions; d++) {
          coefficients[g][d][k] = load(lanes[0], lanes[d + 1], version);
        }
      }
      sums[g] = array.sums()[g] == null ? null : load(array.sums()[g], index, version);
    }
    return new Jet(load(array.primal(), index, version), coefficients, sums);
  }

  /** {@code array[index] = value}, component by component. */
  void write(Value.LocalArray array, Node index, Jet value, List<Statement> out) {
    JetLayout layout = jets.layout();
    out.add(store(array.primal(), index, value.primal()));
    for (int g = 0; g < layout.size(); g++) {
      int directions = layout.group(g).directions();
      for (int k = 0; k < array.coefficients()[g].length; k++) {
        if (layout.rows(g)) {
          out.add(new Statement.Store(row(array.coefficients()[g][k], index), Lanes.index(alg.nodes(), directions),
              value.coefficient(g, 0, k + 1)));
          continue;
        }
        Node[] lanes = lanes(array.coefficients()[g][k], index, directions);
        for (int d = 0; d < directions; d++) {
          out.add(store(lanes[0], lanes[d + 1], value.coefficient(g, d, k + 1)));
        }
      }
      if (array.sums()[g] != null) {
        out.add(store(array.sums()[g], index, value.sum(g)));
      }
    }
  }

  /** The names of the locals an array's components are bound to: {@code z}, {@code z_d1}, {@code z_lap}. */
  static String componentName(String variable, int index, Value.LocalArray array, JetLayout layout) {
    if (index == 0) {
      return variable;
    }
    int i = index - 1;
    for (int g = 0; g < array.coefficients().length; g++) {
      String group = layout.size() > 1 ? "_" + layout.group(g).sumName() : "";
      if (i < array.coefficients()[g].length) {
        return variable + group + "_d" + (i + 1);
      }
      i -= array.coefficients()[g].length;
    }
    for (int g = 0; g < array.sums().length; g++) {
      if (array.sums()[g] != null && i-- == 0) {
        return variable + "_" + layout.group(g).sumName();
      }
    }
    return variable + "_length";
  }

  /**
   * Where element {@code index}'s directions live in a coefficient array: the array to index (the
   * row, or the flat array itself), then the index of each direction.
   */
  private Node[] lanes(Node coefficients, Node index, int directions) {
    Node[] lanes = new Node[directions + 1];
    boolean rows = coefficients.type() == Type.DOUBLE_MATRIX && !jets.layout().batch();
    lanes[0] = rows ? alg.nodes().apply(Type.DOUBLE_ARRAY, Special.ARRAY_LOAD, coefficients, index) : coefficients;
    Node base = rows ? null : alg.binary(Op.MUL, index, alg.nodes().constant(directions, Type.INT));
    for (int d = 0; d < directions; d++) {
      Node lane = alg.nodes().constant(d, Type.INT);
      lanes[d + 1] = rows ? lane : alg.binary(Op.ADD, base, lane);
    }
    return lanes;
  }

  /** Row {@code index} of a coefficient matrix: element {@code index}'s lanes. */
  private Node row(Node rows, Node index) {
    return alg.nodes().apply(Type.DOUBLE_ARRAY, Special.ARRAY_LOAD, rows, index);
  }

  private Node load(Node array, Node index, Node version) {
    if (jets.layout().batch()) {
      return alg.nodes().apply(Type.LANES, Special.ARRAY_LOAD, row(array, index), point(), version);
    }
    return alg.nodes().apply(Type.DOUBLE, Special.ARRAY_LOAD, array, index, version);
  }

  /** {@code array[index] = value}; in a batch kernel into the element's row, at the point's lane. */
  private Statement store(Node array, Node index, Node value) {
    return jets.layout().batch() ? new Statement.Store(row(array, index), point(), value)
        : new Statement.Store(array, index, value);
  }

  private Node point() {
    return Lanes.index(alg.nodes(), jets.layout().points());
  }

  /** {@code new double[length]}, or in a batch kernel {@code new double[length][points]}. */
  private Node newArray(Node length) {
    if (jets.layout().batch()) {
      return alg.nodes().apply(Type.DOUBLE_MATRIX, Special.NEW_ROWS, length,
          alg.nodes().constant(jets.layout().points(), Type.INT), alg.nodes().constant(serial++, Type.INT));
    }
    return alg.nodes().apply(Type.DOUBLE_ARRAY, Special.NEW_ARRAY, length, alg.nodes().constant(serial++, Type.INT));
  }
}

package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.List;

/**
 * Local {@code double[]} arrays of jets. Each element keeps its primal in the array itself and its
 * coefficients in one array per group and order, direction index innermost (element i, direction d
 * at i·R + d), so that a later per-direction loop reads contiguous memory. Reads are distinct nodes
 * (arrays change), writes are {@link Statement.Store}s.
 */
final class LocalArrays {
  private final JetArithmetic jets;
  private final Algebra alg;
  private int serial;

  LocalArrays(JetArithmetic jets) {
    this.jets = jets;
    this.alg = jets.algebra();
  }

  /** {@code new double[length]} with all its coefficient arrays (not yet bound to locals). */
  Value.LocalArray allocate(Node length) {
    JetLayout layout = jets.layout();
    Node primal = newArray(length);
    Node[][] coefficients = new Node[layout.size()][];
    Node[] sums = new Node[layout.size()];
    for (int g = 0; g < layout.size(); g++) {
      JetLayout.Group group = layout.group(g);
      int kept = group.collapsed() ? group.order() - 1 : group.order();
      coefficients[g] = new Node[kept];
      Node size = alg.binary(Op.MUL, length, alg.nodes().constant(group.directions(), Type.INT));
      for (int k = 0; k < kept; k++) {
        coefficients[g][k] = newArray(size);
      }
      sums[g] = group.collapsed() ? newArray(length) : null;
    }
    return new Value.LocalArray(primal, coefficients, sums, length);
  }

  /** The jet of {@code array[index]} now. */
  Jet read(Value.LocalArray array, Node index) {
    JetLayout layout = jets.layout();
    Node version = alg.nodes().constant(serial++, Type.INT);
    Node[][][] coefficients = new Node[layout.size()][][];
    Node[] sums = new Node[layout.size()];
    for (int g = 0; g < layout.size(); g++) {
      int directions = layout.group(g).directions();
      coefficients[g] = new Node[directions][array.coefficients()[g].length];
      for (int d = 0; d < directions; d++) {
        for (int k = 0; k < array.coefficients()[g].length; k++) {
          coefficients[g][d][k] = load(array.coefficients()[g][k], lane(index, directions, d), version);
        }
      }
      sums[g] = array.sums()[g] == null ? null : load(array.sums()[g], index, version);
    }
    return new Jet(load(array.primal(), index, version), coefficients, sums);
  }

  /** {@code array[index] = value}, component by component. */
  void write(Value.LocalArray array, Node index, Jet value, List<Statement> out) {
    JetLayout layout = jets.layout();
    out.add(new Statement.Store(array.primal(), index, value.primal()));
    for (int g = 0; g < layout.size(); g++) {
      int directions = layout.group(g).directions();
      for (int d = 0; d < directions; d++) {
        for (int k = 0; k < array.coefficients()[g].length; k++) {
          out.add(new Statement.Store(array.coefficients()[g][k], lane(index, directions, d), value.coefficient(g, d, k + 1)));
        }
      }
      if (array.sums()[g] != null) {
        out.add(new Statement.Store(array.sums()[g], index, value.sum(g)));
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

  private Node lane(Node index, int directions, int d) {
    Node base = alg.binary(Op.MUL, index, alg.nodes().constant(directions, Type.INT));
    return alg.binary(Op.ADD, base, alg.nodes().constant(d, Type.INT));
  }

  private Node load(Node array, Node index, Node version) {
    return alg.nodes().apply(Type.DOUBLE, Special.ARRAY_LOAD, array, index, version);
  }

  private Node newArray(Node length) {
    return alg.nodes().apply(Type.DOUBLE_ARRAY, Special.NEW_ARRAY, length, alg.nodes().constant(serial++, Type.INT));
  }
}

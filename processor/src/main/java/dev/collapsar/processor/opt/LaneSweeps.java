package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * With {@code -Acollapsar.vector=true}: turns a layer's reduction loop (the loop over the previous
 * layer's units j, inside a unit loop that {@link UnrollAndJam} jammed) into one
 * {@link Statement.LaneSweep} over the whole range of j, in a method of its own. The emitter writes
 * the jet sweep as a register-blocked kernel on {@code jdk.incubator.vector}: per block of lanes, the
 * accumulators stay in vector registers while j runs, where a loop that C2 vectorizes loads and
 * stores every accumulator row at every j. The scalar rest of each step (the layer's value and
 * collapsed sums) goes into the sweep too, to run beside the pass of the last lanes; the sums it
 * carries come back through a pooled array (when one is not a double, the rest stays a loop after the
 * sweep). One rounding per multiply-add ({@code fma}), per lane in the source's order: the values of
 * {@code -Acollapsar.fma=true}.
 *
 * <p>Measured on the reference network's collapsed Laplacian (JDK 17, one core, best call):
 * 4.43 ms default, 3.07 ms with the sweep, 12 % less again with the sums beside the last lanes
 * (benchmarks/README.md, "Layer sweep shapes").
 *
 * <p>Conditions: those of {@link ReductionJam} (the sweep may run before the scalar rest), and every
 * row statement is {@code t[d] = t[d] + c·s[d] + …} with coefficients that do not depend on the lane,
 * sources read only at the lane index and no source also a target. Else {@link ReductionJam} applies.
 */
final class LaneSweeps {
  private final NodeFactory nodes;
  private final UnaryOperator<String> fresh;
  private final java.util.function.IntFunction<Node.Ref> scratch;

  /** @param scratch a new pooled {@code double[]} of the given length, bound at the method's top */
  LaneSweeps(NodeFactory nodes, UnaryOperator<String> fresh, java.util.function.IntFunction<Node.Ref> scratch) {
    this.nodes = nodes;
    this.fresh = fresh;
    this.scratch = scratch;
  }

  /** The sweep and the scalar loop, or null when {@code loop} does not qualify. */
  List<Statement> apply(Statement.Loop loop) {
    ReductionJam.Shape shape = ReductionJam.Shape.of(loop);
    if (shape == null) {
      return null;
    }
    String index = fresh.apply(shape.index.name() + "_v");
    Map<String, String> renaming = Map.of(shape.index.name(), index);
    List<Statement.LaneSweep.Row> rows = new ArrayList<>();
    int width = -1;
    for (ReductionJam.DirectionLoop l : shape.loops) {
      int mine = (int) ((Node.Const) ((Node.Apply) l.loop().condition()).argument(1)).value();
      List<Statement.LaneSweep.Row> parsed = rows(l);
      if (parsed == null || width >= 0 && mine != width) {
        return null;
      }
      width = mine;
      for (Statement.LaneSweep.Row row : parsed) {
        rows.add(new Statement.LaneSweep.Row(row.target(), row.terms().stream()
            .map(t -> new Statement.LaneSweep.Term(new Renaming(renaming, Map.of(), nodes).node(t.coefficient()),
                t.source()))
            .toList()));
      }
    }
    Set<String> targets = new HashSet<>();
    rows.forEach(r -> targets.add(r.target().name()));
    if (rows.stream().anyMatch(r -> r.terms().stream().anyMatch(t -> targets.contains(t.source().name())))) {
      return null;
    }
    List<Statement> step = new ArrayList<>();
    List<Statement> scalars = new ArrayList<>();
    for (Statement s : shape.scalars) {
      (shape.needed.contains(s) ? step : scalars).add(Renaming.statements(List.of(s), renaming, nodes).get(0));
    }
    List<Node.Ref> carried = carried(scalars);
    if (carried != null) { // the scalar sums ride in the sweep's last pass, and come back through carry
      Node.Ref carry = scratch.apply(carried.size());
      Statement.LaneSweep sweep = new Statement.LaneSweep(index, shape.index, shape.bound, step, rows, width,
          scalars, carried, carry);
      List<Statement> out = new ArrayList<>();
      out.add(new Statement.Outlined("sweep", ReductionJam.freeVariables(List.of(sweep)), List.of(sweep)));
      for (int k = 0; k < carried.size(); k++) {
        out.add(new Statement.Set(carried.get(k).name(),
            nodes.apply(Type.DOUBLE, Special.ARRAY_LOAD, carry, nodes.constant(k, Type.INT))));
      }
      out.add(new Statement.Set(shape.index.name(), shape.bound));
      return out;
    }
    Statement.LaneSweep sweep = new Statement.LaneSweep(index, shape.index, shape.bound, step, rows, width,
        List.of(), List.of(), null);
    List<Statement> rest = new ArrayList<>(shape.scalars);
    rest.add(loop.body().get(loop.body().size() - 1));
    return List.of(new Statement.Outlined("sweep", ReductionJam.freeVariables(List.of(sweep)), List.of(sweep)),
        new Statement.Loop(loop.condition(), unread(rest, shape.needed)));
  }

  /**
   * The locals that {@code scalars} carry from one step to the next (assigned, not defined there), or
   * null when there are none or one is not a double (they come back through a {@code double[]}).
   */
  private List<Node.Ref> carried(List<Statement> scalars) {
    Set<String> defined = new HashSet<>();
    for (Statement s : scalars) {
      if (s instanceof Statement.Let let) {
        defined.add(let.name());
      } else if (s instanceof Statement.Declare d) {
        defined.add(d.name());
      } else if (!(s instanceof Statement.Set || s instanceof Statement.Comment)) {
        return null;
      }
    }
    Map<String, Node.Ref> carried = new java.util.LinkedHashMap<>();
    for (Statement s : scalars) {
      if (s instanceof Statement.Set set && !defined.contains(set.name())) {
        if (set.value().type() != Type.DOUBLE) {
          return null;
        }
        carried.putIfAbsent(set.name(), nodes.ref(set.name(), Type.DOUBLE));
      }
    }
    return carried.isEmpty() ? null : List.copyOf(carried.values());
  }


  /** {@code statements} without those of {@code candidates} that nothing reads any more. */
  private static List<Statement> unread(List<Statement> statements, Set<Statement> candidates) {
    List<Statement> out = new ArrayList<>(statements);
    boolean removed = true;
    while (removed) {
      removed = out.removeIf(s -> candidates.contains(s) && s instanceof Statement.Let let
          && Walk.mentions(out, let.name()) == 1);
    }
    return out;
  }

  /** A direction loop's stores as rows of terms, or null when one is not {@code t[d] = t[d] + c·s[d] + …}. */
  private List<Statement.LaneSweep.Row> rows(ReductionJam.DirectionLoop l) {
    Map<String, Node.Ref> lanes = new HashMap<>(); // a local bound to s[d] → s
    List<Statement.LaneSweep.Row> rows = new ArrayList<>();
    List<Statement> body = l.loop().body();
    for (Statement s : body.subList(0, body.size() - 1)) {
      if (s instanceof Statement.Let let) {
        Node.Ref source = atLane(let.value(), l.index());
        if (source == null) {
          return null;
        }
        lanes.put(let.name(), source);
      } else if (s instanceof Statement.Store store) {
        List<Statement.LaneSweep.Term> terms = new ArrayList<>();
        if (!terms(store.value(), (Node.Ref) store.array(), l.index(), lanes, terms)) {
          return null;
        }
        rows.add(new Statement.LaneSweep.Row((Node.Ref) store.array(), terms));
      } else if (!(s instanceof Statement.Comment)) {
        return null;
      }
    }
    return rows;
  }

  /** Parses {@code t[d] + c·s[d] + …} into its terms in order of addition. */
  private static boolean terms(Node value, Node.Ref target, String index, Map<String, Node.Ref> lanes,
      List<Statement.LaneSweep.Term> terms) {
    if (target.equals(atLane(value, index))) {
      return true;
    }
    if (!(value instanceof Node.Apply add && add.operator() == Op.ADD
        && add.argument(1) instanceof Node.Apply mul && mul.operator() == Op.MUL)) {
      return false;
    }
    for (int side = 0; side < 2; side++) {
      Node lane = mul.argument(side);
      Node coefficient = mul.argument(1 - side);
      Node.Ref source = lane instanceof Node.Ref r && lanes.containsKey(r.name()) ? lanes.get(r.name()) : atLane(lane, index);
      if (source != null && !coefficient.reads(lanes.keySet()) && !coefficient.reads(Set.of(index))) {
        if (!terms(add.argument(0), target, index, lanes, terms)) {
          return false;
        }
        terms.add(new Statement.LaneSweep.Term(coefficient, source));
        return true;
      }
    }
    return false;
  }

  /** {@code s} when {@code node} is {@code s[index]} (at any version) for a local row s, else null. */
  private static Node.Ref atLane(Node node, String index) {
    return node instanceof Node.Apply load && load.operator() == Special.ARRAY_LOAD
        && load.argument(0) instanceof Node.Ref row && row.type() == Type.DOUBLE_ARRAY
        && load.argument(1) instanceof Node.Ref i && i.name().equals(index) ? row : null;
  }
}

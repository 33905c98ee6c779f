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
 * Jams the reduction index of a layer's jet sweep: the loop over the previous layer's units {@code j}
 * (inside a unit loop that {@link UnrollAndJam} jammed) runs {@link #STEPS} values of j per iteration,
 * and their direction loops are fused into one, in a method of its own
 * ({@link Statement.Outlined}), so that each accumulator row is loaded and stored once per two
 * multiply-adds ({@code z[d] = z[d] + a·v[d] + a'·v'[d]}, the order of the source, so the same bits).
 * With {@code -Acollapsar.fma=true} each row is one {@code Math.fma} chain instead (one rounding per
 * multiply-add). A remainder loop takes the last j.
 *
 * <p>Measured on the reference network's collapsed Laplacian, one core (AMD EPYC; best call, two JVMs
 * each; {@code benchmarks/README.md}, "Layer sweep shapes"): JDK 17 5.06–5.41 ms before, 4.27–4.71 ms
 * jammed, 3.85–4.06 ms with fma; JDK 25 5.64–5.72, 3.95–3.98 and 3.52–3.54 ms. Inline in the kernel
 * instead of in a method of its own, C2 left the fused loop scalar (12–13 ms).
 *
 * <p>Conditions (else the loop stays as it is): the loop counts {@code j} up by one to a bound it does
 * not assign; besides direction loops its body only binds locals and assigns the locals it carries;
 * a direction loop only binds locals and stores at its own index, into arrays no other statement of
 * the body reads or another direction loop touches; no direction loop reads a carried local. Direction
 * loops may then run after the scalar statements, and copy k's loop right after copy k−1's at each
 * index. The arrays stored into are rows that {@link JamCheck} found owned by one unit (never aliased).
 */
final class ReductionJam {
  /** How many values of the reduction index one iteration takes. */
  static final int STEPS = 2;

  private final NodeFactory nodes;
  private final UnaryOperator<String> fresh;
  private final boolean fma;
  private final int steps;

  ReductionJam(NodeFactory nodes, UnaryOperator<String> fresh, boolean fma) {
    this(nodes, fresh, fma, STEPS);
  }

  /** With {@code steps} = 1 the sweep only moves into a method of its own (no remainder loop). */
  ReductionJam(NodeFactory nodes, UnaryOperator<String> fresh, boolean fma, int steps) {
    this.nodes = nodes;
    this.fresh = fresh;
    this.fma = fma;
    this.steps = steps;
  }

  /** {@code loop} jammed, followed by its remainder; or {@code loop} alone when it does not qualify. */
  List<Statement> apply(Statement.Loop loop) {
    Shape shape = Shape.of(loop);
    if (shape == null) {
      return List.of(loop);
    }
    List<Statement> first = new ArrayList<>(); // the steps' indices and the values the direction loops read
    List<Statement> after = new ArrayList<>(); // the rest of each step, in order
    List<List<List<Statement>>> lanes = new ArrayList<>(); // per direction loop, per step: its body
    shape.loops.forEach(l -> lanes.add(new ArrayList<>()));
    for (int k = 0; k < steps; k++) {
      Map<String, String> renaming = new HashMap<>();
      if (k > 0) {
        String step = fresh.apply(shape.index.name() + "_s" + k);
        first.add(new Statement.Let(step, nodes.apply(Type.INT, Op.ADD, nodes.constant(k, Type.INT), shape.index)));
        renaming.put(shape.index.name(), step);
        for (String local : shape.locals) {
          renaming.put(local, fresh.apply(local + "_s" + k));
        }
        shape.loops.forEach(l -> renaming.remove(l.index()));
      }
      for (Statement s : shape.scalars) {
        if (k > 0 && s instanceof Statement.Comment) {
          continue;
        }
        Statement renamed = Renaming.statements(List.of(s), renaming, nodes).get(0);
        (shape.needed.contains(s) || k == 0 && after.isEmpty() && s instanceof Statement.Comment ? first : after)
            .add(renamed);
      }
      for (int m = 0; m < shape.loops.size(); m++) {
        List<Statement> body = shape.loops.get(m).loop().body();
        lanes.get(m).add(Renaming.statements(body.subList(0, body.size() - 1), renaming, nodes));
      }
    }
    // the direction loops before the scalar rest (measured 1.3-1.5x faster than after it), in a
    // method of their own (C2 vectorizes them there, not inside the kernel)
    List<Statement> sweep = new ArrayList<>();
    for (int m = 0; m < shape.loops.size(); m++) {
      DirectionLoop l = shape.loops.get(m);
      List<Statement> fused = forwarded(lanes.get(m), l.index());
      fused.add(l.loop().body().get(l.loop().body().size() - 1));
      sweep.addAll(List.of(l.declare(), l.start(), new Statement.Loop(l.loop().condition(), fused)));
    }
    List<Statement> body = new ArrayList<>(first);
    body.add(new Statement.Outlined("sweep", freeVariables(sweep), sweep));
    body.addAll(after);
    body.add(new Statement.Set(shape.index.name(),
        nodes.apply(Type.INT, Op.ADD, nodes.constant(steps, Type.INT), shape.index)));
    if (steps == 1) {
      return List.of(new Statement.Loop(loop.condition(), body));
    }
    Node last = nodes.apply(Type.INT, Op.ADD, nodes.constant(steps - 1, Type.INT), shape.index);
    return List.of(new Statement.Loop(nodes.apply(Type.BOOLEAN, Op.LT, last, shape.bound), body), loop);
  }

  /**
   * The copies' bodies one after the other at each direction index, each row kept in a local from
   * one copy to the next: {@code a[d] = a[d] + x; a[d] = a[d] + y;} becomes
   * {@code double a_acc = a[d] + x; a[d] = a_acc + y;}.
   */
  private List<Statement> forwarded(List<List<Statement>> copies, String index) {
    List<Statement> out = new ArrayList<>();
    Map<Node, Node> held = new HashMap<>(); // a row's load at the index → the local holding its value
    Map<String, Integer> pendingStore = new HashMap<>(); // row → where its last store is in out
    Set<String> accumulators = new HashSet<>();
    for (List<Statement> copy : copies) {
      for (Statement s : copy) {
        Statement renamed = new Renaming(Map.of(), held, nodes).statements(List.of(s)).get(0);
        if (!(renamed instanceof Statement.Store store)) {
          out.add(renamed);
          continue;
        }
        String row = ((Node.Ref) store.array()).name();
        Integer previous = pendingStore.remove(row);
        if (previous != null && !reads(out.subList(previous + 1, out.size()), Set.of(row))) {
          out.set(previous, new Statement.Comment("")); // overwritten at the same index before any read
        }
        String local = fresh.apply(row + "_acc");
        accumulators.add(local);
        out.add(new Statement.Let(local, fma ? fused(store.value()) : store.value()));
        Node value = nodes.ref(local, Type.DOUBLE);
        pendingStore.put(row, out.size());
        out.add(new Statement.Store(store.array(), store.index(), value));
        held.put(load(store.array(), index), value);
      }
    }
    out.removeIf(s -> s instanceof Statement.Comment c && c.text().isEmpty());
    return inlined(out, accumulators);
  }

  /**
   * The accumulator locals read once written into their reader, so that each row is one expression
   * {@code a[d] = a[d] + x + y} (measured faster than through locals). Moving a row's load down past
   * other rows' stores is safe: the rows are distinct.
   */
  private List<Statement> inlined(List<Statement> statements, Set<String> accumulators) {
    List<Statement> out = new ArrayList<>(statements);
    for (int s = 0; s < out.size(); s++) {
      if (out.get(s) instanceof Statement.Let let && accumulators.contains(let.name())
          && Walk.mentions(out, let.name()) == 2) {
        Map<Node, Node> value = Map.of(nodes.ref(let.name(), Type.DOUBLE), let.value());
        out.remove(s);
        List<Statement> rest = new Renaming(Map.of(), value, nodes).statements(out.subList(s, out.size()));
        out.subList(s, out.size()).clear();
        out.addAll(rest);
        s--;
      }
    }
    return out;
  }

  /** {@code x + a·b} as {@code fma(a, b, x)}; anything else as it is. */
  private Node fused(Node value) {
    if (value instanceof Node.Apply add && add.operator() == Op.ADD && add.argument(1) instanceof Node.Apply mul
        && mul.operator() == Op.MUL) {
      return nodes.apply(Type.DOUBLE, Special.FMA, mul.argument(0), mul.argument(1), add.argument(0));
    }
    return value;
  }

  /** The locals and parameters {@code statements} read and do not define, in order of first reading. */
  static List<Node.Ref> freeVariables(List<Statement> statements) {
    Set<String> defined = new HashSet<>();
    Walk.sets(statements, set -> defined.add(set.name()));
    Map<String, Node.Ref> free = new java.util.LinkedHashMap<>();
    Statement.declared(statements, defined);
    Walk.nodes(statements, n -> {
      if (n instanceof Node.Ref r && !defined.contains(r.name())) {
        free.putIfAbsent(r.name(), r);
      }
    });
    return List.copyOf(free.values());
  }



  private Node load(Node array, String index) {
    return nodes.apply(Type.DOUBLE, Special.ARRAY_LOAD, array, nodes.ref(index, Type.INT));
  }

  /** A direction loop as {@link LaneLoopShape} writes it: its declaration, its start, the loop. */
  record DirectionLoop(Statement declare, Statement start, Statement.Loop loop) {
    String index() {
      return ((Statement.Declare) declare).name();
    }
  }

  /** A reduction loop split into its scalar statements and its direction loops, checked. */
  static final class Shape {
    Node.Ref index;
    Node bound;
    final List<Statement> scalars = new ArrayList<>();
    final List<DirectionLoop> loops = new ArrayList<>();
    /** The locals the body defines (renamed in every copy but the first). */
    final Set<String> locals = new HashSet<>();
    /** The scalar statements the direction loops read, directly or through each other. */
    final Set<Statement> needed = new HashSet<>();

    static Shape of(Statement.Loop loop) {
      if (!(loop.condition() instanceof Node.Apply c && c.operator() == Op.LT && c.argument(0) instanceof Node.Ref j
          && j.type() == Type.INT && !loop.body().isEmpty() && LaneLoopShape.isIncrement(loop, j))) {
        return null;
      }
      Shape shape = new Shape();
      shape.index = j;
      shape.bound = c.argument(1);
      List<Statement> body = loop.body().subList(0, loop.body().size() - 1);
      for (int s = 0; s < body.size(); s++) {
        if (LaneLoopShape.at(body, s)) {
          shape.loops.add(new DirectionLoop(body.get(s), body.get(s + 1), (Statement.Loop) body.get(s + 2)));
          s += 2;
        } else {
          shape.scalars.add(body.get(s));
        }
      }
      return shape.qualifies() ? shape : null;
    }

    private boolean qualifies() {
      if (loops.isEmpty()) {
        return false;
      }
      if (!scalars.stream().allMatch(s -> s instanceof Statement.Let || s instanceof Statement.Declare
          || s instanceof Statement.Set || s instanceof Statement.Comment)) {
        return false;
      }
      Statement.declared(scalars, locals);
      Set<String> assigned = new HashSet<>();
      Walk.sets(scalars, set -> assigned.add(set.name()));
      Set<String> carried = new HashSet<>(assigned);
      carried.removeAll(locals);
      if (carried.contains(index.name()) || bound.reads(carried) || bound.reads(locals)) {
        return false;
      }
      Set<String> rows = new HashSet<>();
      for (DirectionLoop l : loops) {
        Set<String> mine = stores(l);
        if (mine == null || mine.isEmpty() || !java.util.Collections.disjoint(rows, mine)) {
          return false;
        }
        rows.addAll(mine);
        locals.add(l.index());
        l.loop().body().forEach(s -> {
          if (s instanceof Statement.Let let) {
            locals.add(let.name());
          }
        });
      }
      for (DirectionLoop l : loops) {
        Set<String> others = new HashSet<>(rows);
        others.removeAll(stores(l));
        if (reads(l.loop().body(), others) || reads(l.loop().body(), carried)) {
          return false;
        }
      }
      return !reads(scalars, rows) && neededFirst(assigned);
    }

    /** Finds what the loops read; false when that reads a local the body assigns (it cannot move ahead). */
    private boolean neededFirst(Set<String> assigned) {
      List<Statement> readers = new ArrayList<>();
      loops.forEach(l -> readers.addAll(l.loop().body()));
      for (int s = scalars.size() - 1; s >= 0; s--) {
        if (scalars.get(s) instanceof Statement.Let let && reads(readers, Set.of(let.name()))) {
          if (let.value().reads(assigned)) {
            return false;
          }
          needed.add(let);
          readers.add(let);
        }
      }
      return true;
    }

    /**
     * The rows a direction loop stores into, or null unless it only binds and stores, and reads and
     * writes those rows only at its index.
     */
    private static Set<String> stores(DirectionLoop l) {
      Set<String> rows = new HashSet<>();
      List<Statement> body = l.loop().body();
      for (Statement s : body.subList(0, body.size() - 1)) {
        if (s instanceof Statement.Store store && store.array() instanceof Node.Ref row
            && store.index() instanceof Node.Ref d && d.name().equals(l.index())) {
          rows.add(row.name());
        } else if (!(s instanceof Statement.Let || s instanceof Statement.Comment)) {
          return null;
        }
      }
      int[] refs = {0};
      int[] atIndex = {0};
      Walk.nodes(body, n -> {
        if (n instanceof Node.Ref r && rows.contains(r.name())) {
          refs[0]++;
        } else if (n instanceof Node.Apply a && a.operator() == Special.ARRAY_LOAD && a.arity() == 2
            && a.argument(0) instanceof Node.Ref r && rows.contains(r.name())
            && a.argument(1) instanceof Node.Ref d && d.name().equals(l.index())) {
          atIndex[0]++;
        }
      });
      int stored = (int) body.stream().filter(s -> s instanceof Statement.Store).count();
      return refs[0] == atIndex[0] + stored ? rows : null;
    }
  }

  private static boolean reads(List<Statement> statements, Set<String> names) {
    boolean[] found = {false};
    Walk.nodes(statements, n -> found[0] |= n instanceof Node.Ref r && names.contains(r.name()));
    return found[0];
  }
}

package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.SweepStyle;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Unroll-and-jam of a layer's unit loop: K units i, i+1, … at once, their inner loops
 * over the previous layer fused into one, so that each row of the previous layer's coefficients is
 * loaded once for all of them (a direction loop then does {@code a[d] += t*r[d]; a2[d] += t2*r[d]; …},
 * as in a blocked matrix product). A remainder loop finishes the last units. Only loops whose
 * iterations are independent qualify ({@link JamCheck}); every unit still executes its own operations
 * in its own order, so the results are the same bit for bit. Measured on the reference network's
 * 768 × 768 layer with 50 directions: 5.9 ms one unit at a time, 4.1 two, 3.4 four.
 */
final class UnrollAndJam {
  /**
   * The most rows per unit whose reduction loop alone is jammed where the units could not be
   * ({@link #reducedOnly}). (It was also the most accumulator arrays one fused direction loop updated:
   * on the 768 × 768 layer with 50 directions, two arrays per unit took 12.1 ms one unit at a time,
   * 10.2 ms two at a time, 20.7 ms four at a time — before the sweeps were split per source row,
   * {@link LaneFission}, after which four units pay: {@link #FOUR_UNITS_ROWS}.)
   */
  static final int STREAMS = 4;

  /**
   * Where two units would not fit a method: the most rows per unit whose reduction loop is still
   * jammed by two steps when the units are not ({@link #reducedOnly}): each row has sources of its
   * own, and C2 vectorizes the two-step sweep only while its body is small. The reference network's
   * biharmonic (D² plan, best call of 5 in 4 × 8 rounds, JDK 17, alternating builds, before
   * {@link #SPLIT_ROWS}): collapsed, three rows, 18.5–26.6 → 14.8–18.0 ms; standard, four rows,
   * 25.3–35.3 → 37.2–45.2 ms (so four rows get one step in a method of their own: 25.8–28.5 → 24.1–25.9
   * ms; on vectors 23.8–25.9 → 15.0–17.9 ms).
   */
  static final int REDUCED_ONLY = 3;

  /**
   * The most rows per unit of which two units are still jammed. As loops, their fused direction loop
   * is then split into one loop per row, both units' updates of it together ({@link LaneFission}):
   * alone (768 × 768 layer, 25 lanes, three rows per unit, two steps, JDK 17) one unit ran at 7.4
   * GFLOP/s, two units in three loops at 20. On vectors the two units' rows are one register-blocked
   * sweep, each source row loaded once for both. Reference network's biharmonic (D² plan, R = 25),
   * {@code Drift} best call, JDK 17, one window: collapsed 14.4–14.7 → 10.9–11.6 ms, standard
   * 23.6–24.6 → 11.6–13.0 ms; on vectors collapsed 11.1–12.9 → 6.4–7.6 ms, standard 15.2–17.4 →
   * 10.6–13.1 ms.
   */
  static final int SPLIT_ROWS = 4;

  /**
   * The most rows per unit of which four units are jammed: each source row, read from L2 (a layer's
   * rows of the previous layer's 768 units exceed L1), then serves four units' multiply-adds instead
   * of two. On vectors, four units of three rows are twelve accumulator rows, two vectors wide in the
   * widest block (24 of AVX-512's 32 registers, six for the sources); four rows per unit (16
   * accumulator rows) ran 20× slower. Reference network, {@code Drift} best call, JDK 17, one window,
   * two units → four: on vectors collapsed biharmonic 5.7–6.2 → 4.2 ms, standard Laplacian 7.3–7.8
   * → 4.9 ms; default build 8.8 → 7.7 ms and 8.5 → 7.1 ms. (On AVX2, 16 registers, the vector
   * biharmonic got slower: 12.8 → 14.6–15.1 ms; that build is for AVX-512, see the README.)
   */
  static final int FOUR_UNITS_ROWS = 3;

  private final NodeFactory nodes;
  private final Set<String> taken;
  private final List<Statement> method;
  private final List<Statement> allocations = new ArrayList<>();
  private final Set<String> scratchCopies = new java.util.HashSet<>();
  private int serial = 1 << 24;
  private boolean jammedAny;
  private boolean reduce;
  /** How many units the loop being jammed runs at once. */
  private int factor;
  /** How the jammed reduction's multiply-adds are written ({@code -Acollapsar.fma}, {@code -Acollapsar.vector}). */
  private final SweepStyle sweeps;

  private UnrollAndJam(NodeFactory nodes, List<Statement> method, Set<String> taken, SweepStyle sweeps) {
    this.nodes = nodes;
    this.sweeps = sweeps;
    this.method = method;
    this.taken = taken;
  }

  /**
   * The body with every qualifying loop jammed; a loop stays as it is where its jammed form would not
   * fit a method ({@code unsplittable}).
   */
  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result rolled, Set<String> parameters,
      Predicate<List<Statement>> unsplittable, SweepStyle sweeps) {
    Set<String> taken = new java.util.HashSet<>(parameters);
    Walk.names(rolled.body(), taken);
    UnrollAndJam jam = new UnrollAndJam(nodes, rolled.body(), taken, sweeps);
    List<Statement> body = jam.block(rolled.body(), unsplittable);
    if (!jam.jammedAny) {
      return rolled;
    }
    List<Statement> all = new ArrayList<>(jam.allocations);
    all.addAll(body);
    return new Optimizer.Result(all, rolled.outputs());
  }

  private List<Statement> block(List<Statement> in, Predicate<List<Statement>> unsplittable) {
    List<Statement> out = new ArrayList<>();
    for (int s = 0; s < in.size(); s++) {
      Statement statement = in.get(s);
      if (statement instanceof Statement.Loop loop) {
        statement = new Statement.Loop(loop.condition(), block(loop.body(), unsplittable));
        List<Statement> here = new ArrayList<>(in);
        here.set(s, statement);
        JamCheck.Jam plan = JamCheck.of(here, s, method);
        Statement jammed = null;
        for (int factor = factor(plan); plan != null && jammed == null && factor >= 2; factor = factor > 2 ? 2 : 0) {
          this.factor = factor;
          jammed = jammed((Statement.Loop) statement, plan, unsplittable, true);
          if (jammed == null) {
            jammed = jammed((Statement.Loop) statement, plan, unsplittable, false);
          }
        }
        if (jammed != null) {
          out.add(jammed); // the remainder follows
          jammedAny = true;
          statement = remainder((Statement.Loop) jammed, (Statement.Loop) statement, plan.index(), in, s, unsplittable);
        }
        if (jammed == null && plan != null && plan.streams() > 1 && plan.streams() <= STREAMS) {
          Statement.Loop reduced = reducedOnly((Statement.Loop) statement, plan,
              plan.streams() <= REDUCED_ONLY ? ReductionJam.STEPS : 1);
          if (!unsplittable.test(List.of(reduced))) {
            statement = reduced;
            jammedAny = true;
          }
        }
      } else if (statement instanceof Statement.Branch b) {
        statement = new Statement.Branch(b.condition(), block(b.then(), unsplittable), block(b.otherwise(), unsplittable));
      }
      out.add(statement);
    }
    return out;
  }

  /**
   * The remainder loop (the last units, fewer than the factor) in a method of its own when it and the
   * jammed loop would not fit one method together (a batch kernel's layer loop holds both: the
   * collapsed biharmonic's, 4,862 and 2,518 bytes estimated), else as it is. Only when the index is
   * declared in this block and read nowhere after the loop: the method counts on a copy of it.
   */
  private Statement remainder(Statement.Loop jammed, Statement.Loop rest, Node.Ref i, List<Statement> block, int at,
      Predicate<List<Statement>> unsplittable) {
    boolean declaredHere = block.subList(0, at).stream()
        .anyMatch(s -> s instanceof Statement.Declare d && d.name().equals(i.name()));
    if (!declaredHere || Walk.mentions(block.subList(at + 1, block.size()), i.name()) > 0
        || !unsplittable.test(List.of(new Statement.Loop(rest.condition(), List.of(jammed, rest))))) {
      return rest;
    }
    String copy = fresh(i.name() + "_r");
    List<Statement> body = new ArrayList<>();
    body.add(new Statement.Declare(copy, Type.INT));
    body.add(new Statement.Set(copy, i));
    body.addAll(Renaming.statements(List.of(rest), Map.of(i.name(), copy), nodes));
    return new Statement.Outlined("remainder", ReductionJam.freeVariables(body), body);
  }

  /**
   * How many units to jam: four of up to {@link #FOUR_UNITS_ROWS} rows each, else two of up to
   * {@link #SPLIT_ROWS} (where four do not fit a method, two: see {@link #block}).
   */
  private int factor(JamCheck.Jam plan) {
    if (plan == null) {
      return 0;
    }
    int streams = Math.max(1, plan.streams());
    if (streams <= FOUR_UNITS_ROWS) {
      return 4;
    }
    return streams <= SPLIT_ROWS ? 2 : 0;
  }

  /**
   * The loop jammed, its inner loop's reduction index too when {@code reduce} ({@link ReductionJam}),
   * or null when that would not fit a method ({@code unsplittable}).
   */
  private Statement.Loop jammed(Statement.Loop loop, JamCheck.Jam plan, Predicate<List<Statement>> unsplittable,
      boolean reduce) {
    int mark = allocations.size();
    this.reduce = reduce;
    Statement.Loop jammed = jammed(loop, plan);
    if (unsplittable.test(List.of(jammed))) {
      allocations.subList(mark, allocations.size()).clear();
      return null;
    }
    return jammed;
  }

  /** {@code while (K−1 + i < n) { i_u1 = 1 + i; …; the K bodies interleaved; i = K + i; }} */
  private Statement.Loop jammed(Statement.Loop loop, JamCheck.Jam plan) {
    Node.Ref i = plan.index();
    List<Map<String, String>> copies = new ArrayList<>();
    List<Statement> body = new ArrayList<>();
    for (int k = 0; k < factor; k++) {
      Map<String, String> renaming = new HashMap<>();
      if (k > 0) {
        String unit = fresh(i.name() + "_u" + k);
        body.add(new Statement.Let(unit, nodes.apply(Type.INT, Op.ADD, nodes.constant(k, Type.INT), i)));
        renaming.put(i.name(), unit);
        for (String local : plan.privates()) {
          renaming.put(local, fresh(local + "_u" + k));
        }
        for (String array : plan.scratch()) {
          renaming.put(array, allocateLike(array, k));
        }
        renaming.remove(plan.innerIndex());
      }
      copies.add(renaming);
    }
    List<Statement> units = loop.body().subList(0, loop.body().size() - 1);
    body.addAll(interleave(units, copies, plan));
    body.add(new Statement.Set(i.name(), nodes.apply(Type.INT, Op.ADD, nodes.constant(factor, Type.INT), i)));
    Node bound = ((Node.Apply) loop.condition()).argument(1);
    Node last = nodes.apply(Type.INT, Op.ADD, nodes.constant(factor - 1, Type.INT), i);
    return new Statement.Loop(nodes.apply(Type.BOOLEAN, Op.LT, last, bound), body);
  }

  /**
   * The K copies statement by statement: direction loops fused into one (their index shared), the
   * inner loop jammed (its index shared), comments once; a value every copy computes alike (a row
   * {@code h_d1[j]}) once, and loads that several copies make from arrays the loop does not write
   * ({@code h[j]}, {@code row[d]}) once, into a local.
   */
  private List<Statement> interleave(List<Statement> statements, List<Map<String, String>> copies, JamCheck.Jam plan) {
    List<Statement> out = new ArrayList<>();
    for (int s = 0; s < statements.size(); s++) {
      Statement statement = statements.get(s);
      if (LaneLoopShape.at(statements, s) && statements.get(s + 2) == plan.inner()) {
        out.add(statement); // a reduction over constantly many inputs (a first layer's coordinates)
        out.add(statements.get(s + 1));
        out.addAll(jammedInner(copies, plan));
        s += 2;
      } else if (LaneLoopShape.at(statements, s)) {
        Statement.Loop lanes = (Statement.Loop) statements.get(s + 2);
        String d = ((Statement.Declare) statement).name();
        List<List<Statement>> parts = new ArrayList<>();
        for (Map<String, String> copy : copies) {
          Map<String, String> shared = new HashMap<>(copy);
          shared.remove(d);
          parts.add(Renaming.statements(lanes.body().subList(0, lanes.body().size() - 1), shared, nodes));
        }
        List<Statement> fused = shareLoads(parts, plan);
        fused.add(lanes.body().get(lanes.body().size() - 1));
        out.add(statement);
        out.add(statements.get(s + 1));
        out.add(new Statement.Loop(lanes.condition(), fused));
        s += 2;
      } else if (statement == plan.inner()) {
        out.addAll(jammedInner(copies, plan));
      } else if (statement instanceof Statement.Comment || isInnerIndex(statement, plan.innerIndex())) {
        out.add(statement);
      } else {
        boolean declaration = statement instanceof Statement.Declare d && s + 1 < statements.size()
            && statements.get(s + 1) instanceof Statement.Set set && set.name().equals(d.name());
        List<Statement> unit = statements.subList(s, declaration ? s + 2 : s + 1);
        s += unit.size() - 1;
        List<List<Statement>> parts = new ArrayList<>();
        for (int k = 0; k < copies.size(); k++) {
          if (k == 0 || !sameAsFirst(unit, copies.get(0), copies.get(k))) {
            parts.add(Renaming.statements(unit, copies.get(k), nodes));
          }
        }
        out.addAll(shareLoads(parts, plan));
      }
    }
    return out;
  }

  /** The inner loop with the units' bodies interleaved, as a sweep where {@link #reduce}. */
  private List<Statement> jammedInner(List<Map<String, String>> copies, JamCheck.Jam plan) {
    Statement.Loop inner = plan.inner();
    List<Statement> jammed = interleave(inner.body().subList(0, inner.body().size() - 1), copies, plan);
    jammed.add(inner.body().get(inner.body().size() - 1));
    Statement.Loop unitsJammed = new Statement.Loop(inner.condition(), jammed);
    return reduce ? reduced(unitsJammed) : List.of(unitsJammed);
  }

  /**
   * A unit loop whose units each update too many rows to jam two of them ({@link #STREAMS}): its
   * reduction loop alone jammed by two steps into a sweep of its own (in the large method C2 leaves
   * the fused loop scalar), or a vector sweep ({@link #REDUCED_ONLY}).
   */
  private Statement.Loop reducedOnly(Statement.Loop loop, JamCheck.Jam plan, int steps) {
    this.reduce = true;
    List<Statement> body = new ArrayList<>();
    for (Statement s : loop.body()) {
      if (s == plan.inner()) {
        body.addAll(sweeps == SweepStyle.VECTOR ? reduced(plan.inner())
            : new ReductionJam(nodes, this::fresh, sweeps.fused(), steps).apply(plan.inner()));
      } else {
        body.add(s);
      }
    }
    return new Statement.Loop(loop.condition(), body);
  }

  /** The reduction loop of jammed units as a vector sweep and its scalar rest, or jammed by two steps. */
  private List<Statement> reduced(Statement.Loop loop) {
    List<Statement> swept = sweeps == SweepStyle.VECTOR ? new LaneSweeps(nodes, this::fresh, this::scratch).apply(loop)
        : null;
    return swept != null ? swept : new ReductionJam(nodes, this::fresh, sweeps.fused()).apply(loop);
  }

  /** Whether copy k's {@code Let} computes what the first copy's does; then copy k reads the first's local. */
  private boolean sameAsFirst(List<Statement> unit, Map<String, String> first, Map<String, String> copy) {
    if (unit.size() != 1 || !(unit.get(0) instanceof Statement.Let let)) {
      return false;
    }
    Node mine = new Renaming(copy, Map.of(), nodes).node(let.value());
    if (!mine.equals(new Renaming(first, Map.of(), nodes).node(let.value()))) {
      return false;
    }
    copy.put(let.name(), first.getOrDefault(let.name(), let.name()));
    return true;
  }

  /** The copies, after locals for the loads that two or more of them make from arrays the loop does not write. */
  private List<Statement> shareLoads(List<List<Statement>> parts, JamCheck.Jam plan) {
    Map<Node, Integer> copiesReading = new java.util.LinkedHashMap<>();
    for (List<Statement> part : parts) {
      Set<Node> loads = new java.util.LinkedHashSet<>();
      Walk.nodes(part, n -> {
        if (n instanceof Node.Apply a && a.operator() == Special.ARRAY_LOAD && a.type() == Type.DOUBLE
            && a.argument(0) instanceof Node.Ref array && !written(array.name(), plan)) {
          loads.add(n);
        }
      });
      loads.forEach(load -> copiesReading.merge(load, 1, Integer::sum));
    }
    List<Statement> out = new ArrayList<>();
    Map<Node, Node> locals = new HashMap<>();
    copiesReading.forEach((load, count) -> {
      if (count > 1) {
        String name = fresh(((Node.Ref) ((Node.Apply) load).argument(0)).name() + "_v");
        out.add(new Statement.Let(name, load));
        locals.put(load, nodes.ref(name, Type.DOUBLE));
      }
    });
    Renaming replace = new Renaming(Map.of(), locals, nodes);
    parts.forEach(part -> out.addAll(replace.statements(part)));
    return out;
  }

  private boolean written(String array, JamCheck.Jam plan) {
    return plan.owned().contains(array) || plan.scratch().contains(array) || scratchCopies.contains(array);
  }

  private static boolean isInnerIndex(Statement s, String index) {
    return s instanceof Statement.Declare d && d.name().equals(index) || s instanceof Statement.Set set && set.name().equals(index);
  }

  /** A second per-thread direction array like {@code array}, allocated at the top of the method. */
  /** A pooled {@code double[length]} bound at the method's top. */
  private Node.Ref scratch(int length) {
    String name = fresh("carry");
    allocations.add(new Statement.Let(name, nodes.apply(Type.DOUBLE_ARRAY, Special.NEW_ARRAY,
        nodes.constant(length, Type.INT), nodes.constant(serial++, Type.INT))));
    return nodes.ref(name, Type.DOUBLE_ARRAY);
  }

  private String allocateLike(String array, int k) {
    for (Statement s : method) {
      if (s instanceof Statement.Let let && let.name().equals(array)) {
        Node.Apply allocation = (Node.Apply) let.value();
        String name = fresh(array + "_u" + k);
        scratchCopies.add(name);
        allocations.add(new Statement.Let(name, nodes.apply(Type.DOUBLE_ARRAY, Special.NEW_ARRAY,
            allocation.argument(0), nodes.constant(serial++, Type.INT))));
        return name;
      }
    }
    throw new IllegalStateException("no allocation of " + array);
  }

  private String fresh(String base) {
    String name = dev.collapsar.processor.ir.FreshName.of(base, "_", taken::contains);
    taken.add(name);
    return name;
  }
}

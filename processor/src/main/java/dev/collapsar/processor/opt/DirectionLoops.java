package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.FreshName;
import dev.collapsar.processor.ir.Lanes;
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

/**
 * Writes the lane axis of a body as loops over the directions. The Taylor stage computed a rolled
 * jet group once for all its directions ({@link Lanes}); here each run of consecutive statements
 * with a value per lane becomes one loop {@code for (int d = 0; d < R; d++)} that executes them in
 * order for lane d (every such statement reads lane d only, so fusing them changes nothing), with
 * the scalar lets between them moved before it. A lane local read only inside its own loop is a
 * local of the loop body; any other lives in a per-thread array ({@code ArrayPool}) allocated at the
 * top of the method. A sum over the lanes ({@link Special#LANE_SUM}) becomes a reduction loop of its
 * own just before the statement that needs it (C2 does not vectorize a loop with a floating-point
 * reduction), adding the lanes in order; a read of one lane ({@link Special#LANE_AT}), that lane's
 * element. Later passes jam and block these loops ({@link RowAccumulators}, {@link UnrollAndJam}).
 */
final class DirectionLoops {
  private final NodeFactory nodes;
  private final LaneSegments segments;
  private final Set<String> taken;
  /** How often each local is read in the whole body and its outputs. */
  private final Map<String, Integer> reads;
  private final List<Statement> allocations = new ArrayList<>();
  /** Lane locals that live in arrays ({@link LaneArrays}). */
  private final Set<String> arrays;
  private int serial = 1 << 22;

  private DirectionLoops(NodeFactory nodes, LaneSegments segments, Set<String> arrays, Set<String> taken,
      Map<String, Integer> reads) {
    this.nodes = nodes;
    this.segments = segments;
    this.arrays = new HashSet<>(arrays);
    this.taken = taken;
    this.reads = reads;
  }

  /** The body with every lane value written as loops; {@code widths}: the Taylor stage's lane locals. */
  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result optimized, Set<String> parameters,
      Map<String, Integer> widths) {
    Set<String> taken = new HashSet<>(parameters);
    Statement.declared(optimized.body(), taken);
    Map<String, Integer> all = new HashMap<>(widths);
    optimized = OneHotWrites.apply(nodes, optimized, all);
    LaneSegments segments = new LaneSegments(all, optimized.body());
    DirectionLoops pass = new DirectionLoops(nodes, segments, LaneArrays.of(segments, optimized.body(),
        optimized.outputs()), taken, Walk.readCounts(optimized.body(), optimized.outputs().toArray(Node[]::new)));
    List<Statement> body = pass.block(optimized.body());
    List<Node> outputs = new ArrayList<>();
    for (Node output : optimized.outputs()) {
      outputs.add(pass.scalar(output, body));
    }
    List<Statement> allocated = new ArrayList<>(pass.allocations);
    allocated.addAll(body);
    return new Optimizer.Result(allocated, outputs);
  }

  /** Whether a body has a value per lane anywhere (it was computed on a lane axis). */
  static boolean hasLanes(List<Statement> body) {
    boolean[] found = {false};
    Walk.nodes(body, n -> found[0] |= n.type() == Type.LANES
        || n instanceof Node.Apply a && (a.operator() == Special.LANE || a.operator() == Special.LANE_SUM));
    return found[0];
  }

  private final Set<String> declaredLanes = new HashSet<>();

  private List<Statement> block(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    for (LaneSegments.Segment segment : segments.segments(in)) {
      if (segment.scalar() != null) {
        if (segment.scalar() instanceof Statement.Declare d && d.type() == Type.LANES) {
          allocate(d.name());
        } else {
          out.add(scalar(segment.scalar(), out));
        }
        continue;
      }
      for (Statement b : segment.before()) {
        if (b instanceof Statement.Declare d && d.type() == Type.LANES) {
          allocate(d.name());
        } else {
          out.add(scalar(b, out));
        }
      }
      out.addAll(loop(segment.width(), segment.lanes()));
    }
    return out;
  }

  private void allocate(String name) {
    declaredLanes.add(name);
    arrays.add(name);
    allocations.add(new Statement.Let(name, nodes.apply(Type.DOUBLE_ARRAY, Special.NEW_ARRAY,
        nodes.constant(segments.widthOf(name), Type.INT), nodes.constant(serial++, Type.INT))));
  }

  /** One loop over the lanes for a run of lane statements. */
  private List<Statement> loop(int width, List<Statement> run) {
    for (Statement s : run) {
      if (s instanceof Statement.Let let && arrays.contains(let.name()) && !declaredLanes.contains(let.name())) {
        allocate(let.name());
      }
    }
    List<Statement> copies = copyOuts(run);
    if (!copies.isEmpty()) {
      List<Statement> rest = new ArrayList<>(run);
      rest.removeAll(copies);
      List<Statement> out = new ArrayList<>(rest.isEmpty() ? List.of() : loop(width, rest));
      for (Statement copy : copies) {
        out.addAll(loop(width, List.of(copy)));
      }
      return out;
    }
    List<Statement> out = new ArrayList<>();
    Map<Node, Node> rows = LoopInvariants.of(run, nodes, this::fresh, out);
    out.addAll(LaneLoopShape.of(nodes, fresh("d"), width, d -> {
      LaneValues at = new LaneValues(nodes, d, arrays);
      rows.forEach(at::bind);
      List<Statement> body = new ArrayList<>();
      Map<String, Set<String>> inlined = new HashMap<>();
      for (int i = 0; i < run.size(); i++) {
        Statement s = run.get(i);
        if (s instanceof Statement.Let let && !arrays.contains(let.name()) && feedsLater(let, run, i, inlined)) {
          // read once, later in the loop: written into its reader ({@code a[d] = a[d] + t * r[d]})
          at.bind(nodes.ref(let.name(), Type.LANES), at.of(let.value()));
        } else if (s instanceof Statement.Let let && !arrays.contains(let.name())) {
          body.add(new Statement.Let(let.name(), at.of(let.value())));
        } else if (s instanceof Statement.Let let) {
          body.add(new Statement.Store(array(let.name()), d, at.of(let.value())));
        } else if (s instanceof Statement.Set set) {
          body.add(new Statement.Store(array(set.name()), d, at.of(set.value())));
        } else {
          Statement.Store store = (Statement.Store) s;
          body.add(new Statement.Store(at.of(store.array()), at.of(store.index()), at.of(store.value())));
        }
      }
      return body;
    }));
    return out;
  }

  /**
   * Whether the loop-body local {@code let} is read exactly once, by a later statement of the run,
   * and nothing between writes what it reads, directly or through the lets already written into it
   * ({@code inlined}: each such let → what it reads): it can be written into its reader, and then is.
   */
  private boolean feedsLater(Statement.Let let, List<Statement> run, int i, Map<String, Set<String>> inlined) {
    if (reads.getOrDefault(let.name(), 0) != 1) {
      return false;
    }
    Set<String> direct = new HashSet<>();
    LaneSegments.names(let.value(), direct);
    Set<String> read = new HashSet<>(direct);
    direct.forEach(name -> read.addAll(inlined.getOrDefault(name, Set.of())));
    for (int k = i + 1; k < run.size(); k++) {
      if (Walk.mentions(List.of(run.get(k)), let.name()) == 1) {
        inlined.put(let.name(), read);
        return true;
      }
      if (read.contains(LaneSegments.written(run.get(k)))) {
        return false; // what the let read changes before its reader
      }
    }
    return false;
  }

  /**
   * The statements of a run that copy an accumulated lane array out into a row,
   * {@code z_d1[i][d] = s_x[d] * t}, when they may go last: each gets a loop of its own after the
   * rest, the shape in which {@link RowAccumulators} accumulates into the row itself. Nothing after
   * such a store in the run reads its row or writes what it reads.
   */
  private List<Statement> copyOuts(List<Statement> run) {
    List<Statement> copies = new ArrayList<>();
    for (int i = 0; run.size() > 1 && i < run.size(); i++) {
      if (!(run.get(i) instanceof Statement.Store store && store.array() instanceof Node.Apply row
          && row.operator() == Special.ARRAY_LOAD && store.value() instanceof Node.Apply product
          && product.operator() == Op.MUL && accumulator(product) && LaneSegments.root(row) != null)) {
        continue;
      }
      Set<String> read = new HashSet<>();
      LaneSegments.names(store.value(), read);
      boolean last = true;
      for (int k = i + 1; k < run.size() && last; k++) {
        Set<String> later = new HashSet<>();
        LaneSegments.forEachRoot(run.get(k), n -> LaneSegments.names(n, later));
        last = !later.contains(LaneSegments.root(row)) && !read.contains(LaneSegments.written(run.get(k)));
      }
      if (last) {
        copies.add(store);
      }
    }
    return copies.size() == run.size() ? List.of() : copies;
  }

  /** A product of a declared lane array and a scalar: a loop-carried sum scaled on its way out. */
  private boolean accumulator(Node.Apply product) {
    for (int k = 0; k < 2; k++) {
      if (product.argument(k) instanceof Node.Ref r && r.type() == Type.LANES && declaredLanes.contains(r.name())
          && product.argument(1 - k).type() == Type.DOUBLE) {
        return true;
      }
    }
    return false;
  }

  private Node.Ref array(String name) {
    return nodes.ref(name, Type.DOUBLE_ARRAY);
  }

  /** A scalar statement: its lane sums become reduction loops before it, its reads of one lane that lane. */
  private Statement scalar(Statement s, List<Statement> out) {
    if (s instanceof Statement.Let let) {
      return new Statement.Let(let.name(), scalar(let.value(), out));
    }
    if (s instanceof Statement.Set set) {
      return new Statement.Set(set.name(), scalar(set.value(), out));
    }
    if (s instanceof Statement.Store store) {
      return new Statement.Store(scalar(store.array(), out), scalar(store.index(), out), scalar(store.value(), out));
    }
    if (s instanceof Statement.Loop loop) {
      return new Statement.Loop(loop.condition(), block(loop.body()));
    }
    if (s instanceof Statement.Branch b) {
      return new Statement.Branch(scalar(b.condition(), out), block(b.then()), block(b.otherwise()));
    }
    return s;
  }

  private Node scalar(Node node, List<Statement> out) {
    if (!(node instanceof Node.Apply apply)) {
      return node;
    }
    if (apply.operator() == Special.LANE_SUM) {
      return laneSum(apply.argument(0), Lanes.intArgument(apply, 1), out);
    }
    if (apply.operator() == Special.LANE_AT) {
      return new LaneValues(nodes, apply.argument(1), arrays).of(apply.argument(0));
    }
    return Walk.mapArguments(nodes, apply, apply.type(), argument -> scalar(argument, out));
  }

  /** {@code double laneSum = 0; for (d …) laneSum = laneSum + lanes[d];} before the statement. */
  private Node laneSum(Node lanes, int width, List<Statement> out) {
    Map<Node, Node> invariants = LoopInvariants.of(List.of(new Statement.Set("", lanes)), nodes, this::fresh, out);
    String sum = fresh("laneSum");
    Node.Ref ref = nodes.ref(sum, Type.DOUBLE);
    out.add(new Statement.Declare(sum, Type.DOUBLE));
    out.add(new Statement.Set(sum, nodes.number(0)));
    out.addAll(LaneLoopShape.of(nodes, fresh("d"), width, d -> {
      LaneValues at = new LaneValues(nodes, d, arrays);
      invariants.forEach(at::bind);
      return List.of(new Statement.Set(sum, nodes.apply(Type.DOUBLE, Op.ADD, ref, at.of(lanes))));
    }));
    return ref;
  }

  private String fresh(String base) {
    String name = FreshName.of(base, "_", taken::contains);
    taken.add(name);
    return name;
  }
}

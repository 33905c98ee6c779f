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
  private final Map<String, Integer> widths;
  private final Set<String> taken;
  /** How often each local is read in the whole body and its outputs. */
  private final Map<String, Integer> reads;
  private final List<Statement> allocations = new ArrayList<>();
  /** Lane locals that live in arrays (read outside their own loop, or assigned more than once). */
  private final Set<String> arrays = new HashSet<>();
  private int serial = 1 << 22;

  private DirectionLoops(NodeFactory nodes, Map<String, Integer> widths, Set<String> taken,
      Map<String, Integer> reads) {
    this.nodes = nodes;
    this.widths = new HashMap<>(widths);
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
    DirectionLoops pass = new DirectionLoops(nodes, all, taken,
        Walk.readCounts(optimized.body(), optimized.outputs().toArray(Node[]::new)));
    pass.learnWidths(optimized.body());
    pass.findArrays(optimized.body(), optimized.outputs());
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

  /** The widths of the temporaries common-subexpression elimination bound lane values to. */
  private void learnWidths(List<Statement> statements) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let && let.value().type() == Type.LANES) {
        widths.putIfAbsent(let.name(), width(let.value()));
      } else if (s instanceof Statement.Loop loop) {
        learnWidths(loop.body());
      } else if (s instanceof Statement.Branch b) {
        learnWidths(b.then());
        learnWidths(b.otherwise());
      }
    }
  }

  /** The number of lanes of a lane value: of the lane index it mentions, or of a lane local it reads. */
  private int width(Node node) {
    int w = Lanes.width(node);
    if (w > 0) {
      return w;
    }
    int[] found = {0};
    Walk.nodes(List.of(new Statement.Let("", node)), n -> {
      if (found[0] == 0 && n instanceof Node.Ref r && r.type() == Type.LANES && widths.containsKey(r.name())) {
        found[0] = widths.get(r.name());
      }
    });
    if (found[0] == 0) {
      throw new IllegalStateException("a lane value of unknown width: " + node);
    }
    return found[0];
  }

  /**
   * Marks the lane locals that need an array: declared ones (assigned, perhaps in branches or across
   * iterations), and lets read by a statement outside the run of lane statements that defines them.
   */
  private void findArrays(List<Statement> body, List<Node> outputs) {
    Map<String, Integer> runOf = new HashMap<>();
    runs(body, runOf, new int[] {0});
    for (Node output : outputs) {
      readOutside(output, -1, runOf);
    }
  }

  private void runs(List<Statement> statements, Map<String, Integer> runOf, int[] run) {
    for (Segment segment : segments(statements)) {
      if (segment.scalar() != null) {
        Statement s = segment.scalar();
        if (s instanceof Statement.Declare d && d.type() == Type.LANES) {
          arrays.add(d.name());
        } else if (s instanceof Statement.Loop loop) {
          readOutside(loop.condition(), -1, runOf);
          runs(loop.body(), runOf, run);
        } else if (s instanceof Statement.Branch b) {
          readOutside(b.condition(), -1, runOf);
          runs(b.then(), runOf, run);
          runs(b.otherwise(), runOf, run);
        } else {
          forEachRoot(s, n -> readOutside(n, -1, runOf));
        }
        continue;
      }
      int here = ++run[0];
      for (Statement s : segment.before()) {
        if (s instanceof Statement.Declare d) {
          arrays.add(d.name());
        }
        forEachRoot(s, n -> readOutside(n, -1, runOf));
      }
      for (Statement s : segment.lanes()) {
        if (s instanceof Statement.Let let) {
          runOf.put(let.name(), here);
        }
      }
      for (Statement s : segment.lanes()) {
        forEachRoot(s, n -> readOutside(n, here, runOf));
      }
    }
  }

  /**
   * A block cut into runs of lane statements of one width (with the scalar statements that move
   * before their loop) and the scalar statements between them.
   */
  private record Segment(List<Statement> before, List<Statement> lanes, int width, Statement scalar) {}

  private List<Segment> segments(List<Statement> in) {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      Statement s = in.get(i);
      int width = laneWidth(s);
      if (width == 0) {
        segments.add(new Segment(null, null, 0, s));
        continue;
      }
      List<Statement> before = new ArrayList<>();
      List<Statement> run = new ArrayList<>();
      int end = i;
      while (end < in.size()) {
        Statement t = in.get(end);
        int w = laneWidth(t);
        if (w == width) {
          run.add(t);
        } else if (w == 0 && movable(t, run)) {
          before.add(t);
        } else {
          break;
        }
        end++;
      }
      segments.add(new Segment(before, run, width, null));
      i = end - 1;
    }
    return segments;
  }

  private static void forEachRoot(Statement s, java.util.function.Consumer<Node> visit) {
    if (s instanceof Statement.Let let) {
      visit.accept(let.value());
    } else if (s instanceof Statement.Set set) {
      visit.accept(set.value());
    } else if (s instanceof Statement.Store store) {
      visit.accept(store.array());
      visit.accept(store.index());
      visit.accept(store.value());
    }
  }

  /** Marks the lane locals {@code node} reads other than lane by lane within run {@code run}. */
  private void readOutside(Node node, int run, Map<String, Integer> runOf) {
    if (node instanceof Node.Ref r && r.type() == Type.LANES) {
      if (run < 0 || !runOf.containsKey(r.name()) || runOf.get(r.name()) != run) {
        arrays.add(r.name());
      }
    } else if (node instanceof Node.Apply a) {
      boolean across = a.operator() == Special.LANE_SUM || a.operator() == Special.LANE_AT;
      for (Node argument : a.arguments()) {
        readOutside(argument, across ? -1 : run, runOf);
      }
    }
  }

  /** The lanes a statement writes, or 0 for a scalar statement. */
  private int laneWidth(Statement s) {
    if (s instanceof Statement.Let let && let.value().type() == Type.LANES) {
      return widths.get(let.name());
    }
    if (s instanceof Statement.Set set && widths.containsKey(set.name())) {
      return widths.get(set.name());
    }
    if (s instanceof Statement.Store store && (Lanes.varies(store.index()) || store.value().type() == Type.LANES)) {
      int w = Lanes.width(store.index());
      return w > 0 ? w : width(store.value());
    }
    return 0;
  }

  private final Set<String> declaredLanes = new HashSet<>();

  /**
   * Whether a scalar statement may move before the loop of {@code run}, the lane statements met so
   * far: a comment, a lane local's declaration, or a let, assignment or store that crosses no lanes,
   * reads nothing the run writes and writes nothing the run reads or writes (a loop-carried scalar's
   * update, a primal element {@code h[i] = t} between a jet's lanes).
   */
  private static boolean movable(Statement s, List<Statement> run) {
    if (s instanceof Statement.Comment || s instanceof Statement.Declare d && d.type() == Type.LANES) {
      return true;
    }
    String written;
    if (s instanceof Statement.Let) {
      written = null;
    } else if (s instanceof Statement.Set set) {
      written = set.name();
    } else if (s instanceof Statement.Store store && root(store.array()) != null) {
      written = root(store.array());
    } else {
      return false;
    }
    boolean[] crosses = {false};
    Set<String> reads = new HashSet<>();
    forEachRoot(s, n -> {
      crosses[0] |= crossesLanes(n);
      names(n, reads);
    });
    if (crosses[0]) {
      return false;
    }
    Set<String> runWrites = new HashSet<>();
    Set<String> runReads = new HashSet<>();
    for (Statement t : run) {
      if (t instanceof Statement.Let let) {
        runWrites.add(let.name());
      } else if (t instanceof Statement.Set set) {
        runWrites.add(set.name());
      } else if (t instanceof Statement.Store store && root(store.array()) != null) {
        runWrites.add(root(store.array()));
      }
      forEachRoot(t, n -> names(n, runReads));
    }
    reads.retainAll(runWrites);
    return reads.isEmpty() && (written == null || !runWrites.contains(written) && !runReads.contains(written));
  }

  private static void names(Node node, Set<String> names) {
    if (node instanceof Node.Ref r) {
      names.add(r.name());
    } else if (node instanceof Node.Apply a) {
      for (int i = 0; i < a.arity(); i++) {
        names(a.argument(i), names);
      }
    }
  }

  /** The local an array expression indexes into ({@code z_d1} of {@code z_d1[i]}), or null. */
  private static String root(Node array) {
    if (array instanceof Node.Ref r) {
      return r.name();
    }
    return array instanceof Node.Apply a && a.operator() == Special.ARRAY_LOAD ? root(a.argument(0)) : null;
  }

  private static boolean crossesLanes(Node node) {
    boolean[] found = {false};
    Walk.nodes(List.of(new Statement.Let("", node)), n -> found[0] |= n instanceof Node.Apply a
        && (a.operator() == Special.LANE_SUM || a.operator() == Special.LANE_AT));
    return found[0];
  }

  private List<Statement> block(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    for (Segment segment : segments(in)) {
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
        nodes.constant(widths.get(name), Type.INT), nodes.constant(serial++, Type.INT))));
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
    Map<Node, Node> rows = rows(run, out);
    out.addAll(LaneLoopShape.of(nodes, fresh("d"), width, d -> {
      LaneValues at = new LaneValues(nodes, d, arrays);
      rows.forEach(at::bind);
      List<Statement> body = new ArrayList<>();
      for (int i = 0; i < run.size(); i++) {
        Statement s = run.get(i);
        if (s instanceof Statement.Let let && !arrays.contains(let.name()) && feedsLater(let, run, i)) {
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
   * The rows a run reads at an index the loop does not change ({@code h_d1[j]}), each bound to a
   * local before the loop: loaded once, and the loop indexes plain arrays by its own index (what
   * C2 vectorizes, and what the jam passes look for).
   */
  private Map<Node, Node> rows(List<Statement> run, List<Statement> out) {
    Map<Node, Node> rows = new java.util.LinkedHashMap<>();
    List<Statement> reads = new ArrayList<>();
    for (Statement s : run) {
      // a store's own row stays in the store, where the accumulator pass looks for it
      reads.add(s instanceof Statement.Store store ? new Statement.Set("", store.value()) : s);
    }
    Walk.nodes(reads, n -> {
      if (n instanceof Node.Apply a && a.operator() == Special.ARRAY_LOAD && a.type() == Type.DOUBLE_ARRAY
          && !(a.argument(1) instanceof Node.Const) && !rows.containsKey(n) && Lanes.width(n) == 0) {
        String name = fresh("row");
        out.add(new Statement.Let(name, n));
        rows.put(n, nodes.ref(name, Type.DOUBLE_ARRAY));
      }
    });
    for (Statement s : reads) {
      forEachRoot(s, n -> hoistCalls(n, rows, out));
    }
    return rows;
  }

  /** Binds each call the lanes share ({@code Math.cos(t2)} inside a one-hot value) to a local before the loop. */
  private void hoistCalls(Node node, Map<Node, Node> bound, List<Statement> out) {
    if (!(node instanceof Node.Apply apply) || bound.containsKey(node)) {
      return;
    }
    if (node.type() == Type.DOUBLE && Lanes.width(node) == 0 && calls(node)) {
      String name = fresh("t_lanes");
      out.add(new Statement.Let(name, node));
      bound.put(node, nodes.ref(name, Type.DOUBLE));
      return;
    }
    for (Node argument : apply.arguments()) {
      hoistCalls(argument, bound, out);
    }
  }

  private static boolean calls(Node node) {
    return node instanceof Node.Apply a && (a.operator() instanceof dev.collapsar.processor.ir.MathFn
        || a.arguments().stream().anyMatch(DirectionLoops::calls));
  }

  /** Whether the loop-body local {@code let} is read exactly once, by the statement after it. */
  private boolean feedsLater(Statement.Let let, List<Statement> run, int i) {
    if (reads.getOrDefault(let.name(), 0) != 1) {
      return false;
    }
    Set<String> read = new HashSet<>();
    names(let.value(), read);
    for (int k = i + 1; k < run.size(); k++) {
      if (Walk.mentions(List.of(run.get(k)), let.name()) == 1) {
        return true;
      }
      if (read.contains(written(run.get(k)))) {
        return false; // what the let read changes before its reader
      }
    }
    return false;
  }

  /** The local or array a lane statement writes. */
  private static String written(Statement s) {
    return s instanceof Statement.Let let ? let.name() : s instanceof Statement.Set set ? set.name()
        : s instanceof Statement.Store store ? root(store.array()) : null;
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
          && product.operator() == Op.MUL && accumulator(product) && root(row) != null)) {
        continue;
      }
      Set<String> read = new HashSet<>();
      names(store.value(), read);
      boolean last = true;
      for (int k = i + 1; k < run.size() && last; k++) {
        Set<String> later = new HashSet<>();
        forEachRoot(run.get(k), n -> names(n, later));
        last = !later.contains(root(row)) && !read.contains(written(run.get(k)));
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
    Node[] arguments = new Node[apply.arity()];
    boolean changed = false;
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = scalar(apply.argument(i), out);
      changed |= arguments[i] != apply.argument(i);
    }
    return changed ? nodes.apply(apply.type(), apply.operator(), arguments) : apply;
  }

  /** {@code double laneSum = 0; for (d …) laneSum = laneSum + lanes[d];} before the statement. */
  private Node laneSum(Node lanes, int width, List<Statement> out) {
    String sum = fresh("laneSum");
    Node.Ref ref = nodes.ref(sum, Type.DOUBLE);
    out.add(new Statement.Declare(sum, Type.DOUBLE));
    out.add(new Statement.Set(sum, nodes.number(0)));
    out.addAll(LaneLoopShape.of(nodes, fresh("d"), width, d -> List.of(new Statement.Set(sum,
        nodes.apply(Type.DOUBLE, Op.ADD, ref, new LaneValues(nodes, d, arrays).of(lanes))))));
    return ref;
  }

  private String fresh(String base) {
    String name = FreshName.of(base, "_", taken::contains);
    taken.add(name);
    return name;
  }
}

package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.opt.LanePattern.Lane;
import dev.collapsar.processor.opt.LanePattern.LaneGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the per-direction statements of a jet into loops over the direction index, so that the
 * JIT can vectorize them (C2 vectorizes {@code a[d] += w * row[d]}, not D separate scalars, and D
 * scalar accumulators spill once D exceeds the registers; it does not vectorize
 * {@code a[d] += w * flat[base + d]}, which is why rolled local arrays store rows). A run of at least
 * {@link #MIN_LANES} consecutive statements of one kind whose expressions share a
 * {@link LanePattern} becomes one loop that executes the same statements in the same order; the
 * scalars the run defines become the elements of a per-thread pooled array. A sum over the lanes
 * becomes a reduction loop in the same order of additions. Anything else that reads a rolled
 * scalar reads its array element.
 */
final class LaneRolling {
  /** Shorter runs stay straight-line code. */
  static final int MIN_LANES = dev.collapsar.processor.ir.LaneStyle.MIN_LANES;

  private final NodeFactory nodes;
  private final Map<String, Lane> members = new HashMap<>();
  private final Set<String> taken = new HashSet<>();
  private final Map<String, Integer> reads;
  private final List<Statement> arrays = new ArrayList<>();
  private final LaneRuns runs;
  private int serial = 1 << 20;

  LaneRolling(NodeFactory nodes, Optimizer.Result optimized, Set<String> parameters,
      Map<String, dev.collapsar.processor.ir.LaneTag> lanes) {
    this.nodes = nodes;
    this.taken.addAll(parameters);
    LaneRuns.names(optimized.body(), taken);
    this.reads = LaneRuns.readCounts(optimized.body(), optimized.outputs().toArray(Node[]::new));
    this.runs = new LaneRuns(members, reads, lanes);
  }

  Optimizer.Result roll(Optimizer.Result optimized) {
    List<Statement> body = block(optimized.body());
    List<Node> outputs = new ArrayList<>();
    for (Node output : optimized.outputs()) {
      outputs.add(members(reduce(output, body)));
    }
    if (arrays.isEmpty()) {
      return optimized;
    }
    List<Statement> all = new ArrayList<>(arrays);
    all.addAll(body);
    return new Optimizer.Result(all, outputs);
  }

  private List<Statement> block(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    Set<Integer> fused = new HashSet<>();
    for (int i = 0; i < in.size(); i++) {
      if (fused.contains(i)) {
        continue;
      }
      LaneRuns.Run run = runs.find(in, i);
      if (run == null) {
        out.add(plain(in.get(i), out));
        continue;
      }
      out.addAll(roll(run, in, fused));
      i += run.span() - 1;
    }
    return out;
  }

  private List<Statement> roll(LaneRuns.Run run, List<Statement> in, Set<Integer> fused) {
    List<LaneGroup> written = new ArrayList<>();
    Map<LaneGroup, Node> locals = new HashMap<>();
    for (LaneRuns.Position p : run.positions()) {
      LaneGroup target = p.target();
      if (p.scoped()) {
        locals.put(p.provisional(), nodes.ref(fresh(runs.groupName(p.names()).replace("_lanes", "_lane")),
            Type.DOUBLE));
      } else if (p.kind() == LaneRuns.Kind.LET || p.kind() == LaneRuns.Kind.DECLARE_SET) {
        LaneRuns.Fusion fusion = p.kind() == LaneRuns.Kind.LET ? runs.fusion(run, in, p) : null;
        if (fusion != null) {
          for (int k = 0; k < run.lanes(); k++) {
            fused.add(fusion.start() + fusion.stride() * k);
          }
          target = fusion.group();
        } else {
          target = newGroup(p.names(), run.lanes());
        }
        if (p.provisional() != null) {
          locals.put(p.provisional(), target.array());
        }
      }
      written.add(target);
    }
    List<Statement> out = laneLoop(run.lanes(), d -> {
      List<Statement> body = new ArrayList<>();
      for (int i = 0; i < run.positions().size(); i++) {
        LaneRuns.Position p = run.positions().get(i);
        Node value = members(LanePattern.instantiate(p.value(), d, nodes, locals));
        if (p.scoped()) {
          body.add(new Statement.Let(((Node.Ref) locals.get(p.provisional())).name(), value));
        } else if (p.kind() == LaneRuns.Kind.STORE) {
          body.add(new Statement.Store(members(p.array()),
              members(LanePattern.instantiate(p.index(), d, nodes, locals)), value));
        } else {
          body.add(new Statement.Store(written.get(i).array(), d, value));
        }
      }
      return body;
    });
    for (int i = 0; i < run.positions().size(); i++) {
      List<String> names = run.positions().get(i).names();
      for (int k = 0; names != null && !run.positions().get(i).scoped() && k < run.lanes(); k++) {
        members.putIfAbsent(names.get(k), new Lane(written.get(i), k));
      }
    }
    return out;
  }

  private LaneGroup newGroup(List<String> names, int lanes) {
    String name = fresh(runs.groupName(names));
    Node.Ref array = nodes.ref(name, Type.DOUBLE_ARRAY);
    arrays.add(new Statement.Let(name, nodes.apply(Type.DOUBLE_ARRAY, Special.NEW_ARRAY,
        nodes.constant(lanes, Type.INT), nodes.constant(serial++, Type.INT))));
    return new LaneGroup(array, lanes);
  }

  /** {@code for (int d = 0; d < lanes; d++) { body(d) }} as a counted loop the printer recognizes. */
  private List<Statement> laneLoop(int lanes, java.util.function.Function<Node, List<Statement>> body) {
    String d = fresh("d");
    Node.Ref index = nodes.ref(d, Type.INT);
    List<Statement> loop = new ArrayList<>(body.apply(index));
    loop.add(new Statement.Set(d, nodes.apply(Type.INT, Op.ADD, nodes.constant(1, Type.INT), index)));
    return List.of(new Statement.Declare(d, Type.INT), new Statement.Set(d, nodes.constant(0, Type.INT)),
        new Statement.Loop(nodes.apply(Type.BOOLEAN, Op.LT, index, nodes.constant(lanes, Type.INT)), loop));
  }

  /** A statement that is not part of a run: rolled scalars become array elements, lane sums loops. */
  private Statement plain(Statement s, List<Statement> out) {
    if (s instanceof Statement.Let let) {
      return new Statement.Let(let.name(), members(reduce(let.value(), out)));
    }
    if (s instanceof Statement.Set set) {
      Node value = members(reduce(set.value(), out));
      Lane lane = members.get(set.name());
      return lane == null ? new Statement.Set(set.name(), value)
          : new Statement.Store(lane.group().array(), nodes.constant(lane.index(), Type.INT), value);
    }
    if (s instanceof Statement.Store store) {
      return new Statement.Store(members(store.array()), members(reduce(store.index(), out)),
          members(reduce(store.value(), out)));
    }
    if (s instanceof Statement.Branch branch) {
      return new Statement.Branch(members(branch.condition()), block(branch.then()), block(branch.otherwise()));
    }
    if (s instanceof Statement.Loop loop) {
      return new Statement.Loop(members(loop.condition()), block(loop.body()));
    }
    return s;
  }

  /** Sums of at least {@link #MIN_LANES} lane terms inside {@code node} become reduction loops. */
  private Node reduce(Node node, List<Statement> out) {
    if (!(node instanceof Node.Apply apply)) {
      return node;
    }
    if (apply.operator() == Op.ADD && apply.type() == Type.DOUBLE) {
      List<Node> terms = LaneRuns.terms(apply);
      LaneRuns.Window window = runs.window(terms);
      if (window != null) {
        String sum = fresh("laneSum");
        Node.Ref ref = nodes.ref(sum, Type.DOUBLE);
        out.add(new Statement.Declare(sum, Type.DOUBLE));
        out.add(new Statement.Set(sum, nodes.number(0)));
        out.addAll(laneLoop(window.lanes(), d -> List.of(new Statement.Set(sum,
            nodes.apply(Type.DOUBLE, Op.ADD, ref, members(LanePattern.instantiate(window.pattern(), d, nodes)))))));
        List<Node> rest = new ArrayList<>(terms.subList(0, window.start()));
        rest.add(ref);
        rest.addAll(terms.subList(window.start() + window.lanes(), terms.size()));
        Node chain = reduce(rest.get(0), out);
        for (int i = 1; i < rest.size(); i++) {
          chain = nodes.apply(Type.DOUBLE, Op.ADD, chain, reduce(rest.get(i), out));
        }
        return chain;
      }
    }
    Node[] arguments = new Node[apply.arity()];
    boolean changed = false;
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = reduce(apply.argument(i), out);
      changed |= arguments[i] != apply.argument(i);
    }
    return changed ? nodes.apply(apply.type(), apply.operator(), arguments) : apply;
  }

  /** Every read of a rolled scalar becomes a read of its array element. */
  private Node members(Node node) {
    if (node instanceof Node.Ref ref) {
      Lane lane = members.get(ref.name());
      return lane == null ? node
          : nodes.apply(Type.DOUBLE, Special.ARRAY_LOAD, lane.group().array(), nodes.constant(lane.index(), Type.INT));
    }
    if (!(node instanceof Node.Apply apply)) {
      return node;
    }
    Node[] arguments = new Node[apply.arity()];
    boolean changed = false;
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = members(apply.argument(i));
      changed |= arguments[i] != apply.argument(i);
    }
    return changed ? nodes.apply(apply.type(), apply.operator(), arguments) : apply;
  }

  private String fresh(String base) {
    String name = dev.collapsar.processor.ir.FreshName.of(base, "_", taken::contains);
    taken.add(name);
    return name;
  }
}

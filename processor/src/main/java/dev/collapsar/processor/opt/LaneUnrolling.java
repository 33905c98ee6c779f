package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.FreshName;
import dev.collapsar.processor.ir.LaneLocal;
import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.MathFn;
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
 * Writes a body computed on a lane axis out lane by lane: straight-line code, one local per lane
 * ({@code s_x0, s_x1, …}), every value rebuilt through the folding algebra at its constant lane, so
 * that the structural zeros of one-hot seeds fold away and a lane that stays zero or a copy costs no
 * statement at all — the code the Taylor stage writes for narrow jets. {@link Optimizer} chooses it
 * where loops do not pay: no local array keeps rows and the body fits its methods unrolled.
 */
final class LaneUnrolling {
  private final FoldingAlgebra alg;
  private final NodeFactory nodes;
  private final Map<String, Integer> widths = new HashMap<>();
  private final Map<String, LaneLocal> locals;
  private final Set<String> taken;
  /** A lane local's value in each lane: a constant, a local, or any other node. */
  private final Map<String, Node[]> lanes = new HashMap<>();
  /** Per lane, the nodes already written at it (a lane local's value never changes node). */
  private final Map<Integer, Map<Node, Node>> memo = new HashMap<>();

  private LaneUnrolling(NodeFactory nodes, Map<String, LaneLocal> locals, Set<String> taken) {
    this.alg = new FoldingAlgebra(nodes);
    this.nodes = nodes;
    this.locals = locals;
    locals.forEach((name, local) -> widths.put(name, local.width()));
    this.taken = taken;
  }

  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result optimized, Set<String> parameters,
      Map<String, LaneLocal> locals) {
    Set<String> taken = new HashSet<>(parameters);
    Walk.names(optimized.body(), taken);
    LaneUnrolling pass = new LaneUnrolling(nodes, locals, taken);
    List<Statement> body = pass.block(optimized.body());
    List<Node> outputs = optimized.outputs().stream().map(pass::scalar).toList();
    return new Optimizer.Result(body, outputs);
  }

  private List<Statement> block(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : in) {
      if (s instanceof Statement.Let let && let.value().type() == Type.LANES) {
        int width = widths.computeIfAbsent(let.name(), name -> width(let.value()));
        Node[] per = new Node[width];
        for (int c = 0; c < width; c++) {
          Node value = at(let.value(), c);
          per[c] = value instanceof Node.Apply ? bind(laneName(let.name(), c), value, out) : value;
        }
        lanes.put(let.name(), per);
      } else if (s instanceof Statement.Declare d && d.type() == Type.LANES) {
        Node[] per = new Node[widths.get(d.name())];
        for (int c = 0; c < per.length; c++) {
          String name = fresh(laneName(d.name(), c));
          out.add(new Statement.Declare(name, Type.DOUBLE));
          per[c] = nodes.ref(name, Type.DOUBLE);
        }
        lanes.put(d.name(), per);
      } else if (s instanceof Statement.Set set && lanes.containsKey(set.name())) {
        Node[] per = lanes.get(set.name());
        List<Statement> sets = new ArrayList<>();
        for (int c = 0; c < per.length; c++) {
          sets.add(new Statement.Set(((Node.Ref) per[c]).name(), at(set.value(), c)));
        }
        out.addAll(sets); // every lane's value read before any lane is set (lanes are independent anyway)
      } else if (s instanceof Statement.Store store && Lanes.varies(store.index())) {
        int width = Lanes.width(store.index());
        for (int c = 0; c < width; c++) {
          out.add(new Statement.Store(at(store.array(), c), at(store.index(), c), at(store.value(), c)));
        }
      } else if (s instanceof Statement.Let let) {
        out.add(new Statement.Let(let.name(), scalar(let.value())));
      } else if (s instanceof Statement.Set set) {
        out.add(new Statement.Set(set.name(), scalar(set.value())));
      } else if (s instanceof Statement.Store store) {
        out.add(new Statement.Store(scalar(store.array()), scalar(store.index()), scalar(store.value())));
      } else if (s instanceof Statement.Loop loop) {
        out.add(new Statement.Loop(loop.condition(), block(loop.body())));
      } else if (s instanceof Statement.Branch b) {
        out.add(new Statement.Branch(scalar(b.condition()), block(b.then()), block(b.otherwise())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** A scalar node: its lane sums added lane by lane, its reads of one lane that lane's value. */
  private Node scalar(Node node) {
    if (!(node instanceof Node.Apply apply)) {
      return node;
    }
    if (apply.operator() == Special.LANE_SUM) {
      Node sum = alg.zero();
      for (int c = 0; c < Lanes.intArgument(apply, 1); c++) {
        sum = alg.add(sum, at(apply.argument(0), c));
      }
      return sum;
    }
    if (apply.operator() == Special.LANE_AT) {
      return at(apply.argument(0), Lanes.intArgument(apply, 1));
    }
    Node[] arguments = new Node[apply.arity()];
    boolean changed = false;
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = scalar(apply.argument(i));
      changed |= arguments[i] != apply.argument(i);
    }
    return changed ? rebuild(apply, apply.type(), arguments) : apply;
  }

  /** {@code node} at lane {@code c}, folded. */
  private Node at(Node node, int c) {
    Map<Node, Node> known = memo.computeIfAbsent(c, k -> new HashMap<>());
    Node done = known.get(node);
    if (done == null) {
      done = instance(node, c);
      known.put(node, done);
    }
    return done;
  }

  private Node instance(Node node, int c) {
    if (node instanceof Node.Ref r && r.type() == Type.LANES) {
      return lanes.get(r.name())[c];
    }
    if (!(node instanceof Node.Apply apply)) {
      return node;
    }
    if (apply.operator() == Special.LANE) {
      return nodes.constant(c, Type.INT);
    }
    if (apply.operator() == Special.ONE_HOT) {
      Node k = apply.argument(0);
      Node value = at(apply.argument(2), c);
      return alg.select(alg.binary(Op.EQ, k, nodes.constant(c, Type.INT)), value, alg.zero());
    }
    if (apply.operator() == Special.LANE_SUM || apply.operator() == Special.LANE_AT) {
      return scalar(apply);
    }
    Node[] arguments = new Node[apply.arity()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = at(apply.argument(i), c);
    }
    return rebuild(apply, apply.type() == Type.LANES ? Type.DOUBLE : apply.type(), arguments);
  }

  /** The same operation on new arguments, through the folding algebra where it has one. */
  private Node rebuild(Node.Apply apply, Type type, Node[] arguments) {
    if (apply.operator() instanceof Op op) {
      return arguments.length == 2 ? alg.binary(op, arguments[0], arguments[1]) : alg.unary(op, arguments[0]);
    }
    if (apply.operator() instanceof MathFn) {
      Node folded = ConstantFolder.foldCall(nodes, (MathFn) apply.operator(), arguments);
      return folded != null ? folded : nodes.apply(type, apply.operator(), arguments);
    }
    if (apply.operator() == Special.SELECT) {
      return alg.select(arguments[0], arguments[1], arguments[2]);
    }
    return nodes.apply(type, apply.operator(), arguments);
  }

  private Node bind(String name, Node value, List<Statement> out) {
    String fresh = fresh(name);
    out.add(new Statement.Let(fresh, value));
    return nodes.ref(fresh, value.type());
  }

  /** Lane c's local of {@code name}: {@code s_x_2} → {@code s_x3_2}, as the Taylor stage names a direction's. */
  private String laneName(String name, int c) {
    LaneLocal local = locals.get(name);
    return local != null ? local.laneName(name, c) : name + "_" + c;
  }

  private int width(Node value) {
    int w = Lanes.width(value);
    int[] found = {w};
    Walk.nodes(List.of(new Statement.Let("", value)), n -> {
      if (found[0] == 0 && n instanceof Node.Ref r && r.type() == Type.LANES && widths.containsKey(r.name())) {
        found[0] = widths.get(r.name());
      }
    });
    return found[0];
  }

  private String fresh(String base) {
    String name = FreshName.of(base, "_", taken::contains);
    taken.add(name);
    return name;
  }
}

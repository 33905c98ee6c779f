package dev.collapsar.processor.opt;

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
 * A point kernel whose jets run on a lane axis of directions, lifted to a block of B points: the
 * points become a lane axis of their own, innermost. Its direction loops are already written
 * ({@link DirectionLoops}), so the body is loops over ints and doubles; here every double that
 * depends on the point becomes a lane value over the block, and every array the body allocates keeps
 * B numbers per element, point p of element k at k·B + p (a row of R directions becomes R·B lanes,
 * direction d of point p at d·B + p). A second {@link DirectionLoops} writes the point lanes as loops
 * inside the direction loops, and {@link LoopFlattening} makes a loop over d whose body only runs over
 * the points at d·B + p one loop over R·B lanes: a dense layer's sweep then reads each weight once for
 * the block's points, and the per-point work of an activation (tanh′ of the value, Σ_d of squares)
 * runs over the points with the directions outside, vectorized across points, with no horizontal sum.
 * Each point's arithmetic is the point kernel's, in its order: the same values bit for bit.
 *
 * <p>The coordinates come from {@code matrix[row][p]} (the caller transposes a block), the operator
 * goes to {@code out[p]}. Not liftable (null): a branch or loop condition, an int or an array chosen
 * from a value that depends on the point, or a write of such a value into an array the caller gave.
 */
public final class PointLift {
  /**
   * The block and where the point kernel's coordinates come from.
   *
   * @param width B, points per block
   * @param matrix the kernel's {@code double[][]} of the block's coordinates, {@code [row][point]}
   * @param out the kernel's {@code double[]} receiving the operator per point
   * @param arrayRows per array coordinate parameter, the matrix row of its element 0 (element k at row + k)
   * @param scalarRows per scalar coordinate parameter, its matrix row
   */
  public record Axis(int width, String matrix, String out, Map<String, Integer> arrayRows, Map<String, Integer> scalarRows) {}

  private final NodeFactory nodes;
  private final Axis axis;
  /** Point-dependent doubles (become lane values over the points). */
  private final Set<String> lanes = new HashSet<>();
  /** Arrays holding B numbers per element: every local array, and its rows and aliases. */
  private final Set<String> lifted = new HashSet<>();
  /** Aliases of an array coordinate parameter → that parameter. */
  private final Map<String, String> coordinates = new HashMap<>();
  private final Map<Node, Node> rewritten = new HashMap<>();
  private boolean liftable = true;

  private PointLift(NodeFactory nodes, Axis axis) {
    this.nodes = nodes;
    this.axis = axis;
    axis.arrayRows().keySet().forEach(x -> coordinates.put(x, x));
    lanes.addAll(axis.scalarRows().keySet());
  }

  /** The lifted body, storing the operator ({@code point.outputs().get(0)}) per point; null if not liftable. */
  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result point, Axis axis) {
    PointLift lift = new PointLift(nodes, axis);
    List<Statement> body = new ArrayList<>(point.body());
    body.add(new Statement.Store(nodes.ref(axis.out(), Type.DOUBLE_ARRAY), lift.lane(), point.outputs().get(0)));
    int known;
    do {
      known = lift.lanes.size() + lift.lifted.size() + lift.coordinates.size();
      lift.classify(body);
    } while (lift.liftable && known != lift.lanes.size() + lift.lifted.size() + lift.coordinates.size());
    if (!lift.liftable) {
      return null;
    }
    List<Statement> out = lift.statements(body);
    return lift.liftable ? new Optimizer.Result(out, List.of()) : null;
  }

  /** The lane locals of the lifted body and their width B, for {@link DirectionLoops}. */
  static Map<String, Integer> widths(List<Statement> lifted, int width) {
    Map<String, Integer> widths = new HashMap<>();
    collect(lifted, width, widths);
    return widths;
  }

  private static void collect(List<Statement> statements, int width, Map<String, Integer> widths) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let && let.value().type() == Type.LANES
          || s instanceof Statement.Declare d && d.type() == Type.LANES) {
        widths.put(s instanceof Statement.Let let ? let.name() : ((Statement.Declare) s).name(), width);
      } else if (s instanceof Statement.Loop loop) {
        collect(loop.body(), width, widths);
      } else if (s instanceof Statement.Branch b) {
        collect(b.then(), width, widths);
        collect(b.otherwise(), width, widths);
      }
    }
  }

  // ---- which locals depend on the point

  private void classify(List<Statement> statements) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let) {
        define(let.name(), let.value());
      } else if (s instanceof Statement.Set set) {
        define(set.name(), set.value());
      } else if (s instanceof Statement.Store store) {
        Node array = store.array();
        boolean out = array instanceof Node.Ref r && r.name().equals(axis.out());
        if (!out && !isLifted(array) && (dependsOnPoint(store.value()) || isCoordinate(array))) {
          liftable = false; // a point's value into an array the caller gave
        }
      } else if (s instanceof Statement.Loop loop) {
        if (dependsOnPoint(loop.condition())) {
          liftable = false;
        }
        classify(loop.body());
      } else if (s instanceof Statement.Branch b) {
        if (dependsOnPoint(b.condition())) {
          liftable = false;
        }
        classify(b.then());
        classify(b.otherwise());
      } else if (!(s instanceof Statement.Declare || s instanceof Statement.Comment)) {
        liftable = false;
      }
    }
  }

  private void define(String name, Node value) {
    if (value.type() == Type.DOUBLE || value.type() == Type.LANES) {
      if (dependsOnPoint(value)) {
        lanes.add(name);
      }
    } else if (value.type().isArray()) {
      if (isLifted(value)) {
        lifted.add(name);
      } else if (isCoordinate(value)) {
        coordinates.put(name, coordinateOf(value));
      } else if (dependsOnPoint(value)) {
        liftable = false;
      }
    } else if (dependsOnPoint(value)) {
      liftable = false; // an int or boolean computed from a point's values
    }
  }

  /** An array that keeps B numbers per element: allocated in the body, or a row or alias of one. */
  private boolean isLifted(Node array) {
    if (array instanceof Node.Ref r) {
      return lifted.contains(r.name());
    }
    if (array instanceof Node.Apply a) {
      return a.operator() == Special.NEW_ARRAY || a.operator() == Special.NEW_ROWS
          || a.operator() == Special.ARRAY_LOAD && isLifted(a.argument(0))
          || a.operator() == Special.SELECT && isLifted(a.argument(1)) && isLifted(a.argument(2));
    }
    return false;
  }

  private boolean isCoordinate(Node array) {
    return array instanceof Node.Ref r && coordinates.containsKey(r.name());
  }

  private String coordinateOf(Node array) {
    return coordinates.get(((Node.Ref) array).name());
  }

  private boolean dependsOnPoint(Node node) {
    if (node instanceof Node.Ref r) {
      return lanes.contains(r.name());
    }
    if (!(node instanceof Node.Apply a)) {
      return false;
    }
    if (a.operator() == Special.ARRAY_LOAD && a.type().isReal()
        && (isLifted(a.argument(0)) || isCoordinate(a.argument(0)))) {
      return true;
    }
    if (a.operator() == Special.LENGTH) {
      return false;
    }
    for (int i = 0; i < a.arity(); i++) {
      if (dependsOnPoint(a.argument(i))) {
        return true;
      }
    }
    return false;
  }

  // ---- the rewrite

  private List<Statement> statements(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : in) {
      if (s instanceof Statement.Let let) {
        out.add(new Statement.Let(let.name(), node(let.value())));
      } else if (s instanceof Statement.Set set) {
        out.add(new Statement.Set(set.name(), node(set.value())));
      } else if (s instanceof Statement.Declare d) {
        out.add(lanes.contains(d.name()) ? new Statement.Declare(d.name(), Type.LANES) : d);
      } else if (s instanceof Statement.Store store) {
        out.add(isLifted(store.array())
            ? new Statement.Store(node(store.array()), element(node(store.index())), node(store.value()))
            : new Statement.Store(node(store.array()), node(store.index()), node(store.value())));
      } else if (s instanceof Statement.Loop loop) {
        out.add(new Statement.Loop(node(loop.condition()), statements(loop.body())));
      } else if (s instanceof Statement.Branch b) {
        out.add(new Statement.Branch(node(b.condition()), statements(b.then()), statements(b.otherwise())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private Node node(Node n) {
    Node done = rewritten.get(n);
    if (done == null) {
      done = rewrite(n);
      rewritten.put(n, done);
    }
    return done;
  }

  private Node rewrite(Node n) {
    if (n instanceof Node.Ref r) {
      if (lanes.contains(r.name()) && axis.scalarRows().containsKey(r.name())) {
        return coordinate(axis.scalarRows().get(r.name()));
      }
      return lanes.contains(r.name()) ? nodes.ref(r.name(), Type.LANES) : r;
    }
    if (!(n instanceof Node.Apply a)) {
      return n;
    }
    if (a.operator() == Special.ARRAY_LOAD && a.type().isReal() && isCoordinate(a.argument(0))) {
      Node row = node(a.argument(1));
      int first = axis.arrayRows().get(coordinateOf(a.argument(0)));
      return nodes.apply(Type.LANES, Special.ARRAY_LOAD, nodes.apply(Type.DOUBLE_ARRAY, Special.ARRAY_LOAD,
          nodes.ref(axis.matrix(), Type.DOUBLE_MATRIX), offset(row, first)), lane());
    }
    if (a.operator() == Special.ARRAY_LOAD && a.type().isReal() && isLifted(a.argument(0))) {
      Node[] arguments = arguments(a);
      arguments[1] = element(arguments[1]);
      return nodes.apply(Type.LANES, Special.ARRAY_LOAD, arguments);
    }
    if (a.operator() == Special.NEW_ARRAY) {
      Node[] arguments = arguments(a);
      arguments[0] = times(arguments[0]);
      return nodes.apply(a.type(), Special.NEW_ARRAY, arguments);
    }
    if (a.operator() == Special.NEW_ROWS) {
      Node[] arguments = arguments(a);
      arguments[1] = times(arguments[1]);
      return nodes.apply(a.type(), Special.NEW_ROWS, arguments);
    }
    if (a.operator() == Special.LENGTH && isLifted(a.argument(0))) {
      liftable = false; // the Taylor stage knows its arrays' lengths; a read of one is not expected
      return n;
    }
    Node[] arguments = arguments(a);
    boolean varies = false;
    for (Node argument : arguments) {
      varies |= argument.type() == Type.LANES;
    }
    Type type = varies && a.type() == Type.DOUBLE ? Type.LANES : a.type();
    if (varies && type != Type.LANES) {
      liftable = false;
    }
    return nodes.apply(type, a.operator(), arguments);
  }

  private Node[] arguments(Node.Apply a) {
    Node[] arguments = new Node[a.arity()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = node(a.argument(i));
    }
    return arguments;
  }

  /** {@code matrix[row][p]}. */
  private Node coordinate(int row) {
    return nodes.apply(Type.LANES, Special.ARRAY_LOAD, nodes.apply(Type.DOUBLE_ARRAY, Special.ARRAY_LOAD,
        nodes.ref(axis.matrix(), Type.DOUBLE_MATRIX), nodes.constant(row, Type.INT)), lane());
  }

  /** Element {@code index}'s lane for the point: index·B + p. */
  private Node element(Node index) {
    return nodes.apply(Type.INT, Op.ADD, times(index), lane());
  }

  private Node times(Node index) {
    if (index instanceof Node.Const c) {
      return nodes.constant(c.value() * axis.width(), Type.INT);
    }
    return nodes.apply(Type.INT, Op.MUL, index, nodes.constant(axis.width(), Type.INT));
  }

  private Node offset(Node index, int first) {
    if (first == 0) {
      return index;
    }
    if (index instanceof Node.Const c) {
      return nodes.constant(c.value() + first, Type.INT);
    }
    return nodes.apply(Type.INT, Op.ADD, nodes.constant(first, Type.INT), index);
  }

  private Node lane() {
    return Lanes.index(nodes, axis.width());
  }
}

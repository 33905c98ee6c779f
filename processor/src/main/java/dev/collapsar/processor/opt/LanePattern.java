package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Type;
import java.util.Map;

/**
 * The common shape of R expressions that differ only by a lane index k = 0…R−1: the per-direction
 * coefficients of one operation. Leaves that differ between lanes are {@code int} constants affine
 * in k (offsets {@code k + base} into direction-innermost arrays) and lane members (the k-th local of
 * an already rolled group, now an array element); everything else must be the same node. A pattern
 * is learned from lanes 0 and 1, checked on the others, and instantiated over a loop index d.
 */
sealed interface LanePattern {

  /** The same node in every lane. */
  record Invariant(Node node) implements LanePattern {}

  /** The {@code int} constant {@code start + step·k}. */
  record Affine(double start, double step) implements LanePattern {}

  /** Element {@code offset + stride·k} of a rolled group. */
  record Member(LaneGroup group, int offset, int stride) implements LanePattern {}

  /** An operator over patterns. */
  record Apply(Type type, dev.collapsar.processor.ir.Operator operator, LanePattern[] arguments)
      implements LanePattern {}

  /**
   * A rolled group: the scalar locals {@code names[k]} now live in {@code array[k]}; or, while a
   * run is being read, the names an earlier statement of the same lane defines ({@code array} null),
   * which become a loop-body local or an array when the run is rolled.
   */
  record LaneGroup(Node.Ref array, int size, int serial) {
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS = new java.util.concurrent.atomic.AtomicInteger();

    /** A new group, distinct from every other (provisional groups have no array to tell them apart). */
    LaneGroup(Node.Ref array, int size) {
      this(array, size, SERIALS.incrementAndGet());
    }

    boolean provisional() {
      return array == null;
    }
  }

  /**
   * The pattern of which {@code lane0} and {@code lane1} are the first two instances, or null.
   * {@code members} maps a scalar local to its group and lane.
   */
  static LanePattern learn(Node lane0, Node lane1, Map<String, Lane> members) {
    if (lane0 == lane1) {
      return lane0 instanceof Node.Ref r && members.containsKey(r.name()) ? null : new Invariant(lane0);
    }
    if (lane0 instanceof Node.Const a && lane1 instanceof Node.Const b && a.type() == Type.INT && b.type() == Type.INT) {
      return new Affine(a.value(), b.value() - a.value());
    }
    if (lane0 instanceof Node.Ref a && lane1 instanceof Node.Ref b) {
      Lane la = members.get(a.name());
      Lane lb = members.get(b.name());
      if (la == null || lb == null || la.group() != lb.group() || lb.index() == la.index()
          || la.group().provisional() && (la.index() != 0 || lb.index() != 1)) {
        return null; // a name of the same run is read in its own lane only
      }
      return new Member(la.group(), la.index(), lb.index() - la.index());
    }
    if (!(lane1 instanceof Node.Apply b)) {
      return null;
    }
    if (isOffset(b) && !(lane0 instanceof Node.Apply a && isOffset(a))) {
      // lane 0's offset 0 + x folded to x
      LanePattern rest = learn(lane0, b.argument(1), members);
      double step = ((Node.Const) b.argument(0)).value();
      return rest == null ? null : new Apply(Type.INT, Op.ADD, new LanePattern[] {new Affine(0, step), rest});
    }
    if (!(lane0 instanceof Node.Apply a) || a.operator() != b.operator() || a.arity() != b.arity()
        || a.type() != b.type()) {
      return null;
    }
    LanePattern[] arguments = new LanePattern[a.arity()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = learn(a.argument(i), b.argument(i), members);
      if (arguments[i] == null) {
        return null;
      }
    }
    return new Apply(a.type(), a.operator(), arguments);
  }

  /** A scalar local's place in a rolled group. */
  record Lane(LaneGroup group, int index) {}

  /** Whether {@code node} is the instance of {@code pattern} in lane k. */
  static boolean matches(LanePattern pattern, Node node, int k, Map<String, Lane> members) {
    if (pattern instanceof Invariant i) {
      return i.node() == node;
    }
    if (pattern instanceof Affine f) {
      return node instanceof Node.Const c && c.type() == Type.INT && c.value() == f.start() + f.step() * k;
    }
    if (pattern instanceof Member m) {
      Lane lane = node instanceof Node.Ref r ? members.get(r.name()) : null;
      return lane != null && lane.group() == m.group() && lane.index() == m.offset() + m.stride() * k;
    }
    Apply p = (Apply) pattern;
    if (p.operator() == Op.ADD && p.arguments()[0] instanceof Affine f && f.start() + f.step() * k == 0
        && !(node instanceof Node.Apply n && isOffset(n))) {
      return matches(p.arguments()[1], node, k, members);
    }
    if (!(node instanceof Node.Apply a) || a.operator() != p.operator() || a.arity() != p.arguments().length) {
      return false;
    }
    for (int i = 0; i < a.arity(); i++) {
      if (!matches(p.arguments()[i], a.argument(i), k, members)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the pattern involves a rolled group (otherwise the lanes would not be lanes). */
  static boolean readsMembers(LanePattern pattern) {
    if (pattern instanceof Member) {
      return true;
    }
    if (pattern instanceof Apply a) {
      for (LanePattern p : a.arguments()) {
        if (readsMembers(p)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the pattern varies with the lane at all. */
  static boolean varies(LanePattern pattern) {
    if (pattern instanceof Invariant) {
      return false;
    }
    if (pattern instanceof Affine f) {
      return f.step() != 0;
    }
    if (pattern instanceof Apply a) {
      for (LanePattern p : a.arguments()) {
        if (varies(p)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  /** The expression of lane {@code d} (an int node, the loop index). */
  static Node instantiate(LanePattern pattern, Node d, NodeFactory nodes) {
    return instantiate(pattern, d, nodes, Map.of());
  }

  /** The same, with the run's own names read from {@code locals} (a loop-body local or array). */
  static Node instantiate(LanePattern pattern, Node d, NodeFactory nodes, Map<LaneGroup, Node> locals) {
    if (pattern instanceof Invariant i) {
      return i.node();
    }
    if (pattern instanceof Affine f) {
      Node scaled = f.step() == 1 ? d : nodes.apply(Type.INT, Op.MUL, nodes.constant(f.step(), Type.INT), d);
      return f.start() == 0 ? scaled : nodes.apply(Type.INT, Op.ADD, nodes.constant(f.start(), Type.INT), scaled);
    }
    if (pattern instanceof Member m) {
      Node local = locals.get(m.group());
      if (local != null && local.type() == Type.DOUBLE) {
        return local;
      }
      Node index = instantiate(new Affine(m.offset(), m.stride()), d, nodes);
      return nodes.apply(Type.DOUBLE, Special.ARRAY_LOAD, local != null ? local : m.group().array(), index);
    }
    Apply a = (Apply) pattern;
    Node[] arguments = new Node[a.arguments().length];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = instantiate(a.arguments()[i], d, nodes, locals);
    }
    return nodes.apply(a.type(), a.operator(), arguments);
  }

  private static boolean isOffset(Node.Apply n) {
    return n.operator() == Op.ADD && n.type() == Type.INT && n.argument(0) instanceof Node.Const c
        && c.type() == Type.INT;
  }
}

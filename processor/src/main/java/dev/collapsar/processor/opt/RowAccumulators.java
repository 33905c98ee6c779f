package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates a unit's direction coefficients in the row they end in. A rolled dense layer sums
 * {@code s_x[d] += w * h_d1[j][d]} into a per-thread array it zeroes first, then copies it out
 * scaled, {@code z_d1[i][d] = s_x[d] * t}; here the sum goes straight into {@code z_d1[i]}, which is
 * still zero (freshly allocated, each row visited once), and is scaled in place once nothing reads
 * the unscaled sum any more. The additions, the multiplications and their order are unchanged, so
 * the results are identical bit for bit. Measured on the reference network (D = 50, four units
 * jammed, old and new operator alternating in one JVM, best of 15 calls per round, five JVMs): new/old
 * 0.67, 0.84, 0.94, 0.99, 1.02 (mean 0.89) — the JIT's code for the same source varies from JVM to
 * JVM as much as the gain.
 *
 * <p>Applies to a per-thread direction array {@code s_x} (allocated at the top of the method, used
 * only in one counted loop's body) that the body zeroes in a direction loop before anything else
 * mentions it, and copies out exactly once, in a direction loop of its own, as
 * {@code M[i][d] = s_x[d] * t}, where {@code i} is the loop's index and {@code M} was allocated in
 * the loop's block before it, is mentioned nowhere else in the body and not written or copied in
 * between; after the copy the body only reads {@code s_x}.
 */
final class RowAccumulators {
  private final NodeFactory nodes;
  private final List<Statement> method;
  private final List<Node> outputs;
  private final Set<String> taken;
  private final Set<String> moved = new HashSet<>();

  private RowAccumulators(NodeFactory nodes, Optimizer.Result rolled, Set<String> taken) {
    this.nodes = nodes;
    this.method = rolled.body();
    this.outputs = rolled.outputs();
    this.taken = taken;
  }

  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result rolled, Set<String> parameters) {
    Set<String> taken = new HashSet<>(parameters);
    Walk.names(rolled.body(), taken);
    RowAccumulators pass = new RowAccumulators(nodes, rolled, taken);
    List<Statement> body = pass.block(rolled.body());
    if (pass.moved.isEmpty()) {
      return rolled;
    }
    body.removeIf(s -> s instanceof Statement.Let let && pass.moved.contains(let.name()));
    return new Optimizer.Result(body, rolled.outputs());
  }

  private List<Statement> block(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    for (int at = 0; at < in.size(); at++) {
      Statement s = in.get(at);
      if (s instanceof Statement.Loop loop) {
        List<Statement> body = block(loop.body());
        if (loop.condition() instanceof Node.Apply c && c.operator() == Op.LT && c.argument(0) instanceof Node.Ref i
            && i.type() == Type.INT && LaneLoopShape.isIncrement(loop, i)) {
          body = unitBody(body, i, in.subList(0, at));
        }
        s = new Statement.Loop(loop.condition(), body);
      } else if (s instanceof Statement.Branch b) {
        s = new Statement.Branch(b.condition(), block(b.then()), block(b.otherwise()));
      }
      out.add(s);
    }
    return out;
  }

  /** The body with each qualifying direction array replaced by the row it is copied to. */
  private List<Statement> unitBody(List<Statement> body, Node.Ref index, List<Statement> before) {
    for (Statement s : method) {
      if (s instanceof Statement.Let let && let.value() instanceof Node.Apply a && a.operator() == Special.NEW_ARRAY
          && !moved.contains(let.name()) && onlyIn(body, let.name())) {
        List<Statement> rewritten = rewrite(body, let.name(), index, before);
        if (rewritten != null) {
          moved.add(let.name());
          body = rewritten;
        }
      }
    }
    return body;
  }

  private boolean onlyIn(List<Statement> body, String array) {
    Set<String> name = Set.of(array);
    return Walk.mentions(body, array) > 0 && Walk.mentions(method, array) == Walk.mentions(body, array) + 1
        && outputs.stream().noneMatch(o -> o.reads(name));
  }

  private List<Statement> rewrite(List<Statement> body, String lanes, Node.Ref index, List<Statement> before) {
    int zeroing = firstMention(body, lanes);
    if (zeroing < 0 || !LaneLoopShape.at(body, zeroing) || !zeroes(direction(body, zeroing), lanes)) {
      return null;
    }
    int copy = -1;
    for (int s = zeroing + 3; s < body.size(); s++) {
      if (LaneLoopShape.at(body, s) && copyOut(direction(body, s), lanes, index) != null) {
        copy = s;
        break;
      }
    }
    if (copy < 0) {
      return null;
    }
    Statement.Store store = copyOut(direction(body, copy), lanes, index);
    Node.Ref matrix = (Node.Ref) ((Node.Apply) store.array()).argument(0);
    int last = lastMention(body, lanes);
    List<Statement> after = body.subList(copy + 3, last + 1);
    if (Walk.mentions(body, matrix.name()) != 1 || !stillZero(before, matrix.name()) || writes(after, lanes)
        || assigns(after, store.value())) {
      return null;
    }
    String row = fresh(matrix.name() + "_row");
    Node.Ref rowRef = nodes.ref(row, Type.DOUBLE_ARRAY);
    List<Statement> out = new ArrayList<>(body.subList(0, zeroing));
    out.add(new Statement.Let(row, store.array()));
    out.addAll(withoutZeroing(body.subList(zeroing, zeroing + 3), lanes));
    out.addAll(body.subList(zeroing + 3, copy));
    out.addAll(after);
    Statement.Loop scale = direction(body, copy);
    List<Statement> scaled = new ArrayList<>(List.of(new Statement.Store(rowRef, store.index(), store.value()),
        scale.body().get(scale.body().size() - 1)));
    out.add(body.get(copy));
    out.add(body.get(copy + 1));
    out.add(new Statement.Loop(scale.condition(), scaled));
    out.addAll(body.subList(last + 1, body.size()));
    return Renaming.statements(out, Map.of(lanes, row), nodes);
  }

  /**
   * Whether {@code matrix} was allocated among {@code before} (the statements preceding the loop in
   * its block) and neither written nor copied since: each row the loop visits is still zero, as
   * {@code new double[n][R]} (and the array pool) leaves it. A loop visits each index once.
   */
  private static boolean stillZero(List<Statement> before, String matrix) {
    for (int s = before.size() - 1; s >= 0; s--) {
      if (before.get(s) instanceof Statement.Let let && let.name().equals(matrix)) {
        return let.value() instanceof Node.Apply a && a.operator() == Special.NEW_ROWS
            && Walk.mentions(before.subList(s + 1, before.size()), matrix) == 0;
      }
    }
    return false;
  }

  /**
   * The zeroing direction loop without its store to {@code lanes}: the row is zero already (with
   * the zeroing kept, three JVMs measured no gain over the per-thread arrays at all). Nothing at all
   * when that store was the loop's only one.
   */
  private static List<Statement> withoutZeroing(List<Statement> loop, String lanes) {
    Statement.Loop zeroing = (Statement.Loop) loop.get(2);
    List<Statement> rest = new ArrayList<>(zeroing.body());
    rest.removeIf(st -> st instanceof Statement.Store store && store.array() instanceof Node.Ref r && r.name().equals(lanes));
    if (rest.size() == 1) {
      return List.of();
    }
    return List.of(loop.get(0), loop.get(1), new Statement.Loop(zeroing.condition(), rest));
  }

  /** The store of {@code M[i][d] = lanes[d] * t} that is a direction loop's only statement, or null. */
  private static Statement.Store copyOut(Statement.Loop loop, String lanes, Node.Ref index) {
    if (loop.body().size() != 2 || !(loop.body().get(0) instanceof Statement.Store store)) {
      return null;
    }
    Node d = ((Node.Apply) loop.condition()).argument(0);
    boolean intoRow = store.array() instanceof Node.Apply row && row.operator() == Special.ARRAY_LOAD
        && row.argument(0) instanceof Node.Ref && row.argument(1).equals(index) && store.index().equals(d);
    if (!intoRow || !(store.value() instanceof Node.Apply product && product.operator() == Op.MUL)) {
      return null;
    }
    Set<String> readsLanes = Set.of(lanes);
    for (int k = 0; k < 2; k++) {
      Node factor = product.argument(k);
      Node other = product.argument(1 - k);
      if (factor instanceof Node.Apply load && load.operator() == Special.ARRAY_LOAD && load.argument(0) instanceof Node.Ref r
          && r.name().equals(lanes) && load.argument(1).equals(d) && !other.reads(readsLanes)
          && !other.reads(Set.of(((Node.Ref) d).name()))) {
        return store;
      }
    }
    return null;
  }

  private static boolean zeroes(Statement.Loop loop, String lanes) {
    Node d = ((Node.Apply) loop.condition()).argument(0);
    for (Statement s : loop.body()) {
      if (s instanceof Statement.Store store && store.array() instanceof Node.Ref r && r.name().equals(lanes)) {
        return store.index().equals(d) && store.value() instanceof Node.Const zero && zero.is(0);
      }
      if (Walk.mentions(List.of(s), lanes) > 0) {
        return false;
      }
    }
    return false;
  }

  private static Statement.Loop direction(List<Statement> body, int at) {
    return (Statement.Loop) body.get(at + 2);
  }

  private static int firstMention(List<Statement> body, String name) {
    for (int s = 0; s < body.size(); s++) {
      if (Walk.mentions(List.of(body.get(s)), name) > 0) {
        return LaneLoopShape.at(body, s - 2) ? s - 2 : s;
      }
    }
    return -1;
  }

  private static int lastMention(List<Statement> body, String name) {
    for (int s = body.size() - 1; s >= 0; s--) {
      if (Walk.mentions(List.of(body.get(s)), name) > 0) {
        return s;
      }
    }
    return -1;
  }

  private static boolean writes(List<Statement> statements, String array) {
    boolean[] found = {false};
    Walk.stores(statements, store -> found[0] |= store.array() instanceof Node.Ref r && r.name().equals(array));
    return found[0];
  }

  /** Whether the statements assign a local that {@code value} reads. */
  private static boolean assigns(List<Statement> statements, Node value) {
    Set<String> assigned = new HashSet<>();
    Walk.sets(statements, set -> assigned.add(set.name()));
    return value.reads(assigned);
  }

  private String fresh(String base) {
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }
}

package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a lane loop that updates many arrays into loops of at most {@link #STREAMS} updates each. C2
 * vectorizes a loop only once it has unrolled it, and it unrolls only small loop bodies
 * ({@code LoopUnrollLimit}): measured on a 256-unit layer sweep over 32 lanes, one core, JDK 17,
 * four or five updates {@code a_k[d] = a_k[d] + t·r_k[d]} per loop ran at 14–15 GFLOP/s, six or more
 * at 4–5 (with {@code -XX:LoopUnrollLimit=250} at 9–12). A batch kernel's sweep updates one array per
 * jet component (five for a collapsed Laplacian in three dimensions, fourteen for a biharmonic
 * estimator of four directions).
 *
 * <p>Only loops whose body is nothing but stores at the loop index, each reading arrays at that index
 * only, qualify: element d of every array is then touched in iteration d alone, so running the stores
 * as consecutive loops, in their order, computes the same values.
 *
 * <p>A jammed sweep whose units update several rows each (two units of a biharmonic's three or four
 * rows, {@link UnrollAndJam#SPLIT_ROWS}) is split another way: one loop per group of updates that
 * share their source loads ({@link SourceGroups}), so each loop reads one row's sources once for both
 * units.
 */
final class LaneFission {
  /** The most array updates one loop keeps. */
  static final int STREAMS = 5;

  private final NodeFactory nodes;
  private final Set<String> taken;

  private LaneFission(NodeFactory nodes, Set<String> taken) {
    this.nodes = nodes;
    this.taken = taken;
  }

  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result body, Set<String> parameters) {
    Set<String> taken = new java.util.HashSet<>(parameters);
    Walk.names(body.body(), taken);
    return new Optimizer.Result(new LaneFission(nodes, taken).split(body.body()), body.outputs());
  }

  private List<Statement> split(List<Statement> statements) {
    List<Statement> out = new ArrayList<>();
    for (int s = 0; s < statements.size(); s++) {
      Statement statement = statements.get(s);
      List<List<Statement>> groups = LaneLoopShape.at(statements, s)
          ? SourceGroups.of((Statement.Loop) statements.get(s + 2), ((Statement.Declare) statement).name()) : null;
      if (groups != null) {
        Statement.Loop loop = (Statement.Loop) statements.get(s + 2);
        int lanes = (int) ((Node.Const) ((Node.Apply) loop.condition()).argument(1)).value();
        String index = ((Statement.Declare) statement).name();
        for (int g = 0; g < groups.size(); g++) {
          List<Statement> group = groups.get(g);
          String d = g == 0 ? index : fresh(index);
          out.addAll(LaneLoopShape.of(nodes, d, lanes, i -> rename(group, index, i)));
        }
        s += 2;
      } else if (LaneLoopShape.at(statements, s) && splittable((Statement.Loop) statements.get(s + 2),
          ((Statement.Declare) statement).name())) {
        Statement.Loop loop = (Statement.Loop) statements.get(s + 2);
        int lanes = (int) ((Node.Const) ((Node.Apply) loop.condition()).argument(1)).value();
        List<Statement> stores = loop.body().subList(0, loop.body().size() - 1);
        String index = ((Statement.Declare) statement).name();
        for (int from = 0; from < stores.size(); from += STREAMS) {
          List<Statement> chunk = stores.subList(from, Math.min(stores.size(), from + STREAMS));
          String d = from == 0 ? index : fresh(index);
          out.addAll(LaneLoopShape.of(nodes, d, lanes, i -> rename(chunk, index, i)));
        }
        s += 2;
      } else if (statement instanceof Statement.Loop loop) {
        out.add(new Statement.Loop(loop.condition(), split(loop.body())));
      } else if (statement instanceof Statement.Branch b) {
        out.add(new Statement.Branch(b.condition(), split(b.then()), split(b.otherwise())));
      } else if (statement instanceof Statement.Outlined call) {
        out.add(new Statement.Outlined(call.method(), call.arguments(), split(call.body())));
      } else {
        out.add(statement);
      }
    }
    return out;
  }

  /** More than {@link #STREAMS} stores at the index, every double read at the index too. */
  private static boolean splittable(Statement.Loop loop, String index) {
    List<Statement> body = loop.body().subList(0, loop.body().size() - 1);
    if (body.size() <= STREAMS) {
      return false;
    }
    for (Statement s : body) {
      if (!(s instanceof Statement.Store store) || !isIndex(store.index(), index)
          || !readsAtIndex(store.value(), index) || !readsAtIndex(store.array(), index)) {
        return false;
      }
    }
    return true;
  }

  /** Whether every array element {@code node} reads is read at {@code index} (rows may be read at any). */
  private static boolean readsAtIndex(Node node, String index) {
    boolean[] ok = {true};
    Walk.nodes(List.of(new Statement.Let("", node)), n -> {
      if (n instanceof Node.Apply load && load.operator() == Special.ARRAY_LOAD && load.type().isReal()
          && !isIndex(load.argument(1), index)) {
        ok[0] = false;
      }
    });
    return ok[0];
  }

  private static boolean isIndex(Node node, String index) {
    return node instanceof Node.Ref ref && ref.name().equals(index);
  }

  private List<Statement> rename(List<Statement> chunk, String from, Node to) {
    return Renaming.statements(chunk, java.util.Map.of(from, ((Node.Ref) to).name()), nodes);
  }

  private String fresh(String base) {
    String name = dev.collapsar.processor.ir.FreshName.of(base, "_", taken::contains);
    taken.add(name);
    return name;
  }
}

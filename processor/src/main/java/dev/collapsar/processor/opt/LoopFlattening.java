package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges a loop over directions whose whole body is a loop over a block's points, every element it
 * touches at d·B + p ({@link PointLift}), into one loop over the R·B lanes:
 * {@code for (d < R) for (p < B) z[d·B + p] += t·h[d·B + p]} becomes {@code for (e < R·B) z[e] += t·h[e]},
 * the shape of a dense layer's sweep that the later passes jam ({@link UnrollAndJam}). Lane e is
 * direction e / B of point e % B, visited in the same order, so nothing changes but the loop count.
 */
final class LoopFlattening {
  private final NodeFactory nodes;
  private final int points;

  private LoopFlattening(NodeFactory nodes, int points) {
    this.nodes = nodes;
    this.points = points;
  }

  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result body, int points) {
    return new Optimizer.Result(new LoopFlattening(nodes, points).block(body.body()), body.outputs());
  }

  private List<Statement> block(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    for (int s = 0; s < in.size(); s++) {
      Statement statement = in.get(s);
      List<Statement> flat = LaneLoopShape.at(in, s) ? flattened(in, s) : null;
      if (flat != null) {
        out.addAll(flat);
        s += 2;
      } else if (statement instanceof Statement.Loop loop) {
        out.add(new Statement.Loop(loop.condition(), block(loop.body())));
      } else if (statement instanceof Statement.Branch b) {
        out.add(new Statement.Branch(b.condition(), block(b.then()), block(b.otherwise())));
      } else {
        out.add(statement);
      }
    }
    return out;
  }

  /** The direction loop at {@code in[s]} as one loop over R·B lanes, or null if it is not of that shape. */
  private List<Statement> flattened(List<Statement> in, int s) {
    String d = ((Statement.Declare) in.get(s)).name();
    Statement.Loop outer = (Statement.Loop) in.get(s + 2);
    List<Statement> body = outer.body();
    if (body.size() != 4 || !LaneLoopShape.at(body, 0)) {
      return null;
    }
    String p = ((Statement.Declare) body.get(0)).name();
    Statement.Loop inner = (Statement.Loop) body.get(2);
    if (bound(inner) != points) {
      return null;
    }
    Node.Ref dRef = nodes.ref(d, Type.INT);
    Node.Ref pRef = nodes.ref(p, Type.INT);
    Node lane = nodes.apply(Type.INT, Op.ADD, nodes.apply(Type.INT, Op.MUL, dRef, nodes.constant(points, Type.INT)),
        pRef);
    List<Statement> work = inner.body().subList(0, inner.body().size() - 1);
    if (!onlyAt(work, lane, d, p)) {
      return null;
    }
    Map<Node, Node> replaced = Map.of(lane, dRef);
    return LaneLoopShape.of(nodes, d, bound(outer) * points, e -> new Renaming(Map.of(), replaced, nodes).statements(work));
  }

  private static int bound(Statement.Loop loop) {
    return (int) ((Node.Const) ((Node.Apply) loop.condition()).argument(1)).value();
  }

  /** Whether {@code d} and {@code p} occur in {@code work}, lets and stores, only as part of {@code lane}. */
  private static boolean onlyAt(List<Statement> work, Node lane, String d, String p) {
    for (Statement s : work) {
      if (s instanceof Statement.Let let) {
        if (!onlyAt(let.value(), lane, d, p)) {
          return false;
        }
      } else if (!(s instanceof Statement.Store store) || !onlyAt(store.array(), lane, d, p)
          || !onlyAt(store.index(), lane, d, p) || !onlyAt(store.value(), lane, d, p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyAt(Node n, Node lane, String d, String p) {
    if (n == lane) {
      return true;
    }
    if (n instanceof Node.Ref r) {
      return !r.name().equals(d) && !r.name().equals(p);
    }
    if (n instanceof Node.Apply a) {
      for (int i = 0; i < a.arity(); i++) {
        if (!onlyAt(a.argument(i), lane, d, p)) {
          return false;
        }
      }
    }
    return true;
  }
}

package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which lane locals of a body must live in arrays rather than in locals of a loop body: the declared
 * ones (assigned, perhaps in branches or across iterations), and the lets read anywhere but lane by
 * lane in the run of lane statements that defines them (by a later loop, a lane sum, one lane, an
 * output).
 */
final class LaneArrays {
  private final LaneSegments segments;
  private final Set<String> arrays = new HashSet<>();

  private LaneArrays(LaneSegments segments) {
    this.segments = segments;
  }

  static Set<String> of(LaneSegments segments, List<Statement> body, List<Node> outputs) {
    LaneArrays pass = new LaneArrays(segments);
    Map<String, Integer> runOf = new HashMap<>();
    pass.runs(body, runOf, new int[] {0});
    for (Node output : outputs) {
      pass.readOutside(output, -1, runOf);
    }
    return pass.arrays;
  }

  private void runs(List<Statement> statements, Map<String, Integer> runOf, int[] run) {
    for (LaneSegments.Segment segment : segments.segments(statements)) {
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
          LaneSegments.forEachRoot(s, n -> readOutside(n, -1, runOf));
        }
        continue;
      }
      int here = ++run[0];
      for (Statement s : segment.before()) {
        if (s instanceof Statement.Declare d) {
          arrays.add(d.name());
        }
        LaneSegments.forEachRoot(s, n -> readOutside(n, -1, runOf));
      }
      for (Statement s : segment.lanes()) {
        if (s instanceof Statement.Let let) {
          runOf.put(let.name(), here);
        }
      }
      for (Statement s : segment.lanes()) {
        LaneSegments.forEachRoot(s, n -> readOutside(n, here, runOf));
      }
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
}

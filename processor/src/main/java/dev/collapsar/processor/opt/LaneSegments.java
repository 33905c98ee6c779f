package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
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
 * Cuts a block of a body computed on a lane axis into runs of lane statements of one width, each to
 * become one loop over the directions ({@link DirectionLoops}), and the scalar statements between
 * them; knows how many lanes every lane local has. A scalar statement that reads nothing a run writes
 * and writes nothing it touches moves before the run's loop instead of cutting the run.
 */
final class LaneSegments {
  private final Map<String, Integer> widths;

  /** @param widths the lane locals the Taylor stage named, with their widths (temporaries are learned) */
  LaneSegments(Map<String, Integer> widths, List<Statement> body) {
    this.widths = new HashMap<>(widths);
    learnWidths(body);
  }

  /** The number of lanes of the lane local {@code name}. */
  int widthOf(String name) {
    return widths.get(name);
  }

  /**
   * A block cut into runs of lane statements of one width (with the scalar statements that move
   * before their loop) and the scalar statements between them.
   */
  record Segment(List<Statement> before, List<Statement> lanes, int width, Statement scalar) {}

  /**
   * {@code in} cut into runs and scalar statements, in order. A run also takes the lane statements
   * of its width that follow the scalar statements which ended it, when it may compute them earlier:
   * nothing those scalar statements read or write is written by them, nothing they write is read by
   * them (a loop-carried jet's copy-back {@code s_x = s_x_2} after the Laplacian's lane sum).
   */
  List<Segment> segments(List<Statement> in) {
    List<Segment> segments = new ArrayList<>();
    Set<Integer> joined = new HashSet<>();
    for (int i = 0; i < in.size(); i++) {
      if (joined.contains(i)) {
        continue;
      }
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
      joinLater(in, end, width, run, joined);
      segments.add(new Segment(before, run, width, null));
      i = end - 1;
    }
    return segments;
  }

  /** Adds to {@code run} the lane statements after {@code from} that may move before the scalar ones between. */
  private void joinLater(List<Statement> in, int from, int width, List<Statement> run, Set<Integer> joined) {
    Set<String> passedReads = new HashSet<>();
    Set<String> passedWrites = new HashSet<>();
    for (int k = from; k < in.size(); k++) {
      Statement t = in.get(k);
      if (t instanceof Statement.Loop || t instanceof Statement.Branch) {
        return;
      }
      int w = laneWidth(t);
      if (w == 0) {
        forEachRoot(t, n -> names(n, passedReads));
        String written = written(t);
        if (t instanceof Statement.Declare d) {
          written = d.name();
        }
        if (written != null) {
          passedWrites.add(written);
        }
        continue;
      }
      Set<String> reads = new HashSet<>();
      forEachRoot(t, n -> names(n, reads));
      String writes = written(t);
      reads.retainAll(passedWrites);
      if (w != width || !reads.isEmpty() || passedReads.contains(writes) || passedWrites.contains(writes)) {
        return; // later lane statements stay after it
      }
      run.add(t);
      joined.add(k);
    }
  }

  /** The lanes a statement writes, or 0 for a scalar statement. */
  int laneWidth(Statement s) {
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
  int width(Node node) {
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

  /** The roots of a statement's expressions: a let's or assignment's value, a store's array, index and value. */
  static void forEachRoot(Statement s, java.util.function.Consumer<Node> visit) {
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

  /** Every local {@code node} reads, into {@code names}. */
  static void names(Node node, Set<String> names) {
    node.readNames(names);
  }

  /** The local an array expression indexes into ({@code z_d1} of {@code z_d1[i]}), or null. */
  static String root(Node array) {
    if (array instanceof Node.Ref r) {
      return r.name();
    }
    return array instanceof Node.Apply a && a.operator() == Special.ARRAY_LOAD ? root(a.argument(0)) : null;
  }

  /** The local or array a lane statement writes. */
  static String written(Statement s) {
    return s instanceof Statement.Let let ? let.name() : s instanceof Statement.Set set ? set.name()
        : s instanceof Statement.Store store ? root(store.array()) : null;
  }

  /** Whether a node reads across lanes: a lane sum, or one lane of a lane value. */
  static boolean crossesLanes(Node node) {
    boolean[] found = {false};
    Walk.nodes(List.of(new Statement.Let("", node)), n -> found[0] |= n instanceof Node.Apply a
        && (a.operator() == Special.LANE_SUM || a.operator() == Special.LANE_AT));
    return found[0];
  }
}

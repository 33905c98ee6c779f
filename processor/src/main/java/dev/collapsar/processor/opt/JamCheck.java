package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the iterations of a counted loop {@code while (i < n) { …; i = 1 + i; }} are independent,
 * so that {@link UnrollAndJam} may run several at once, interleaved. Conservative: the body holds
 * exactly one loop besides direction loops (the one to jam; or, where there is none, the one loop of
 * direction-loop shape that holds loops, a reduction over constantly many inputs), assigns only its
 * own locals, and writes memory only (a) at index i of arrays allocated just before the loop and
 * never aliased since (a layer's {@code z[i]}, {@code z_d1[i][d]}), reading them only at index i, or
 * (b) into per-thread direction arrays that each iteration overwrites before it reads them and
 * nothing outside the loop reads ({@code s_x_lanes}: each copy gets its own).
 */
final class JamCheck {
  /**
   * What a jammable loop shares and renames; {@code streams} is how many arrays one unit's inner loop
   * updates (its accumulators: per-thread direction arrays or rows of its own).
   */
  record Jam(Node.Ref index, Statement.Loop inner, String innerIndex, Set<String> privates, Set<String> owned,
      Set<String> scratch, int streams) {}

  private final Statement.Loop loop;
  private final List<Statement> body;
  private final Map<String, Node> lets = new HashMap<>();
  private final Set<String> privates = new HashSet<>();
  private final Set<String> owned = new HashSet<>();
  private final Set<String> scratch = new HashSet<>();
  private Node.Ref index;

  private JamCheck(Statement.Loop loop) {
    this.loop = loop;
    this.body = loop.body();
  }

  /**
   * The plan for {@code block[at]}, or null when the loop is not of the shape or its iterations may
   * depend on each other; {@code method} is the whole body, {@code allocations} the method's
   * top-level {@code Let}s (where the direction arrays are allocated).
   */
  static Jam of(List<Statement> block, int at, List<Statement> method) {
    if (!(block.get(at) instanceof Statement.Loop loop)) {
      return null;
    }
    return new JamCheck(loop).check(block, at, method);
  }

  private Jam check(List<Statement> block, int at, List<Statement> method) {
    if (!(loop.condition() instanceof Node.Apply c && c.operator() == Op.LT && c.argument(0) instanceof Node.Ref i
        && i.type() == Type.INT && !body.isEmpty() && LaneLoopShape.isIncrement(loop, i))) {
      return null;
    }
    index = i;
    Statement.Loop inner = innerLoop();
    if (inner == null || !(inner.condition() instanceof Node.Apply ic && ic.operator() == Op.LT
        && ic.argument(0) instanceof Node.Ref j && LaneLoopShape.isIncrement(inner, j))) {
      return null;
    }
    declare(body);
    if (!privates.contains(j.name()) || !assignsOnlyPrivates(body.subList(0, body.size() - 1))
        || !memoryIsPerIteration(body) || !ownedAreFresh(block, at) || !scratchIsPrivate(method)) {
      return null;
    }
    return new Jam(index, inner, j.name(), privates, owned, scratch, streams(inner.body()));
  }

  /**
   * How many arrays the inner loop updates in its widest lane loops (all its stores if it has none):
   * a batch kernel's narrow loops over a block's points (a layer's value and sums, {@link PointLift})
   * cost little beside its sweep over all the rows' lanes.
   */
  private static int streams(List<Statement> inner) {
    Map<Integer, Set<String>> byWidth = new HashMap<>();
    for (int s = 0; s < inner.size(); s++) {
      if (LaneLoopShape.at(inner, s)) {
        Statement.Loop lanes = (Statement.Loop) inner.get(s + 2);
        int width = (int) ((Node.Const) ((Node.Apply) lanes.condition()).argument(1)).value();
        Walk.stores(lanes.body(), store -> byWidth.computeIfAbsent(width, w -> new HashSet<>())
            .add(String.valueOf(store.array())));
        s += 2;
      }
    }
    if (byWidth.isEmpty()) {
      Set<String> accumulators = new HashSet<>();
      Walk.stores(inner, store -> accumulators.add(String.valueOf(store.array())));
      return accumulators.size();
    }
    return byWidth.get(java.util.Collections.max(byWidth.keySet())).size();
  }

  /**
   * The one loop of the body that is not a direction loop; failing that, the one loop of direction-loop
   * shape that holds loops: a reduction over constantly many inputs, such as a first layer's sum over
   * the coordinates ({@code for (j = 0; j < 50; j++)} with {@code dim = 50}), whose units are jammed
   * like any layer's.
   */
  private Statement.Loop innerLoop() {
    Statement.Loop inner = null;
    List<Statement.Loop> constantReductions = new java.util.ArrayList<>();
    for (int s = 0; s < body.size(); s++) {
      if (LaneLoopShape.at(body, s)) {
        Statement.Loop lanes = (Statement.Loop) body.get(s + 2);
        if (lanes.body().stream().anyMatch(Statement.Loop.class::isInstance)) {
          constantReductions.add(lanes);
        }
        s += 2;
      } else if (body.get(s) instanceof Statement.Loop l) {
        if (inner != null) {
          return null;
        }
        inner = l;
      } else if (body.get(s) instanceof Statement.Branch) {
        return null;
      }
    }
    return inner == null && constantReductions.size() == 1 ? constantReductions.get(0) : inner;
  }

  private void declare(List<Statement> statements) {
    for (Statement s : statements) {
      if (s instanceof Statement.Let let) {
        privates.add(let.name());
        lets.put(let.name(), let.value());
      } else if (s instanceof Statement.Declare d) {
        privates.add(d.name());
      } else if (s instanceof Statement.Loop l) {
        declare(l.body());
      } else if (s instanceof Statement.Branch b) {
        declare(b.then());
        declare(b.otherwise());
      }
    }
  }

  private boolean assignsOnlyPrivates(List<Statement> statements) {
    for (Statement s : statements) {
      if (s instanceof Statement.Set set && !privates.contains(set.name())
          || s instanceof Statement.Loop l && !assignsOnlyPrivates(l.body())
          || s instanceof Statement.Branch b && !(assignsOnlyPrivates(b.then()) && assignsOnlyPrivates(b.otherwise()))) {
        return false;
      }
    }
    return true;
  }

  /** Classifies every store's array as owned (index i) or scratch; then checks the reads of owned arrays. */
  private boolean memoryIsPerIteration(List<Statement> statements) {
    for (Statement s : statements) {
      if (s instanceof Statement.Store store && !classify(store)
          || s instanceof Statement.Loop l && !memoryIsPerIteration(l.body())) {
        return false;
      }
    }
    if (statements != body) {
      return true;
    }
    boolean[] ok = {true};
    Walk.nodes(body, n -> {
      if (n instanceof Node.Apply a && a.operator() == Special.ARRAY_LOAD && a.argument(0) instanceof Node.Ref r
          && owned.contains(r.name()) && !atElement(a.argument(1))) {
        ok[0] = false; // another iteration's element
      }
    });
    return ok[0] && java.util.Collections.disjoint(owned, scratch);
  }

  private boolean classify(Statement.Store store) {
    Node array = store.array() instanceof Node.Ref r && lets.containsKey(r.name()) ? lets.get(r.name()) : store.array();
    if (array instanceof Node.Apply row && row.operator() == Special.ARRAY_LOAD && row.argument(0) instanceof Node.Ref m
        && row.argument(1).equals(index) && !privates.contains(m.name())) {
      owned.add(m.name()); // a row of element i
      return true;
    }
    if (!(array instanceof Node.Ref a) || privates.contains(a.name())) {
      return false;
    }
    (atElement(store.index()) ? owned : scratch).add(a.name());
    return true;
  }

  /**
   * Whether an array index is element i's: i itself, or, in a batch kernel of B points
   * ({@link PointLift}), i·B + p for the index p of a lane loop of at most B lanes.
   */
  private boolean atElement(Node at) {
    if (at.equals(index)) {
      return true;
    }
    return at instanceof Node.Apply add && add.operator() == Op.ADD && add.argument(0) instanceof Node.Apply mul
        && mul.operator() == Op.MUL && mul.argument(0).equals(index) && mul.argument(1) instanceof Node.Const width
        && add.argument(1) instanceof Node.Ref lane && laneBounds().getOrDefault(lane.name(), Integer.MAX_VALUE)
            <= width.value();
  }

  private Map<String, Integer> bounds;

  /** The index of every lane loop in the body, with its number of lanes. */
  private Map<String, Integer> laneBounds() {
    if (bounds == null) {
      bounds = new HashMap<>();
      collectBounds(body);
    }
    return bounds;
  }

  private void collectBounds(List<Statement> statements) {
    for (int s = 0; s < statements.size(); s++) {
      if (LaneLoopShape.at(statements, s)) {
        Statement.Loop lanes = (Statement.Loop) statements.get(s + 2);
        Node.Apply condition = (Node.Apply) lanes.condition();
        bounds.put(((Node.Ref) condition.argument(0)).name(), (int) ((Node.Const) condition.argument(1)).value());
      }
      if (statements.get(s) instanceof Statement.Loop l) {
        collectBounds(l.body());
      } else if (statements.get(s) instanceof Statement.Branch b) {
        collectBounds(b.then());
        collectBounds(b.otherwise());
      }
    }
  }

  /** Owned arrays are allocated in this block before the loop and not copied to another variable since. */
  private boolean ownedAreFresh(List<Statement> block, int at) {
    for (String array : owned) {
      int allocation = -1;
      for (int s = 0; s < at; s++) {
        if (block.get(s) instanceof Statement.Let let && let.name().equals(array)
            && let.value() instanceof Node.Apply a && (a.operator() == Special.NEW_ARRAY || a.operator() == Special.NEW_ROWS)) {
          allocation = s;
        }
      }
      if (allocation < 0 || Walk.aliases(block.subList(allocation + 1, at + 1), array)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Each scratch array is allocated at the top of the method, appears nowhere outside this loop, and
   * is overwritten by a direction loop before anything in the body reads it.
   */
  private boolean scratchIsPrivate(List<Statement> method) {
    for (String array : scratch) {
      boolean allocated = method.stream().anyMatch(s -> s instanceof Statement.Let let && let.name().equals(array)
          && let.value() instanceof Node.Apply a && a.operator() == Special.NEW_ARRAY);
      if (!allocated || Walk.mentions(method, array) != Walk.mentions(body, array) + 1 || !overwrittenFirst(array)) {
        return false;
      }
    }
    return true;
  }

  private boolean overwrittenFirst(String array) {
    for (int s = 0; s < body.size(); s++) {
      if (LaneLoopShape.at(body, s) && Walk.mentions(List.of(body.get(s + 2)), array) > 0) {
        return writtenFirst((Statement.Loop) body.get(s + 2), array, null);
      }
      if (Walk.mentions(List.of(body.get(s)), array) > 0) {
        return false;
      }
      if (LaneLoopShape.at(body, s)) {
        s += 2;
      }
    }
    return false;
  }

  /**
   * Whether the first statement of a lane loop that mentions {@code array} stores every lane of it
   * without reading it: at the loop's index d, or, for a loop over a block's points inside a loop
   * over directions ({@code outer}), at {@code outer·B + p} (a batch kernel's rows, {@link PointLift}).
   */
  private static boolean writtenFirst(Statement.Loop lanes, String array, Node.Ref outer) {
    Node.Apply condition = (Node.Apply) lanes.condition();
    Node.Ref d = (Node.Ref) condition.argument(0);
    List<Statement> statements = lanes.body();
    for (int s = 0; s < statements.size(); s++) {
      Statement statement = statements.get(s);
      if (statement instanceof Statement.Store store && store.array() instanceof Node.Ref r && r.name().equals(array)
          && coversLanes(store.index(), d, outer, condition.argument(1)) && !store.value().reads(Set.of(array))) {
        return true;
      }
      if (outer == null && LaneLoopShape.at(statements, s) && Walk.mentions(List.of(statements.get(s + 2)), array) > 0) {
        return writtenFirst((Statement.Loop) statements.get(s + 2), array, d);
      }
      if (Walk.mentions(List.of(statement), array) > 0) {
        return false;
      }
    }
    return false;
  }

  private static boolean coversLanes(Node index, Node.Ref d, Node.Ref outer, Node lanes) {
    if (outer == null) {
      return index.equals(d);
    }
    return index instanceof Node.Apply add && add.operator() == Op.ADD && add.argument(1).equals(d)
        && add.argument(0) instanceof Node.Apply mul && mul.operator() == Op.MUL && mul.argument(0).equals(outer)
        && mul.argument(1).equals(lanes);
  }
}

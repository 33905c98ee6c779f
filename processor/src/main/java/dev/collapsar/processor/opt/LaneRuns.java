package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.LaneTag;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.opt.LanePattern.Lane;
import dev.collapsar.processor.opt.LanePattern.LaneGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the runs of per-direction statements that {@link LaneRolling} turns into loops. */
final class LaneRuns {
  enum Kind { LET, DECLARE_SET, SET, STORE }

  /** The largest number of interleaved statements per lane (e.g. the K coefficients of one direction). */
  static final int MAX_PERIOD = 8;

  /** The longest run looked for (a bound on the search, far above any dimension in practice). */
  private static final int MAX_UNITS = 8192;

  /**
   * One statement of a lane's group of {@code period} statements: its kind, the names it defines in
   * each lane (LET, DECLARE_SET), its value (and, for stores, index into {@code array}), or the
   * rolled group it writes (SET); for a LET that later statements of the run read, the provisional
   * group they read it through, and whether nothing outside the run reads it (it can then stay a
   * local of the loop body).
   */
  record Position(Kind kind, List<String> names, LanePattern value, LanePattern index, Node array, LaneGroup target,
      LaneGroup provisional, boolean scoped) {}

  /**
   * A run: {@code lanes} repetitions of {@code positions.size()} statements (a period), {@code span}
   * statements in the block from {@code start}, in lane-major order as written.
   */
  record Run(int start, int span, int lanes, List<Position> positions) {}

  /** One statement, or a declaration with its first value, as a unit of a run. */
  private record Unit(Kind kind, int size, String name, Node value, Node index, Node array) {}

  /**
   * A later run of {@code group[k] = name_k} that the LET run can write in place of: the statements
   * {@code start + stride·k} (k below the lane count) copy a run's values back into {@code group}.
   */
  record Fusion(int start, int stride, LaneGroup group) {}

  /** Terms {@code start … start + lanes − 1} of a sum are the lanes of {@code pattern}. */
  record Window(int start, int lanes, LanePattern pattern) {}

  private final Map<String, Lane> members;
  private final Map<String, Integer> reads;
  private final Map<String, LaneTag> tags;

  LaneRuns(Map<String, Lane> members, Map<String, Integer> reads, Map<String, LaneTag> tags) {
    this.members = members;
    this.reads = reads;
    this.tags = tags;
  }

  /** The run starting at statement {@code i} with the shortest period, or null. */
  Run find(List<Statement> in, int i) {
    List<Unit> units = new ArrayList<>();
    int at = i;
    while (at < in.size() && units.size() < MAX_UNITS) {
      Unit u = unit(in, at);
      if (u == null) {
        break;
      }
      units.add(u);
      at += u.size();
    }
    for (int period = 1; period <= MAX_PERIOD && period * LaneRolling.MIN_LANES <= units.size(); period++) {
      Run run = run(in, i, units, period);
      if (run != null) {
        return run;
      }
    }
    return null;
  }

  private Run run(List<Statement> in, int i, List<Unit> units, int period) {
    int lanes = Integer.MAX_VALUE;
    LanePattern[] values = new LanePattern[period];
    LanePattern[] indices = new LanePattern[period];
    LaneGroup[] provisional = new LaneGroup[period];
    Map<String, Lane> scope = new HashMap<>(members);
    for (int p = 0; p < period; p++) {
      List<Unit> lane = new ArrayList<>();
      for (int k = p; k < units.size() && units.get(k).kind() == units.get(p).kind()
          && units.get(k).array() == units.get(p).array(); k += period) {
        lane.add(units.get(k));
      }
      List<Node> laneValues = lane.stream().map(Unit::value).toList();
      values[p] = pattern(laneValues, scope);
      int count = values[p] == null ? 0 : count(values[p], laneValues, scope);
      if (units.get(p).kind() == Kind.STORE) {
        List<Node> laneIndices = lane.stream().map(Unit::index).toList();
        indices[p] = pattern(laneIndices, scope);
        count = indices[p] == null || !LanePattern.varies(indices[p]) ? 0
            : Math.min(count, count(indices[p], laneIndices, scope));
      }
      lanes = Math.min(lanes, Math.min(count, admissible(lane, values[p])));
      if (units.get(p).kind() == Kind.LET && period > 1) {
        provisional[p] = new LaneGroup(null, lane.size());
        for (int k = 0; k < lane.size(); k++) {
          scope.put(lane.get(k).name(), new Lane(provisional[p], k));
        }
      }
    }
    if (lanes < LaneRolling.MIN_LANES) {
      return null;
    }
    Map<String, Integer> inside = new HashMap<>();
    int span = 0;
    for (int u = 0; u < lanes * period; u++) {
      span += units.get(u).size();
      count(units.get(u).value(), inside);
      if (units.get(u).index() != null) {
        count(units.get(u).index(), inside);
      }
    }
    List<Position> positions = new ArrayList<>();
    for (int p = 0; p < period; p++) {
      Unit first = units.get(p);
      List<String> names = new ArrayList<>();
      boolean scoped = provisional[p] != null;
      for (int k = 0; k < lanes; k++) {
        String name = units.get(p + k * period).name();
        names.add(name);
        scoped &= inside.getOrDefault(name, 0).equals(reads.getOrDefault(name, 0));
      }
      LaneGroup target = first.kind() == Kind.SET ? members.get(first.name()).group() : null;
      boolean defines = first.kind() == Kind.LET || first.kind() == Kind.DECLARE_SET;
      positions.add(new Position(first.kind(), defines ? names : null, values[p], indices[p], first.array(), target,
          provisional[p], scoped));
    }
    return new Run(i, span, lanes, positions);
  }

  /** How many leading lanes of one position may be rolled, whatever the patterns say. */
  private int admissible(List<Unit> lane, LanePattern value) {
    Unit first = lane.get(0);
    switch (first.kind()) {
      case LET:
        return value != null && LanePattern.varies(value) ? lane.size() : 0;
      case DECLARE_SET: {
        int n = lane.size();
        while (n >= LaneRolling.MIN_LANES && !laneNames(lane.subList(0, n).stream().map(Unit::name).toList())) {
          n--;
        }
        return n;
      }
      case SET: {
        Lane start = members.get(first.name());
        int n = 0;
        while (n < lane.size() && start != null && new Lane(start.group(), start.index() + n)
            .equals(members.get(lane.get(n).name())) && start.index() == 0) {
          n++;
        }
        return n;
      }
      default:
        return lane.size();
    }
  }

  private static Unit unit(List<Statement> in, int at) {
    Statement s = in.get(at);
    if (s instanceof Statement.Let let && let.value().type() == Type.DOUBLE) {
      return new Unit(Kind.LET, 1, let.name(), let.value(), null, null);
    }
    if (s instanceof Statement.Declare d && d.type() == Type.DOUBLE && at + 1 < in.size()
        && in.get(at + 1) instanceof Statement.Set set && set.name().equals(d.name())) {
      return new Unit(Kind.DECLARE_SET, 2, d.name(), set.value(), null, null);
    }
    if (s instanceof Statement.Set set && set.value().type() == Type.DOUBLE) {
      return new Unit(Kind.SET, 1, set.name(), set.value(), null, null);
    }
    if (s instanceof Statement.Store store) {
      return new Unit(Kind.STORE, 1, null, store.value(), store.index(), store.array());
    }
    return null;
  }

  /**
   * Whether a position of a run may write straight into the rolled group that its values are
   * copied back into afterwards ({@code s_x0_2 = s_x0_3; …}, a loop-carried jet): the copies follow
   * the run, interleaved like its positions, nothing between reads or writes the group, each lane
   * reads the group at its own lane or later, and no other position reads the group at all.
   */
  Fusion fusion(Run run, List<Statement> in, Position position) {
    if (position.kind() != Kind.LET) {
      return null;
    }
    List<String> names = position.names();
    int stride = run.positions().size();
    for (int j = run.start() + run.span(); j < in.size(); j++) {
      if (!(in.get(j) instanceof Statement.Set set) || !isRef(set.value(), names.get(0))) {
        continue;
      }
      Lane lane = members.get(set.name());
      if (lane == null || lane.index() != 0 || lane.group().size() != run.lanes()
          || j + stride * (run.lanes() - 1) >= in.size()) {
        return null;
      }
      for (int k = 0; k < run.lanes(); k++) {
        String name = names.get(k);
        if (!(in.get(j + stride * k) instanceof Statement.Set sk) || !isRef(sk.value(), name)
            || !new Lane(lane.group(), k).equals(members.get(sk.name())) || reads.getOrDefault(name, 0) != 1) {
          return null;
        }
      }
      for (Position other : run.positions()) {
        if (other != position && readsGroup(other.value(), lane.group())) {
          return null;
        }
      }
      if (!untouched(lane.group(), in.subList(run.start() + run.span(), j)) || !readsAtOrAfter(position.value(), lane.group())) {
        return null;
      }
      return new Fusion(j, stride, lane.group());
    }
    return null;
  }

  private static boolean readsGroup(LanePattern p, LaneGroup group) {
    if (p instanceof LanePattern.Member m) {
      return m.group() == group;
    }
    if (p instanceof LanePattern.Apply a) {
      for (LanePattern q : a.arguments()) {
        if (readsGroup(q, group)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first window of at least MIN_LANES consecutive terms that are lanes of one pattern over rolled groups. */
  Window window(List<Node> terms) {
    for (int s = 0; s + LaneRolling.MIN_LANES <= terms.size(); s++) {
      List<Node> rest = terms.subList(s, terms.size());
      LanePattern p = pattern(rest);
      if (p != null && LanePattern.readsMembers(p)) {
        int lanes = count(p, rest);
        if (lanes >= LaneRolling.MIN_LANES) {
          return new Window(s, lanes, p);
        }
      }
    }
    return null;
  }

  /** The terms of a left-nested sum ((t0 + t1) + t2) + …, in order. */
  static List<Node> terms(Node.Apply sum) {
    List<Node> reversed = new ArrayList<>();
    Node n = sum;
    while (n instanceof Node.Apply a && a.operator() == Op.ADD && a.type() == Type.DOUBLE) {
      reversed.add(a.argument(1));
      n = a.argument(0);
    }
    reversed.add(n);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  /** {@code s_x0_3, s_x1_3, …} → {@code s_x_3_lanes}: the name of their lane family ({@code lanes} if they have none). */
  String groupName(List<String> names) {
    return laneNames(names) ? tags.get(names.get(0)).family() + "_lanes" : "lanes";
  }

  /**
   * Whether the Taylor stage tagged the locals as lanes of one family whose direction steps by the
   * same amount from local to local.
   */
  private boolean laneNames(List<String> names) {
    if (names.size() < 2) {
      return false;
    }
    LaneTag first = tags.get(names.get(0));
    LaneTag second = tags.get(names.get(1));
    if (first == null || second == null || !first.family().equals(second.family()) || first.index() == second.index()) {
      return false;
    }
    int step = second.index() - first.index();
    for (int k = 2; k < names.size(); k++) {
      LaneTag tag = tags.get(names.get(k));
      if (tag == null || !tag.family().equals(first.family()) || tag.index() != first.index() + step * k) {
        return false;
      }
    }
    return true;
  }

  private LanePattern pattern(List<Node> values) {
    return pattern(values, members);
  }

  private static LanePattern pattern(List<Node> values, Map<String, Lane> scope) {
    return values.size() < 2 ? null : LanePattern.learn(values.get(0), values.get(1), scope);
  }

  /** How many leading values are lanes 0, 1, 2, … of {@code p}. */
  private int count(LanePattern p, List<Node> values) {
    return count(p, values, members);
  }

  private static int count(LanePattern p, List<Node> values, Map<String, Lane> scope) {
    int k = 0;
    while (k < values.size() && LanePattern.matches(p, values.get(k), k, scope)) {
      k++;
    }
    return k;
  }

  private boolean untouched(LaneGroup group, List<Statement> between) {
    Set<String> names = new java.util.HashSet<>();
    members.forEach((name, lane) -> {
      if (lane.group() == group) {
        names.add(name);
      }
    });
    Map<String, Integer> used = readCounts(between);
    for (Statement s : between) {
      if (s instanceof Statement.Set set && names.contains(set.name()) || !(s instanceof Statement.Let
          || s instanceof Statement.Set || s instanceof Statement.Comment)) {
        return false;
      }
    }
    return names.stream().noneMatch(used::containsKey);
  }

  private static boolean readsAtOrAfter(LanePattern p, LaneGroup group) {
    if (p instanceof LanePattern.Member m) {
      return m.group() != group || m.offset() >= 0 && m.stride() >= 1;
    }
    if (p instanceof LanePattern.Apply a) {
      for (LanePattern q : a.arguments()) {
        if (!readsAtOrAfter(q, group)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isRef(Node n, String name) {
    return n instanceof Node.Ref r && r.name().equals(name);
  }

  /** How often each name is read, over all statements and nested bodies (and {@code outputs}). */
  static Map<String, Integer> readCounts(List<Statement> body, Node... outputs) {
    Map<String, Integer> counts = new HashMap<>();
    forEachNode(body, n -> count(n, counts));
    for (Node output : outputs) {
      count(output, counts);
    }
    return counts;
  }

  /** Every name declared or read anywhere in the body, into {@code names}. */
  static void names(List<Statement> body, Set<String> names) {
    names.addAll(readCounts(body).keySet());
    for (Statement s : body) {
      if (s instanceof Statement.Let let) {
        names.add(let.name());
      } else if (s instanceof Statement.Declare d) {
        names.add(d.name());
      } else if (s instanceof Statement.Branch b) {
        names(b.then(), names);
        names(b.otherwise(), names);
      } else if (s instanceof Statement.Loop loop) {
        names(loop.body(), names);
      }
    }
  }

  private static void count(Node n, Map<String, Integer> counts) {
    if (n instanceof Node.Ref r) {
      counts.merge(r.name(), 1, Integer::sum);
    } else if (n instanceof Node.Apply a) {
      for (int i = 0; i < a.arity(); i++) {
        count(a.argument(i), counts);
      }
    }
  }

  private static void forEachNode(List<Statement> body, java.util.function.Consumer<Node> visit) {
    for (Statement s : body) {
      if (s instanceof Statement.Let let) {
        visit.accept(let.value());
      } else if (s instanceof Statement.Set set) {
        visit.accept(set.value());
      } else if (s instanceof Statement.Store store) {
        visit.accept(store.array());
        visit.accept(store.index());
        visit.accept(store.value());
      } else if (s instanceof Statement.Branch b) {
        visit.accept(b.condition());
        forEachNode(b.then(), visit);
        forEachNode(b.otherwise(), visit);
      } else if (s instanceof Statement.Loop loop) {
        visit.accept(loop.condition());
        forEachNode(loop.body(), visit);
      }
    }
  }
}

package dev.collapsar.processor.opt;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the runs of per-direction statements that {@link LaneRolling} turns into loops. */
final class LaneRuns {
  enum Kind { LET, DECLARE_SET, SET, STORE }

  /**
   * A run: {@code lanes} statements ({@code span} in the block) sharing {@code value} (and, for
   * stores, {@code index} into {@code array}); LET and DECLARE_SET define {@code names}, SET writes
   * the rolled group {@code target}.
   */
  record Run(Kind kind, int start, int span, int lanes, List<String> names, LanePattern value, LanePattern index,
      Node array, LaneGroup target) {}

  /** A later run of {@code group[k] = name_k} that the LET run can write in place of. */
  record Fusion(int start, int span, LaneGroup group) {}

  /** Terms {@code start … start + lanes − 1} of a sum are the lanes of {@code pattern}. */
  record Window(int start, int lanes, LanePattern pattern) {}

  private static final Pattern LANE_NAME = Pattern.compile("^(.*?[a-zA-Z_])(\\d+)(_\\d+)?$");

  private final Map<String, Lane> members;
  private final Map<String, Integer> reads;

  LaneRuns(Map<String, Lane> members, Map<String, Integer> reads) {
    this.members = members;
    this.reads = reads;
  }

  Run find(List<Statement> in, int i) {
    Statement s = in.get(i);
    if (s instanceof Statement.Let) {
      return lets(in, i);
    }
    if (s instanceof Statement.Declare) {
      return declareSets(in, i);
    }
    if (s instanceof Statement.Set) {
      return sets(in, i);
    }
    return s instanceof Statement.Store ? stores(in, i) : null;
  }

  private Run lets(List<Statement> in, int i) {
    List<Node> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int k = i; k < in.size() && in.get(k) instanceof Statement.Let let && let.value().type() == Type.DOUBLE; k++) {
      values.add(let.value());
      names.add(let.name());
    }
    LanePattern p = pattern(values);
    int lanes = p == null ? 0 : count(p, values);
    if (lanes < LaneRolling.MIN_LANES || !LanePattern.varies(p)) {
      return null;
    }
    return new Run(Kind.LET, i, lanes, lanes, names.subList(0, lanes), p, null, null, null);
  }

  private Run declareSets(List<Statement> in, int i) {
    List<Node> values = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int k = i; k + 1 < in.size() && in.get(k) instanceof Statement.Declare d && d.type() == Type.DOUBLE
        && in.get(k + 1) instanceof Statement.Set set && set.name().equals(d.name()); k += 2) {
      values.add(set.value());
      names.add(d.name());
    }
    LanePattern p = pattern(values);
    int lanes = p == null ? 0 : count(p, values);
    while (lanes >= LaneRolling.MIN_LANES && !laneNames(names.subList(0, lanes))) {
      lanes--;
    }
    if (lanes < LaneRolling.MIN_LANES) {
      return null;
    }
    return new Run(Kind.DECLARE_SET, i, 2 * lanes, lanes, names.subList(0, lanes), p, null, null, null);
  }

  private Run sets(List<Statement> in, int i) {
    Lane first = in.get(i) instanceof Statement.Set set ? members.get(set.name()) : null;
    if (first == null || first.index() != 0) {
      return null;
    }
    List<Node> values = new ArrayList<>();
    for (int k = i; k < in.size() && in.get(k) instanceof Statement.Set set && members.get(set.name()) != null
        && members.get(set.name()).group() == first.group() && members.get(set.name()).index() == k - i; k++) {
      values.add(set.value());
    }
    LanePattern p = pattern(values);
    int lanes = p == null ? 0 : count(p, values);
    return lanes < LaneRolling.MIN_LANES ? null : new Run(Kind.SET, i, lanes, lanes, null, p, null, null, first.group());
  }

  private Run stores(List<Statement> in, int i) {
    Node array = ((Statement.Store) in.get(i)).array();
    List<Node> indices = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    for (int k = i; k < in.size() && in.get(k) instanceof Statement.Store store && store.array() == array; k++) {
      indices.add(store.index());
      values.add(store.value());
    }
    LanePattern index = pattern(indices);
    LanePattern value = pattern(values);
    if (index == null || value == null || !LanePattern.varies(index)) {
      return null;
    }
    int lanes = Math.min(count(index, indices), count(value, values));
    return lanes < LaneRolling.MIN_LANES ? null : new Run(Kind.STORE, i, lanes, lanes, null, value, index, array, null);
  }

  /**
   * The later run {@code group[k] = name_k} (k = 0…lanes−1) of the LET run's names, when the LET
   * run may write the group directly: each name is read only there, nothing in between touches the
   * group, and lane k reads the group only at k or later (not yet overwritten, as before).
   */
  Fusion fusion(Run run, List<Statement> in) {
    for (int j = run.start() + run.span(); j < in.size(); j++) {
      if (!(in.get(j) instanceof Statement.Set set) || !isRef(set.value(), run.names().get(0))) {
        continue;
      }
      Lane lane = members.get(set.name());
      if (lane == null || lane.index() != 0 || lane.group().size() != run.lanes() || j + run.lanes() > in.size()) {
        return null;
      }
      for (int k = 0; k < run.lanes(); k++) {
        String name = run.names().get(k);
        if (!(in.get(j + k) instanceof Statement.Set sk) || !isRef(sk.value(), name)
            || !new Lane(lane.group(), k).equals(members.get(sk.name())) || reads.getOrDefault(name, 0) != 1) {
          return null;
        }
      }
      if (!untouched(lane.group(), in.subList(run.start() + run.span(), j)) || !readsAtOrAfter(run.value(), lane.group())) {
        return null;
      }
      return new Fusion(j, run.lanes(), lane.group());
    }
    return null;
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

  /** {@code s_x0_3, s_x1_3, …} → {@code s_x_3}: the name without its lane number. */
  static String groupName(List<String> names) {
    Matcher m = LANE_NAME.matcher(names.get(0));
    return m.matches() ? m.group(1) + (m.group(3) == null ? "" : m.group(3)) + "_lanes" : "lanes";
  }

  private static boolean laneNames(List<String> names) {
    Matcher first = LANE_NAME.matcher(names.get(0));
    if (!first.matches()) {
      return false;
    }
    int start = Integer.parseInt(first.group(2));
    String suffix = first.group(3) == null ? "" : first.group(3);
    for (int k = 1; k < names.size(); k++) {
      if (!names.get(k).equals(first.group(1) + (start + k) + suffix)) {
        return false;
      }
    }
    return true;
  }

  private LanePattern pattern(List<Node> values) {
    return values.size() < 2 ? null : LanePattern.learn(values.get(0), values.get(1), members);
  }

  /** How many leading values are lanes 0, 1, 2, … of {@code p}. */
  private int count(LanePattern p, List<Node> values) {
    int k = 0;
    while (k < values.size() && LanePattern.matches(p, values.get(k), k, members)) {
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

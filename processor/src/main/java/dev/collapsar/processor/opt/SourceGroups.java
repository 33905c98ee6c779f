package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The independent parts of a jammed lane loop: the updates {@code a[d] = a[d] + t·v[d] + t'·v'[d]}
 * grouped with the locals they read ({@code double v = r[d]}), two updates in one group when they read
 * a local in common. Two units of a layer jammed over a jet of three rows per unit give three groups,
 * one per row, each updating both units' accumulators from the same two source rows.
 *
 * <p>A loop qualifies when its body is only lets and stores at the index, every array element read at
 * the index, it has more than {@link LaneFission#STREAMS} stores, at least one group has two, and no
 * group reads or writes an array another group writes: the groups then touch disjoint memory, and
 * running them one after the other, each as a loop of its own, computes the same values.
 */
final class SourceGroups {
  private SourceGroups() {}

  /** The groups of {@code loop}'s body in their order, each in its statements' order; null if it does not qualify. */
  static List<List<Statement>> of(Statement.Loop loop, String index) {
    List<Statement> body = loop.body().subList(0, loop.body().size() - 1);
    long stores = body.stream().filter(s -> s instanceof Statement.Store).count();
    if (stores <= LaneFission.STREAMS || !onlyAtIndex(body, index)) {
      return null;
    }
    int[] parent = new int[body.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    Map<String, Integer> letAt = new HashMap<>();
    for (int i = 0; i < body.size(); i++) {
      Set<String> read = new HashSet<>();
      roots(body.get(i)).forEach(n -> n.readNames(read));
      for (String name : read) {
        Integer let = letAt.get(name);
        if (let != null) {
          union(parent, let, i);
        }
      }
      if (body.get(i) instanceof Statement.Let let) {
        letAt.put(let.name(), i);
      }
    }
    Map<Integer, List<Statement>> groups = new java.util.LinkedHashMap<>();
    for (int i = 0; i < body.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(body.get(i));
    }
    List<List<Statement>> out = new ArrayList<>(groups.values());
    boolean shared = out.stream().anyMatch(g -> g.stream().filter(s -> s instanceof Statement.Store).count() > 1);
    return out.size() > 1 && shared && disjoint(out) ? out : null;
  }

  /** Only lets and stores, every store at the index, every double element read at the index. */
  private static boolean onlyAtIndex(List<Statement> body, String index) {
    for (Statement s : body) {
      if (s instanceof Statement.Store store) {
        if (!(store.array() instanceof Node.Ref) || !isIndex(store.index(), index)) {
          return false;
        }
      } else if (!(s instanceof Statement.Let)) {
        return false;
      }
      for (Node root : roots(s)) {
        boolean[] ok = {true};
        Walk.nodes(List.of(new Statement.Let("", root)), n -> {
          if (n instanceof Node.Apply load && load.operator() == Special.ARRAY_LOAD && load.type().isReal()
              && !isIndex(load.argument(1), index)) {
            ok[0] = false;
          }
        });
        if (!ok[0]) {
          return false;
        }
      }
    }
    return true;
  }

  /** No group reads or writes an array that another group writes. */
  private static boolean disjoint(List<List<Statement>> groups) {
    List<Set<String>> written = new ArrayList<>();
    List<Set<String>> touched = new ArrayList<>();
    for (List<Statement> group : groups) {
      Set<String> w = new HashSet<>();
      Set<String> t = new HashSet<>();
      for (Statement s : group) {
        if (s instanceof Statement.Store store) {
          w.add(((Node.Ref) store.array()).name());
        }
        roots(s).forEach(n -> n.readNames(t));
      }
      t.addAll(w);
      written.add(w);
      touched.add(t);
    }
    for (int a = 0; a < groups.size(); a++) {
      for (int b = 0; b < groups.size(); b++) {
        if (a != b && !java.util.Collections.disjoint(written.get(a), touched.get(b))) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<Node> roots(Statement s) {
    if (s instanceof Statement.Let let) {
      return List.of(let.value());
    }
    Statement.Store store = (Statement.Store) s;
    return List.of(store.array(), store.index(), store.value());
  }

  private static boolean isIndex(Node node, String index) {
    return node instanceof Node.Ref ref && ref.name().equals(index);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}

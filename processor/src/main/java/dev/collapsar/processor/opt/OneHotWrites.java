package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps one-hot seeds sparse on a lane axis. A network's first layer sums its coordinates' seeds,
 * {@code s_x = e_0·w_0; s_x_2 = s_x + e_1·w_1; …}: written lane by lane that is R selects per
 * coordinate. Here the chain becomes one array, zeroed once, and one scalar write per coordinate
 * ({@code s_x[1] = s_x[1] + w_1}) — the work the per-direction statements of the seeds did. A link
 * joins the chain only if nothing else reads the link before it; lane k gets exactly the value it had
 * ({@code 0 + w} is {@code w}).
 */
final class OneHotWrites {
  private final NodeFactory nodes;
  private final Map<String, Integer> reads;
  /** A link of a chain → the chain's array. */
  private final Map<String, String> chains = new HashMap<>();

  private OneHotWrites(NodeFactory nodes, Map<String, Integer> reads) {
    this.nodes = nodes;
    this.reads = reads;
  }

  /** The body with its one-hot chains written sparsely, and {@code widths} told of their arrays. */
  static Optimizer.Result apply(NodeFactory nodes, Optimizer.Result body, Map<String, Integer> widths) {
    OneHotWrites pass = new OneHotWrites(nodes, Walk.readCounts(body.body(), body.outputs().toArray(Node[]::new)));
    List<Statement> rewritten = pass.block(body.body(), widths);
    if (pass.chains.isEmpty()) {
      return body;
    }
    Renaming renaming = new Renaming(pass.renames(), Map.of(), nodes);
    return new Optimizer.Result(renaming.statements(rewritten), body.outputs().stream().map(renaming::node).toList());
  }

  private Map<String, String> renames() {
    Map<String, String> renames = new HashMap<>();
    chains.forEach((link, array) -> {
      if (!link.equals(array)) {
        renames.put(link, array);
      }
    });
    return renames;
  }

  private List<Statement> block(List<Statement> in, Map<String, Integer> widths) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : in) {
      if (s instanceof Statement.Let let && let.value().type() == Type.LANES && link(let, out, widths)) {
        continue;
      }
      if (s instanceof Statement.Loop loop) {
        out.add(new Statement.Loop(loop.condition(), block(loop.body(), widths)));
      } else if (s instanceof Statement.Branch b) {
        out.add(new Statement.Branch(b.condition(), block(b.then(), widths), block(b.otherwise(), widths)));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** Writes {@code let} as a start or a link of a chain; false if it is neither. */
  private boolean link(Statement.Let let, List<Statement> out, Map<String, Integer> widths) {
    Node value = let.value();
    List<Node.Apply> hots = oneHots(value);
    if (hots != null) {
      String array = let.name();
      chains.put(array, array);
      widths.put(array, Lanes.intArgument(hots.get(0), 1));
      out.add(new Statement.Declare(array, Type.LANES));
      out.add(new Statement.Set(array, nodes.number(0)));
      for (Node.Apply hot : hots) {
        out.add(write(array, hot, false));
      }
      return true;
    }
    if (value instanceof Node.Apply add && add.operator() == Op.ADD) {
      for (int i = 0; i < 2; i++) {
        hots = oneHots(add.argument(1 - i));
        if (add.argument(i) instanceof Node.Ref previous && chains.containsKey(previous.name())
            && reads.getOrDefault(previous.name(), 0) == 1 && hots != null) {
          String array = chains.get(previous.name());
          chains.put(let.name(), array);
          for (Node.Apply hot : hots) {
            out.add(write(array, hot, true));
          }
          return true;
        }
      }
    }
    return false;
  }

  /** {@code array[k] = v} or {@code array[k] = array[k] + v}. */
  private Statement write(String array, Node.Apply hot, boolean add) {
    Node ref = nodes.ref(array, Type.DOUBLE_ARRAY);
    Node k = hot.argument(0);
    Node value = hot.argument(2);
    if (add) {
      value = nodes.apply(Type.DOUBLE, Op.ADD, nodes.apply(Type.DOUBLE, Special.ARRAY_LOAD, ref, k), value);
    }
    return new Statement.Store(ref, k, value);
  }

  /**
   * The one-hot values {@code node} sums, in different lanes (so that writing them one by one adds
   * nothing twice to a lane, in an order the per-lane sum did not have); null if it is not such a sum.
   */
  private static List<Node.Apply> oneHots(Node node) {
    List<Node.Apply> hots = new ArrayList<>();
    if (!collect(node, hots)) {
      return null;
    }
    java.util.Set<Double> lanes = new java.util.HashSet<>();
    for (Node.Apply hot : hots) {
      if (hots.size() > 1 && !(hot.argument(0) instanceof Node.Const k && lanes.add(k.value()))) {
        return null;
      }
    }
    return hots;
  }

  private static boolean collect(Node node, List<Node.Apply> hots) {
    if (node instanceof Node.Apply a && a.operator() == Special.ONE_HOT) {
      hots.add(a);
      return true;
    }
    return node instanceof Node.Apply add && add.operator() == Op.ADD && add.type() == Type.LANES
        && collect(add.argument(0), hots) && collect(add.argument(1), hots);
  }
}

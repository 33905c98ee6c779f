package dev.collapsar.processor.taylor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.opt.FoldingAlgebra;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rolled jet group lives on a lane axis: the Taylor stage computes each of its coefficients once,
 * as a node with a value per lane, instead of once per direction. Seeds get one lane form per
 * coordinate (the same node, a one-hot constant, or an expression in the lane index); a rule runs
 * once; the collapsed sum is one lane sum; the binder names one local per order for all lanes.
 */
class LaneAxisTest {
  private final NodeFactory nodes = new NodeFactory();
  private final FoldingAlgebra alg = new FoldingAlgebra(nodes);

  @Test
  void seedsHaveALaneForm() {
    Node c = nodes.ref("c", Type.DOUBLE);
    assertSame(c, LaneVectors.template(alg, List.of(c, c, c)), "the same node in every lane");
    Node hot = LaneVectors.template(alg, List.of(alg.zero(), alg.one(), alg.zero()));
    assertEquals(Special.ONE_HOT, ((Node.Apply) hot).operator(), "a basis vector");
    assertEquals(1, (int) ((Node.Const) ((Node.Apply) hot).argument(0)).value());
    Node v = nodes.ref("v", Type.DOUBLE_MATRIX);
    List<Node> column = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      column.add(alg.arrayLoad(alg.arrayLoad(v, nodes.constant(d, Type.INT)), nodes.constant(4, Type.INT)));
    }
    Node lane = LaneVectors.template(alg, column);
    assertEquals(alg.arrayLoad(alg.arrayLoad(v, Lanes.index(nodes, 3)), nodes.constant(4, Type.INT)), lane,
        "v[d][4] is v[LANE][4]");
    assertEquals(Type.LANES, lane.type());
    assertNull(LaneVectors.template(alg, List.of(alg.one(), alg.num(2), alg.zero())), "no form: stored in a row");
  }

  @Test
  void aRuleRunsOnceForAllLanesAndTheCollapsedSumIsOneLaneSum() {
    JetLayout layout = new JetLayout(List.of(new JetLayout.Group(2, true, List.of("x0", "x1", "x2", "x3", "x4",
        "x5", "x6", "x7"), java.util.Collections.nCopies(8, alg.one()), "lap")), true);
    JetArithmetic jets = new JetArithmetic(alg, layout, new Node[] {alg.one()});
    Node row = alg.arrayLoad(nodes.ref("h_d1", Type.DOUBLE_MATRIX), nodes.ref("j", Type.INT));
    Node lanes = nodes.apply(Type.LANES, Special.ARRAY_LOAD, row, Lanes.index(nodes, 8));
    Jet x = jets.input(nodes.ref("h", Type.DOUBLE), new Node[][] {{lanes}}, new Node[][] {{null}},
        new Node[] {alg.zero()});
    Jet square = jets.mul(x, x);
    assertEquals(1, square.directions(0), "one coefficient for all eight directions");
    assertEquals(Type.LANES, square.coefficient(0, 0, 1).type());
    Node sum = square.sum(0);
    boolean[] laneSum = {false};
    new java.util.ArrayDeque<>(List.of(sum)).forEach(n -> laneSum[0] |= contains(n, Special.LANE_SUM));
    assertEquals(true, laneSum[0], "Σ_d 2·x_d·x_d as one lane sum: " + sum);
  }

  @Test
  void theBinderNamesOneLocalPerOrderForAllLanes() {
    JetLayout layout = new JetLayout(List.of(new JetLayout.Group(3, true, List.of("x0", "x1", "x2", "x3", "x4",
        "x5", "x6", "x7"), java.util.Collections.nCopies(8, alg.one()), "op")), true);
    Binder binder = new Binder(nodes, new NameAllocator(), layout);
    Node lanes = nodes.apply(Type.LANES, Special.ARRAY_LOAD, nodes.ref("r", Type.DOUBLE_ARRAY), Lanes.index(nodes, 8));
    Jet jet = new Jet(nodes.ref("p", Type.DOUBLE), new Node[][][] {{{alg.mul(lanes, nodes.ref("a", Type.DOUBLE)),
        alg.mul(lanes, lanes)}}}, new Node[] {nodes.ref("q", Type.DOUBLE)});
    List<Statement> out = new ArrayList<>();
    binder.bind("s", jet, out);
    assertEquals(List.of("s_x", "s_x_2"), out.stream().map(st -> ((Statement.Let) st).name()).toList());
    assertEquals(8, binder.laneWidth("s_x"));
    assertEquals(Type.LANES, binder.type(new Jet.Component(0, 0, 1, false)));
  }

  private static boolean contains(Node n, Special operator) {
    return n instanceof Node.Apply a && (a.operator() == operator
        || a.arguments().stream().anyMatch(child -> contains(child, operator)));
  }
}

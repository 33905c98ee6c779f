package dev.collapsar.processor.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.collapsar.processor.ir.Lanes;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Special;
import dev.collapsar.processor.ir.Type;
import org.junit.jupiter.api.Test;

/**
 * A one-hot seed stays one value on a lane axis: a factor that is the same in every lane moves onto
 * it, two in the same lane add or multiply into one, two in different lanes multiply to a structural
 * zero, and the sum over the lanes is the one value (every other term is an exact zero).
 */
class OneHotsTest {
  private final NodeFactory nodes = new NodeFactory();
  private final FoldingAlgebra alg = new FoldingAlgebra(nodes);
  private final Node a = nodes.ref("a", Type.DOUBLE);
  private final Node b = nodes.ref("b", Type.DOUBLE);

  private Node hot(int k, Node value) {
    return Lanes.oneHot(nodes, nodes.constant(k, Type.INT), 8, value);
  }

  @Test
  void aScalarFactorMovesOntoTheOneLane() {
    assertSame(hot(3, alg.mul(b, a)), alg.mul(b, hot(3, a)));
    assertSame(hot(3, alg.div(a, b)), alg.div(hot(3, a), b));
    assertSame(hot(3, alg.neg(a)), alg.neg(hot(3, a)));
    assertSame(alg.zero(), alg.mul(alg.zero(), hot(3, a)), "0·x is a structural zero");
  }

  @Test
  void twoInOneLaneCombineAndTwoInDifferentLanesMultiplyToZero() {
    assertSame(hot(2, alg.add(a, b)), alg.add(hot(2, a), hot(2, b)));
    assertSame(hot(2, alg.mul(a, b)), alg.mul(hot(2, a), hot(2, b)));
    assertSame(alg.zero(), alg.mul(hot(2, a), hot(5, b)));
    Node apart = alg.add(hot(2, a), hot(5, b));
    assertEquals(Type.LANES, apart.type(), "two lanes stay a sum");
  }

  @Test
  void theSumOverTheLanesIsTheOneValue() {
    assertSame(a, alg.laneSum(hot(6, a), 8));
    Node dense = nodes.apply(Type.LANES, Special.ARRAY_LOAD, nodes.ref("r", Type.DOUBLE_ARRAY), Lanes.index(nodes, 8));
    assertEquals(Special.LANE_SUM, ((Node.Apply) alg.laneSum(dense, 8)).operator());
  }
}

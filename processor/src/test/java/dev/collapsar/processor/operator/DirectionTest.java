package dev.collapsar.processor.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Directions are sparse values; the accumulator merges them at canonical scale. */
class DirectionTest {

  @Test
  void sparseValueSemantics() {
    Direction v = Direction.of(Map.of(3, 2.0, 1, -1.0, 0, 0.0));
    assertEquals(2, v.nonZeros());
    assertArrayEquals(new int[] {1, 3}, v.indices());
    assertEquals(-1, v.componentAt(1));
    assertEquals(0, v.componentAt(2));
    assertArrayEquals(new double[] {0, -1, 0, 2}, v.toDense(4));
    assertEquals(Direction.dense(0, -1, 0, 2), v);
    assertEquals(Direction.dense(0, -1, 0, 2).hashCode(), v.hashCode());
    assertNotEquals(Direction.dense(0, 1, 0, 2), v);
    assertEquals("-e1 + 2e3", v.toString());
    assertTrue(Direction.basis(2).isBasis());
    assertFalse(v.isBasis());
  }

  @Test
  void accumulatorScalesToCanonicalFormAndMerges() {
    DirectionAccumulator fourth = new DirectionAccumulator(4);
    fourth.add(Direction.dense(4, 0), Coefficient.of(new BigFraction(1, 256)));
    fourth.add(Direction.basis(0), Coefficient.ONE);
    fourth.add(Direction.dense(-2, -2), Coefficient.ONE);
    assertEquals(List.of(new WeightedDirection(Direction.basis(0), Coefficient.of(2)),
        new WeightedDirection(Direction.dense(1, 1), Coefficient.of(16))), fourth.directions());

    DirectionAccumulator third = new DirectionAccumulator(3);
    third.add(Direction.dense(-1, 2), Coefficient.ONE);
    assertEquals(List.of(new WeightedDirection(Direction.dense(1, -2), Coefficient.of(-1))), third.directions());
  }

  @Test
  void cancellingWeightsDropTheDirection() {
    DirectionAccumulator second = new DirectionAccumulator(2);
    second.add(Direction.dense(1, 1), Coefficient.of(1));
    second.add(Direction.dense(-1, -1), Coefficient.of(-1));
    second.add(Direction.dense(0, 0), Coefficient.of(7));
    assertEquals(List.of(), second.directions());
  }
}

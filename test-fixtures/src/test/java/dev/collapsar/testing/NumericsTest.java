package dev.collapsar.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumericsTest {

  @Test
  void theToleranceIsAbsolutePlusRelative() {
    // allowed: 0.5 + 0.1 × 10 = 1.5 (values chosen to be exact in binary)
    Numerics.assertClose(10, 11.5, 0.125, 0.25, "edge");
    Numerics.assertClose(10, 8.5, 0.125, 0.25, "edge below");
    assertThrows(AssertionError.class, () -> Numerics.assertClose(10, 11.5 + 1e-9, 0.125, 0.25, "just outside"));
    Numerics.assertClose(0, 1e-13, 0.5, 1e-12, "near zero, only absTol helps");
    assertThrows(AssertionError.class, () -> Numerics.assertClose(0, 1e-11, 0.5, 1e-12, "near zero"));
  }

  @Test
  void theMessageShowsValuesErrorAndTolerances() {
    AssertionError e = assertThrows(AssertionError.class, () -> Numerics.assertClose(2, 3, 0.25, 0.125, "Δu at p"));
    assertEquals("Δu at p: expected 2.0 but was 3.0 (error 1.0, relative 0.5; allowed 0.625 = absTol 0.125"
        + " + relTol 0.25 × |expected|)", e.getMessage());
  }

  @Test
  void nanAndInfinities() {
    Numerics.assertClose(Double.NaN, Double.NaN, 0, 0, "NaN matches NaN");
    Numerics.assertClose(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0, "∞");
    assertThrows(AssertionError.class, () -> Numerics.assertClose(1, Double.NaN, 1, 1, "NaN never passes"));
    assertThrows(AssertionError.class, () -> Numerics.assertClose(Double.NaN, 1, 1, 1, "nor the reverse"));
    assertThrows(AssertionError.class,
        () -> Numerics.assertClose(Double.POSITIVE_INFINITY, 1e308, 1, 1, "∞ is not close to a finite value"));
  }

  @Test
  void arraysAreComparedElementByElement() {
    Numerics.assertArrayClose(new double[] {1, 2}, new double[] {1, 2 + 1e-13}, 1e-12, 0, "v");
    AssertionError e = assertThrows(AssertionError.class,
        () -> Numerics.assertArrayClose(new double[] {1, 2}, new double[] {1, 2.1}, 1e-12, 0, "v"));
    assertTrue(e.getMessage().startsWith("v[1]: expected 2.0 but was 2.1"), e.getMessage());
    assertThrows(AssertionError.class, () -> Numerics.assertArrayClose(new double[2], new double[3], 1, 1, "v"));
  }

  @Test
  void seededPointsAreReproducibleAndInRange() {
    double[][] a = SeededPoints.uniform(42, 100, 3, -2, 0.5);
    double[][] b = SeededPoints.uniform(42, 100, 3, -2, 0.5);
    double[][] c = SeededPoints.uniform(43, 100, 3, -2, 0.5);
    assertEquals(100, a.length);
    assertEquals(3, a[0].length);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], 0);
      for (double x : a[i]) {
        assertTrue(x >= -2 && x < 0.5, "in [lo, hi): " + x);
      }
    }
    assertFalse(a[0][0] == c[0][0] && a[0][1] == c[0][1], "another seed, other points");
    double mean = 0;
    for (double[] p : a) {
      mean += p[0] / a.length;
    }
    // the mean of 100 uniform values on [−2, 0.5) has standard deviation 0.72/10
    Numerics.assertClose(-0.75, mean, 0, 0.3, "sample mean");
    assertThrows(IllegalArgumentException.class, () -> SeededPoints.uniform(1, 1, 1, 1, 1));
  }
}

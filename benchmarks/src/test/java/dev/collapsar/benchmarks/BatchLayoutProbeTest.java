package dev.collapsar.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written batch layout computes what the generated point kernel computes (whose own oracle
 * is {@link AccuracyTest}): bit for bit in plain arithmetic, since every lane adds its terms in the
 * point kernel's order, and to rounding with {@code Math.fma}. Narrow widths (multiples of 4), 12
 * seeded points in blocks of 1, 3 and 4.
 */
class BatchLayoutProbeTest {
  private static final int DIM = MlpLaplacians.DIM;

  /** Exact where the point kernel adds as the probe does; to rounding where it was built with fma sweeps. */
  @Test
  void plainSweepsGiveThePointKernelsBits() throws java.io.IOException {
    for (int block : new int[] {1, 3, 4}) {
      Case c = new Case(block, false);
      if (pointKernelUsesFma()) {
        assertTrue(BatchLayoutProbe.maxRelativeDifference(c.expected, c.actual) < 1e-13, "B = " + block);
      } else {
        assertArrayEquals(c.expected, c.actual, 0.0, "B = " + block);
      }
    }
  }

  /** Whether the operators were built with {@code -Dcollapsar.fma=true} or {@code -Dcollapsar.vector=true}. */
  private static boolean pointKernelUsesFma() throws java.io.IOException {
    try (java.io.InputStream in = MlpLaplaciansOperators.class.getResourceAsStream("MlpLaplaciansOperators.class")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("fma");
    }
  }

  @Test
  void fmaSweepsAgreeToRounding() {
    Case c = new Case(4, true);
    assertTrue(BatchLayoutProbe.maxRelativeDifference(c.expected, c.actual) < 1e-13);
  }

  private static final class Case {
    final double[] expected = new double[12];
    final double[] actual = new double[12];

    Case(int block, boolean fma) {
      SplittableRandom random = new SplittableRandom(7 + block);
      Mlp mlp = Mlp.draw(random, DIM, 16, 12, 8, 8);
      double[][] xs = new double[expected.length][DIM];
      for (int p = 0; p < xs.length; p++) {
        for (int a = 0; a < DIM; a++) {
          xs[p][a] = random.nextDouble(-1, 1);
        }
        expected[p] = MlpLaplaciansOperators.mlpLaplacian(xs[p], mlp.w(), mlp.b(), mlp.v());
      }
      BatchLayoutProbe probe = new BatchLayoutProbe(mlp, DIM, block, fma);
      for (int p = 0; p < xs.length; p += block) {
        probe.block(xs, p, actual);
      }
    }
  }
}

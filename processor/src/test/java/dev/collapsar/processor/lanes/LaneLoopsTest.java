package dev.collapsar.processor.lanes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.MethodSizes;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import dev.collapsar.testing.TanhNetwork;
import java.lang.reflect.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code -Acollapsar.lanes=LOOPS}: the per-direction statements become loops over the direction
 * index (the accumulation inside the layer loop, the stores after it, the collapsed sum as a
 * reduction), and the operators stay exact: networks in both modes, a run-time dimension and an
 * estimator agree with Hipparchus within 1e-12 relative; every method stays under 8000 bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaneLoopsTest {
  private static final int DIM = 12;
  /** Three networks (collapsed, standard, run-time dimension) and an estimator; also {@link FmaSweepTest}'s. */
  static final String SOURCE = """
      package ll;

      import dev.collapsar.Laplacian;
      import dev.collapsar.Mode;

      final class Nets {
        @Laplacian(wrt = "x", dim = 12)
        static double net(double[] x, double[][][] w, double[][] b, double[] v) {
      """ + TanhNetwork.LAYER_LOOP + """
        }

        @Laplacian(wrt = "x", dim = 12, mode = Mode.STANDARD)
        static double standard(double[] x, double[][][] w, double[][] b, double[] v) {
          return net(x, w, b, v);
        }

        @Laplacian(wrt = "x")
        static double anyDimension(double[] x, double[][][] w, double[][] b, double[] v) {
          return net(x, w, b, v);
        }

        @Laplacian(samples = 9)
        static double g(double x, double y, double z) {
          return Math.exp(0.5 * x - y * y) * Math.sin(x + 2 * z) + x * y * z;
        }
      }
      """;

  private CompiledSources compiled;
  private Class<?> operators;
  private final TanhNetwork network = TanhNetwork.random(23, DIM, 10, 11, 9);

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new)
        .options("-Xlint:all", "-Werror", "-Acollapsar.lanes=LOOPS").compile("ll.Nets", SOURCE);
    compiled.assertSucceeded();
    operators = compiled.load("ll.NetsOperators");
  }

  @Test
  void theDirectionsAreLoops() {
    String source = compiled.generatedSource("ll.NetsOperators");
    assertTrue(source.matches("(?s).*for \\(int (d\\w*) = 0; \\1 < 12; \\1\\+\\+\\).*"), "a loop over the 12 directions");
    assertTrue(source.matches("(?s).*for \\(int (d\\w*) = 0; \\1 < 16; \\1\\+\\+\\).*"), "a loop over 16 lanes");
    assertTrue(source.contains("laneSum += "), "the collapsed sum as a reduction loop");
    MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 8000);
  }

  @Test
  void networksStayExact() throws Exception {
    Oracle oracle = Oracle.of(DIM, 2, network::value);
    for (String name : new String[] {"netLaplacian", "standardLaplacian", "anyDimensionLaplacian"}) {
      Method m = operators.getMethod(name, double[].class, double[][][].class, double[][].class, double[].class);
      m.setAccessible(true);
      for (double[] x : SeededPoints.uniform(31, 3, DIM, -1, 1)) {
        double expected = oracle.at(x).laplacian();
        Numerics.assertClose(expected, (double) m.invoke(null, x, network.w(), network.b(), network.v()), 1e-12, 1e-12 * (1 + Math.abs(expected)), name);
      }
    }
  }

  /**
   * Without the option, a body whose unrolled loop could not fit any method is rolled all the same:
   * an estimator with 24 dense random directions in 40 dimensions would carry 24 × 40 products in
   * one first-layer iteration. It compiles within 8000 bytes per method and stays exact.
   */
  @Test
  void oversizedLoopBodiesAreRolledWithoutTheOption() throws Exception {
    String source = estimatorStaysExact(40, 24, 41);
    assertTrue(source.contains("for (int d"), "rolled");
  }

  /**
   * A first layer whose loop over the coordinates stays a loop (50 directions in 20 dimensions: too
   * many statements to unroll inside the unit loop) reads x[j] and coordinate j of every direction at
   * its run-time j: the directions' components are copied once per call into a matrix with one row per
   * coordinate, and the loop reads row j, instead of picking each v[d][j] by comparing j with each of
   * the 20 coordinates (that chain cost the reference network's estimators two to three times their
   * time) or gathering it across the rows of v (a load per lane that C2 does not vectorize); exact.
   */
  @Test
  void coordinatesAtARunTimeIndexAreReadThere() throws Exception {
    String source = estimatorStaysExact(20, 50, 43);
    assertTrue(source.matches("(?s).*seeds\\[\\d+\\]\\[d\\w*\\] = v\\w*\\[d\\w*\\]\\[\\d+\\];.*"),
        "the directions transposed once");
    assertTrue(source.matches("(?s).*= seeds(_\\d+)?\\[j\\w*\\];.*"), "coordinate j's components read as row j");
    assertFalse(source.contains(" == 18"), "no comparison chain over the coordinates");
  }

  /** Compiles a D-dimensional network's S-direction estimator, checks it against Hipparchus; its source. */
  private static String estimatorStaysExact(int dim, int samples, long seed) throws Exception {
    CompiledSources big = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("ll.Big", """
            package ll;

            import dev.collapsar.Laplacian;

            final class Big {
              @Laplacian(wrt = "x", dim = %d, samples = %d)
              static double net(double[] x, double[][][] w, double[][] b, double[] v) {
            """.formatted(dim, samples) + TanhNetwork.EXPLICIT_FIRST_LAYER + """
              }
            }
            """);
    big.assertSucceeded();
    MethodSizes.assertAllMethodsAtMost(big.classFiles(), 8000);
    TanhNetwork net = TanhNetwork.random(seed, dim, 7, 5);
    Oracle oracle = Oracle.of(dim, 2, net::value);
    Method m = big.load("ll.BigOperators").getMethod("netLaplacianEstimate", double[].class, double[][][].class,
        double[][].class, double[].class, double[][].class);
    m.setAccessible(true);
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (double[] x : SeededPoints.uniform(seed + 2, 2, dim, -1, 1)) {
      double[][] directions = SeededPoints.gaussian(random, samples, dim);
      Oracle.Average expected = oracle.averageDirectional(x, directions, 2);
      Numerics.assertClose(expected.value(), (double) m.invoke(null, x, net.w(), net.b(), net.v(), directions), 1e-12,
          1e-12 * (1 + expected.scale()), "estimate over " + samples + " directions in " + dim + " dimensions");
    }
    return big.generatedSource("ll.BigOperators");
  }

  @Test
  void estimatorStaysExactForGivenDirections() throws Exception {
    Oracle oracle = Oracle.of(3, 2, p -> p[0].multiply(0.5).subtract(p[1].multiply(p[1])).exp()
        .multiply(p[0].add(p[2].multiply(2)).sin()).add(p[0].multiply(p[1]).multiply(p[2])));
    Method m = operators.getMethod("gLaplacianEstimate", double.class, double.class, double.class, double[][].class);
    m.setAccessible(true);
    SplittableRandom random = new SplittableRandom(4);
    for (double[] p : SeededPoints.uniform(32, 4, 3, -1, 1)) {
      double[][] directions = SeededPoints.gaussian(random, 9, 3);
      Oracle.Average expected = oracle.averageDirectional(p, directions, 2);
      Numerics.assertClose(expected.value(), (double) m.invoke(null, p[0], p[1], p[2], directions), 1e-12,
          1e-12 * (1 + expected.scale()), "estimate over 9 directions");
    }
  }
}

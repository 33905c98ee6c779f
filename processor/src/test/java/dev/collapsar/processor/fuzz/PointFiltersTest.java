package dev.collapsar.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The filters that decide which fuzzed points can be judged, and the second, precise oracle. */
class PointFiltersTest {

  @Test
  void aPrimalThatIsNotFiniteHasNoReference() {
    // the old filter, |primal − oracle| ≤ 1e-8·(1 + |primal|), held for an infinite primal
    assertFalse(PointFilters.hasReference(Double.POSITIVE_INFINITY, 3.0));
    assertFalse(PointFilters.hasReference(Double.NaN, Double.NaN));
    assertFalse(PointFilters.hasReference(2.0, Double.NEGATIVE_INFINITY));
    assertFalse(PointFilters.hasReference(1.0, 1.1), "the oracle took another branch");
    assertTrue(PointFilters.hasReference(1.0, 1.0 + 1e-12));
  }

  @Test
  void anOracleThatCancelsIsCaughtByThePreciseOne() {
    // (x + x·1e17) − x·1e17: in doubles the oracle's value is what rounding at 1e17 leaves of x (the
    // truth is x) and its derivative cancels to exactly 0 (the truth is 1); a small move of x does
    // not change that, so only a second, more precise evaluation shows it
    RandomProgram.Expr big = Exprs.binary(Exprs.variable("x0"), "*", Exprs.constant(1e17));
    RandomProgram cancelling = program(Exprs.binary(Exprs.binary(Exprs.variable("x0"), "+", big), "-", big));
    double[] point = {0.7};
    Expected inDoubles = Expected.of(cancelling.shape, Oracle.of(1, 2, cancelling::eval), point);
    Expected precise = Expected.of(cancelling.shape, PreciseOracle.at(cancelling, 2, point));
    assertEquals(0.0, inDoubles.values()[1], "the double oracle's derivative cancelled");
    assertEquals(1.0, precise.values()[1], 1e-30, "the 40-digit derivative");
    assertEquals(0.7, precise.values()[0], 1e-16, "the 40-digit value");
    assertFalse(PointFilters.oracleHolds(inDoubles.values(), precise.values(), 1e-8 * inDoubles.scale()));
  }

  @Test
  void aStableOracleHoldsAgainstThePreciseOne() {
    RandomProgram smooth = program(Exprs.function(Exprs.FUNCTIONS.get(9), Exprs.variable("x0"), Exprs.constant(0)));
    for (double x : new double[] {-1.5, 0.2, 2.0}) {
      double[] point = {x};
      Expected inDoubles = Expected.of(smooth.shape, Oracle.of(1, 2, smooth::eval), point);
      Expected precise = Expected.of(smooth.shape, PreciseOracle.at(smooth, 2, point));
      assertTrue(PointFilters.oracleHolds(inDoubles.values(), precise.values(), 1e-14 * inDoubles.scale()),
          "tanh at " + x);
    }
  }

  /** {@code @Laplacian static double f(double x0, …) { return value; }}. */
  private static RandomProgram program(RandomProgram.Expr value) {
    Shape shape = new Shape(1, false, true, Shape.Kind.LAPLACIAN, null, null, null);
    return new RandomProgram("f", shape, java.util.List.of(Stmts.ret(value)), null, java.util.Set.of());
  }

  @Test
  void aSmoothFunctionIsWellConditioned() {
    // here a disagreement of 1e-8 is a wrong rule, not rounding: the filter must let it fail
    Oracle smooth = Oracle.of(2, 2, x -> x[0].sin().multiply(x[1].exp()).add(x[0].multiply(x[1])));
    for (double[] point : new double[][] {{0.3, -1.2}, {1.7, 0.4}, {-2.0, 2.0}, {0.0, 0.0}}) {
      OracleResult r = smooth.at(point);
      double scale = 1 + Math.abs(r.value()) + Math.abs(r.gradient()[0]) + Math.abs(r.gradient()[1]) + Math.abs(r.laplacian());
      assertTrue(PointFilters.wellConditioned(values(smooth), point, 1e-8 * scale, 1),
          "sin(x)·e^y + xy at " + java.util.Arrays.toString(point));
    }
  }

  private static Function<double[], double[]> values(Oracle oracle) {
    return x -> {
      OracleResult r = oracle.at(x);
      double[] values = new double[x.length + 2];
      values[0] = r.value();
      System.arraycopy(r.gradient(), 0, values, 1, x.length);
      values[x.length + 1] = r.laplacian();
      return values;
    };
  }
}

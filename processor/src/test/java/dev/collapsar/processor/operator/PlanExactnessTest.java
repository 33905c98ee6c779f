package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.operator.PlanOptions.BiharmonicPlan;
import dev.collapsar.processor.operator.PlanOptions.MixedPlan;
import dev.collapsar.processor.operator.PlanOptions.SecondOrderPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plans are exact, checked without any automatic differentiation: on random polynomials of degree ≤ 4
 * (whose derivatives {@link Polynomial} computes by hand), Σ weight·∂ᴷp[v] from the plan must equal the
 * operator applied by definition, at random points, to 1e-9 relative to the magnitude of the plan's
 * terms (rounding only; a wrong weight or direction is off by O(1)).
 */
class PlanExactnessTest {
  private static final double TOLERANCE = 1e-9;

  static Stream<Arguments> allOptions() {
    List<Arguments> all = new ArrayList<>();
    for (SecondOrderPlan second : SecondOrderPlan.values()) {
      for (MixedPlan mixed : MixedPlan.values()) {
        all.add(Arguments.of(new PlanOptions(second, mixed, BiharmonicPlan.SPARSE_D2, 8)));
      }
    }
    all.add(Arguments.of(PlanOptions.DEFAULT.with(BiharmonicPlan.REFERENCE)));
    all.add(Arguments.of(PlanOptions.DEFAULT.withPerJetCost(0)));
    all.add(Arguments.of(PlanOptions.DEFAULT.withPerJetCost(1000)));
    return all.stream();
  }

  /** Random operators: random multi-indices up to order 4 over D ≤ 5, random coefficients, some symbolic. */
  @ParameterizedTest
  @MethodSource("allOptions")
  void randomOperators(PlanOptions options) {
    Random random = new Random(20261122L);
    for (int trial = 0; trial < 40; trial++) {
      int dimension = 1 + random.nextInt(5);
      RandomOperator op = RandomOperator.generate(random, dimension);
      checkExact(op.text(), op.signature(), options, random, op.values(random));
    }
  }

  @ParameterizedTest
  @MethodSource("allOptions")
  void laplacianAndBiharmonicForEveryDimension(PlanOptions options) {
    Random random = new Random(7);
    for (int dimension = 1; dimension <= 6; dimension++) {
      OperatorSignature signature = arraySignature(dimension);
      checkExact("laplacian", signature, options, random, Map.of());
      checkExact("biharmonic", signature, options, random, Map.of());
      checkExact("biharmonic - 2*laplacian + 3*D[x[0],x[0],x[0],x[" + (dimension - 1) + "]] + u", signature, options, random,
          Map.of());
    }
  }

  @Test
  void bothBiharmonicPlansForEveryDimension() {
    Random random = new Random(11);
    for (BiharmonicPlan plan : BiharmonicPlan.values()) {
      for (int dimension = 1; dimension <= 6; dimension++) {
        checkExact("biharmonic", arraySignature(dimension), PlanOptions.DEFAULT.with(plan), random, Map.of());
      }
    }
  }

  /** Constant symmetric second-order parts, full rank and rank-deficient, under every second-order plan. */
  @ParameterizedTest
  @MethodSource("allOptions")
  void constantSecondOrderMatrices(PlanOptions options) {
    Random random = new Random(3);
    for (int trial = 0; trial < 30; trial++) {
      int dimension = 2 + random.nextInt(4);
      int rank = 1 + random.nextInt(dimension);
      double[][] c = RandomOperator.lowRankSymmetric(random, dimension, rank);
      checkExact(RandomOperator.secondOrderText(c), RandomOperator.scalarSignature(dimension), options, random, Map.of());
    }
  }

  @ParameterizedTest
  @MethodSource("allOptions")
  void diffusionAndDrift(PlanOptions options) {
    Random random = new Random(5);
    OperatorSignature signature = new OperatorSignature(List.of(new OperatorParameter("t", Type.DOUBLE),
        new OperatorParameter("x", Type.DOUBLE_ARRAY), new OperatorParameter("S", Type.DOUBLE_MATRIX),
        new OperatorParameter("b", Type.DOUBLE_ARRAY), new OperatorParameter("r", Type.DOUBLE)),
        List.of("t", "x"), 3);
    double[][] s = {{random.nextGaussian(), random.nextGaussian()}, {random.nextGaussian(), 0}, {1, random.nextGaussian()}};
    double[] b = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
    Map<String, Double> values = Map.of("r", 0.03);
    for (String text : List.of("0.5*diffusion(S) + drift(b)", "D[t] + 0.5*diffusion(S) + drift(b) - r*u",
        "D[t] + laplacian - 2*diffusion(S) + x[1]*D[x[0],x[2]]")) {
      checkExact(text, signature, options, random, values, Map.of("S", s), Map.of("b", b));
    }
  }

  @Test
  void theDesignExamplesAreExact() {
    Random random = new Random(13);
    OperatorSignature tx = RandomOperator.signatureOf("t", "x", "c");
    checkExact("D[t] - 0.5*D[x,x]", tx.withWrt("t", "x"), PlanOptions.DEFAULT, random, Map.of());
    checkExact("D[t,t] - c*c*D[x,x]", tx, PlanOptions.DEFAULT, random, Map.of("c", 1.7));
    checkExact("D[t] + D[x,x,x]", tx, PlanOptions.DEFAULT, random, Map.of());
    checkExact("D[t] + 0.5*sigma*sigma*s*s*D[s,s] + r*s*D[s] - r*u", RandomOperator.signatureOf("t", "s", "sigma", "r"),
        PlanOptions.DEFAULT, random, Map.of("sigma", 0.2, "r", 0.05));
    checkExact("D[x,x,y,y] + 3*D[x,x,x,y]", RandomOperator.signatureOf("x", "y"), PlanOptions.DEFAULT, random, Map.of());
    checkExact("laplacian - 2*D[x[0]] + 3*u", arraySignature(3), PlanOptions.DEFAULT, random, Map.of());
  }

  private static OperatorSignature arraySignature(int dimension) {
    return new OperatorSignature(List.of(new OperatorParameter("x", Type.DOUBLE_ARRAY)), List.of(), dimension);
  }

  private static void checkExact(String text, OperatorSignature signature, PlanOptions options, Random random,
      Map<String, Double> values) {
    checkExact(text, signature, options, random, values, Map.of(), Map.of());
  }

  private static void checkExact(String text, OperatorSignature signature, PlanOptions options, Random random,
      Map<String, Double> parameterValues, Map<String, double[][]> matrices, Map<String, double[]> vectors) {
    ResolvedOperator op = Operators.resolve(text, signature).value();
    OperatorPlan plan = OperatorPlanner.plan(op, options);
    for (int sample = 0; sample < 2; sample++) {
      Polynomial p = Polynomial.random(random, op.dimension(), 4);
      double[] x = new double[op.dimension()];
      Map<String, Double> values = new HashMap<>(parameterValues);
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble() * 2 - 1;
        values.put(op.coordinates().get(i).display(), x[i]); // coordinates used as coefficients read the point
      }
      PlanOracle oracle = new PlanOracle(p, x, values, matrices, vectors);
      double expected = oracle.byDefinition(op);
      double actual = oracle.byPlan(plan);
      double tolerance = TOLERANCE * oracle.magnitude(plan);
      assertEquals(expected, actual, tolerance, () -> text + " with " + options + ": plan " + plan.groups());
    }
    assertTrue(plan.groups().stream().allMatch(g -> g.directions().stream().noneMatch(d -> d.weight().isZero())));
  }
}

package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.operator.PlanOptions.BiharmonicPlan;
import dev.collapsar.processor.operator.PlanOptions.MixedPlan;
import dev.collapsar.processor.operator.PlanOptions.SecondOrderPlan;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/** What plans look like: jet counts, groups, folded first- and zero-order terms, weights. */
class PlanShapeTest {

  private static OperatorPlan plan(String text, OperatorSignature signature, PlanOptions options) {
    return Operators.plan(text, signature, options).value();
  }

  private static OperatorSignature array(int dimension) {
    return new OperatorSignature(List.of(new OperatorParameter("x", Type.DOUBLE_ARRAY)), List.of(), dimension);
  }

  private static int jets(String text, OperatorSignature signature, PlanOptions options) {
    return plan(text, signature, options).staticDirectionCount();
  }

  private static BigFraction f(long n, long d) {
    return new BigFraction(n, d);
  }

  @Test
  void biharmonicJetCounts() {
    for (int d = 1; d <= 8; d++) {
      int sparse = jets("biharmonic", array(d), PlanOptions.DEFAULT);
      // D² directions eᵢ, eᵢ ± eⱼ; at D = 4 the weight of eᵢ, 1 − (D−1)/3, is zero and they drop out.
      assertEquals(d == 4 ? 12 : d * d, sparse, "D = " + d);
      int reference = jets("biharmonic", array(d), PlanOptions.DEFAULT.with(BiharmonicPlan.REFERENCE));
      assertEquals(d + d * (d - 1) + d * (d - 1) / 2, reference, "D = " + d);
    }
  }

  @Test
  void referenceBiharmonicWeightsAreTheDesignsAtCanonicalScale() {
    int d = 3;
    JetGroup g = plan("biharmonic", array(d), PlanOptions.DEFAULT.with(BiharmonicPlan.REFERENCE)).group(4).orElseThrow();
    Map<Direction, Coefficient> w = weights(g);
    // 4eₐ with (13D−4)/2304 is eₐ with 256 times that; 2eₐ+2e_b with 5/96 is eₐ+e_b with 16 times that.
    assertEquals(Coefficient.of(f(13 * d - 4, 2304).multiply(256)), w.get(Direction.basis(0)));
    assertEquals(Coefficient.of(f(-1, 36)), w.get(Direction.dense(3, 1)));
    assertEquals(Coefficient.of(f(-1, 36)), w.get(Direction.dense(1, 3)));
    assertEquals(Coefficient.of(f(5, 96).multiply(16)), w.get(Direction.dense(1, 1)));
  }

  @Test
  void sparseBiharmonicWeights() {
    Map<Direction, Coefficient> w = weights(plan("biharmonic", array(5), PlanOptions.DEFAULT).group(4).orElseThrow());
    assertEquals(Coefficient.of(f(-1, 3)), w.get(Direction.basis(2)));
    assertEquals(Coefficient.of(f(1, 6)), w.get(Direction.dense(0, 1, 0, -1)));
    assertEquals(Coefficient.of(f(1, 6)), w.get(Direction.dense(0, 1, 0, 1)));
  }

  @Test
  void laplacianIsTheBasisWithWeightOne() {
    JetGroup g = plan("laplacian", array(5), PlanOptions.DEFAULT).group(2).orElseThrow();
    assertEquals(5, g.directionCount());
    for (int i = 0; i < 5; i++) {
      assertEquals(new WeightedDirection(Direction.basis(i), Coefficient.ONE), g.directions().get(i));
    }
  }

  @Test
  void blackScholesFoldsFirstAndZeroOrderTerms() {
    OperatorPlan p = plan("D[t] + 0.5*sigma*sigma*s*s*D[s,s] + r*s*D[s] - r*u", RandomOperator.signatureOf("t", "s", "sigma", "r"),
        PlanOptions.DEFAULT);
    assertEquals("-r", p.zeroOrder().toString());
    assertEquals(List.of(new FirstOrderTerm(0, Coefficient.ONE),
        new FirstOrderTerm(1, new Coefficient.ParameterRef("r").times(new Coefficient.ParameterRef("s")))), p.firstOrder());
    assertEquals(1, p.groups().size());
    JetGroup g = p.group(2).orElseThrow();
    assertEquals(1, g.directionCount());
    assertEquals(Direction.basis(1), g.directions().get(0).direction());
    assertEquals("1/2*s*s*sigma*sigma", g.directions().get(0).weight().toString());
    assertEquals(2, p.firstOrderCarrier());
  }

  @Test
  void firstOrderAloneNeedsAnOrderOnePass() {
    OperatorPlan p = plan("D[t] - 3*D[x] + u", RandomOperator.signatureOf("t", "x"), PlanOptions.DEFAULT);
    assertTrue(p.groups().isEmpty());
    assertEquals(1, p.firstOrderCarrier());
    assertEquals(1, p.order());
    assertEquals(0, plan("2*u", RandomOperator.signatureOf("x"), PlanOptions.DEFAULT).firstOrderCarrier());
  }

  @Test
  void groupsAscendByOrderAndShareNothing() {
    OperatorPlan p = plan("D[t] + D[x,x,x] + D[x,x] + D[x,x,x,x]", RandomOperator.signatureOf("t", "x"), PlanOptions.DEFAULT);
    assertEquals(List.of(2, 3, 4), p.groups().stream().map(JetGroup::order).toList());
    p.groups().forEach(g -> assertEquals(List.of(new WeightedDirection(Direction.basis(1), Coefficient.ONE)), g.directions()));
    assertEquals(2, p.firstOrderCarrier());
  }

  @Test
  void mixedSecondDerivativePlans() {
    OperatorSignature xy = RandomOperator.signatureOf("x", "y");
    assertEquals(3, jets("D[x,y]", xy, PlanOptions.DEFAULT.with(SecondOrderPlan.POLARIZATION)));
    assertEquals(2, jets("D[x,y]", xy, PlanOptions.DEFAULT.with(SecondOrderPlan.SIGNED_POLARIZATION)));
    assertEquals(2, jets("D[x,y]", xy, PlanOptions.DEFAULT));
    // With the diagonal present, polarization adds one jet per pair and rank decompositions need two in all.
    assertEquals(3, jets("laplacian + D[x,y]", xy, PlanOptions.DEFAULT.with(SecondOrderPlan.POLARIZATION)));
    assertEquals(4, jets("laplacian + D[x,y]", xy, PlanOptions.DEFAULT.with(SecondOrderPlan.SIGNED_POLARIZATION)));
    assertEquals(2, jets("laplacian + D[x,y]", xy, PlanOptions.DEFAULT.with(SecondOrderPlan.LDL)));
    assertEquals(2, jets("laplacian + D[x,y]", xy, PlanOptions.DEFAULT.with(SecondOrderPlan.EIGEN)));
    assertEquals(2, jets("laplacian + D[x,y]", xy, PlanOptions.DEFAULT));
    // A parameter coefficient rules out the decompositions: LDL falls back to polarization.
    OperatorSignature xyc = RandomOperator.signatureOf("x", "y", "c");
    assertEquals(3, jets("laplacian + c*D[x,y]", xyc, PlanOptions.DEFAULT.with(SecondOrderPlan.LDL)));
    assertEquals(3, jets("laplacian + c*D[x,y]", xyc, PlanOptions.DEFAULT));
  }

  @Test
  void uncoupledCoordinatesStayBasisDirections() {
    OperatorSignature xyz = RandomOperator.signatureOf("x", "y", "z");
    JetGroup g = plan("D[x,x] + 2*D[x,y] + 3*D[z,z]", xyz, PlanOptions.DEFAULT.with(SecondOrderPlan.EIGEN)).group(2).orElseThrow();
    assertTrue(g.directions().contains(new WeightedDirection(Direction.basis(2), Coefficient.of(3))), g.toString());
  }

  @Test
  void rankDecompositionsUseRankManyJets() {
    Random random = new Random(23);
    int coupled = 0;
    for (int trial = 0; trial < 40; trial++) {
      int d = 2 + random.nextInt(4);
      double[][] c = RandomOperator.lowRankSymmetric(random, d, 1 + random.nextInt(d));
      String text = RandomOperator.secondOrderText(c);
      OperatorSignature signature = RandomOperator.scalarSignature(d);
      List<WeightedDirection> ldl = plan(text, signature, PlanOptions.DEFAULT.with(SecondOrderPlan.LDL)).group(2)
          .map(JetGroup::directions).orElse(List.of());
      List<WeightedDirection> eigen = plan(text, signature, PlanOptions.DEFAULT.with(SecondOrderPlan.EIGEN)).group(2)
          .map(JetGroup::directions).orElse(List.of());
      int expected = blockRanks(c);
      coupled += expected < d ? 0 : 1;
      assertEquals(expected, ldl.size(), text);
      assertEquals(expected, eigen.size(), text);
      assertTrue(ldl.stream().allMatch(w -> w.direction().isInteger()), ldl.toString());
      assertTrue(eigen.stream().allMatch(w -> w.direction().isBasis() || Math.abs(w.weight().constantValue().doubleValue()) == 1),
          eigen.toString());
    }
    assertTrue(coupled > 5, "too few full-rank cases: " + coupled);
  }

  /** Σ over the blocks of the coupling graph (nonzero off-diagonal entries) of the rank of each block. */
  private static int blockRanks(double[][] c) {
    int n = c.length;
    int[] block = new int[n];
    java.util.Arrays.fill(block, -1);
    int total = 0;
    for (int start = 0; start < n; start++) {
      if (block[start] >= 0) {
        continue;
      }
      List<Integer> members = new java.util.ArrayList<>(List.of(start));
      block[start] = start;
      for (int k = 0; k < members.size(); k++) {
        for (int b = 0; b < n; b++) {
          if (block[b] < 0 && c[members.get(k)][b] != 0) {
            block[b] = start;
            members.add(b);
          }
        }
      }
      double[][] sub = new double[members.size()][members.size()];
      for (int r = 0; r < sub.length; r++) {
        for (int q = 0; q < sub.length; q++) {
          sub[r][q] = c[members.get(r)][members.get(q)];
        }
      }
      total += new SingularValueDecomposition(new Array2DRowRealMatrix(sub)).getRank();
    }
    return total;
  }

  @Test
  void mixedFourthDerivativePlans() {
    OperatorSignature xy = RandomOperator.signatureOf("x", "y");
    PlanOptions interpolation = PlanOptions.DEFAULT.with(MixedPlan.INTERPOLATION);
    PlanOptions signed = PlanOptions.DEFAULT.with(MixedPlan.SIGNED_POLARIZATION);
    assertEquals(5, jets("D[x,x,y,y]", xy, interpolation));
    assertEquals(4, jets("D[x,x,y,y]", xy, signed));
    assertEquals(4, jets("D[x,x,y,y]", xy, PlanOptions.DEFAULT));
    assertEquals(5, jets("D[x,x,x,y]", xy, interpolation));
    assertEquals(4, jets("D[x,x,x,y]", xy, signed));
    assertEquals(4, jets("D[x,x,y]", xy, interpolation));
    assertEquals(3, jets("D[x,x,y]", xy, signed));
    OperatorSignature xyzw = RandomOperator.signatureOf("x", "y", "z", "w");
    assertEquals(8, jets("D[x,y,z,w]", xyzw, signed));
    assertEquals(35, jets("D[x,y,z,w]", xyzw, interpolation));
    assertEquals(4, jets("D[x,y,z]", xyzw, signed));
    assertEquals(10, jets("D[x,y,z]", xyzw, interpolation));
    // Interpolation's directions are shared between these two terms, so AUTO keeps 5 jets, not the 6 signed needs.
    assertEquals(5, jets("D[x,x,y,y] + 3*D[x,x,x,y]", xy, PlanOptions.DEFAULT));
    assertEquals(6, jets("D[x,x,y,y] + 3*D[x,x,x,y]", xy, signed));
  }

  @Test
  void pureDerivativesAreOneBasisJet() {
    OperatorSignature x = RandomOperator.signatureOf("x");
    assertEquals(List.of(new WeightedDirection(Direction.basis(0), Coefficient.of(f(5, 2)))),
        plan("2.5*D[x,x,x]", x, PlanOptions.DEFAULT).group(3).orElseThrow().directions());
  }

  @Test
  void diffusionAndDriftAreRuntimeTerms() {
    OperatorSignature signature = new OperatorSignature(List.of(new OperatorParameter("t", Type.DOUBLE),
        new OperatorParameter("x", Type.DOUBLE_ARRAY), new OperatorParameter("S", Type.DOUBLE_MATRIX),
        new OperatorParameter("b", Type.DOUBLE_ARRAY)), List.of("t", "x"), 2);
    OperatorPlan p = plan("D[t] + 0.5*diffusion(S) + drift(b)", signature, PlanOptions.DEFAULT);
    JetGroup g = p.group(2).orElseThrow();
    assertEquals(0, g.directionCount());
    assertEquals(List.of(new RuntimeDirections("S", Coefficient.of(f(1, 2)), List.of(1, 2))), g.runtime());
    assertEquals(List.of(new DriftTerm("b", Coefficient.ONE, List.of(1, 2))), p.drifts());
    assertEquals(2, p.firstOrderCarrier());
  }

  @Test
  void plansAreDeterministic() {
    OperatorSignature xy = RandomOperator.signatureOf("x", "y", "a");
    String text = "a*D[x,y] + D[x,x,x,y] - biharmonic + laplacian/3";
    assertEquals(plan(text, xy.withWrt("x", "y"), PlanOptions.DEFAULT), plan(text, xy.withWrt("x", "y"), PlanOptions.DEFAULT));
    List<WeightedDirection> directions = plan(text, xy.withWrt("x", "y"), PlanOptions.DEFAULT).group(4).orElseThrow().directions();
    for (int k = 1; k < directions.size(); k++) {
      assertTrue(directions.get(k - 1).direction().compareTo(directions.get(k).direction()) < 0);
    }
  }

  private static Map<Direction, Coefficient> weights(JetGroup g) {
    Map<Direction, Coefficient> map = new java.util.HashMap<>();
    g.directions().forEach(w -> map.put(w.direction(), w.weight()));
    return map;
  }
}

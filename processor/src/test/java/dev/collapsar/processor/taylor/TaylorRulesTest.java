package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.SeededPoints;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Taylor rule at orders 1 to 4, standard and collapsed, against Hipparchus: the jet of
 * f(a(t), b(t)) with a(t) = a₀ + t·u, b(t) = b₀ + t·v must have the directional derivatives
 * ∂ᵏf[(u, v), …]; a collapsed group of two directions with weights must sum their top coefficients.
 * Tolerance 1e-11 relative (order-4 coefficients of nested functions lose a few digits to rounding).
 */
class TaylorRulesTest {
  private static final double TOLERANCE = 1e-11;

  @ParameterizedTest
  @EnumSource(MathFn.class)
  void everyFunctionAtEveryOrder(MathFn fn) {
    for (int order = 1; order <= 4; order++) {
      check(order, (j, ab) -> new MathJets(j).call(fn, fn.arity() == 1 ? new Jet[] {ab[0]} : ab),
          v -> apply(fn, v[0], v[1]), domain(fn));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"add", "sub", "mul", "div", "neg"})
  void arithmeticAtEveryOrder(String op) {
    for (int order = 1; order <= 4; order++) {
      switch (op) {
        case "add": check(order, (j, ab) -> j.add(ab[0], ab[1]), v -> v[0].add(v[1]), new double[] {-2, 2}); break;
        case "sub": check(order, (j, ab) -> j.sub(ab[0], ab[1]), v -> v[0].subtract(v[1]), new double[] {-2, 2}); break;
        case "mul": check(order, (j, ab) -> j.mul(ab[0], ab[1]), v -> v[0].multiply(v[1]), new double[] {-2, 2}); break;
        case "div": check(order, (j, ab) -> j.div(ab[0], ab[1]), v -> v[0].divide(v[1]), new double[] {0.5, 2}); break;
        default: check(order, (j, ab) -> j.neg(ab[0]), v -> v[0].negate(), new double[] {-2, 2});
      }
    }
  }

  /**
   * Builds the jet of the rule applied to two seeded inputs, for two directions, in both modes,
   * evaluates it, and compares with the oracle.
   */
  private static void check(int order, BiFunction<JetArithmetic, Jet[], Jet> rule, Oracle.DsFunction f, double[] box) {
    for (double[] p : SeededPoints.uniform(31L * order + box.length, 6, 6, box[0], box[1])) {
      double[] point = {p[0], p[1]};
      double[][] directions = {{p[2] - 0.5 * p[3], p[3]}, {p[4], -p[5]}};
      double[] weights = {0.75, -1.25};
      Oracle oracle = Oracle.of(2, 4, f);
      double expectedSum = 0;
      for (int d = 0; d < 2; d++) {
        expectedSum += weights[d] * oracle.directional(point, directions[d], order);
      }
      for (boolean collapsed : List.of(false, true)) {
        NodeFactory nodes = new NodeFactory();
        FoldingAlgebra alg = new FoldingAlgebra(nodes);
        JetLayout layout = new JetLayout(List.of(new JetLayout.Group(order, collapsed, List.of("u", "v"),
            List.of(alg.num(weights[0]), alg.num(weights[1])), "sum")));
        JetArithmetic jets = new JetArithmetic(alg, layout);
        Jet[] inputs = new Jet[2];
        for (int i = 0; i < 2; i++) {
          Node[][] seed = {{alg.num(directions[0][i]), alg.num(directions[1][i])}};
          inputs[i] = jets.input(nodes.ref("x" + i, Type.DOUBLE), seed, new Node[1][2], new Node[] {alg.zero()});
        }
        Jet out = rule.apply(jets, inputs);
        NodeEvaluator eval = new NodeEvaluator(Map.of("x0", point[0], "x1", point[1]));
        double actual;
        if (collapsed) {
          actual = eval.eval(out.sum(0));
          for (int d = 0; d < 2 && order > 1; d++) {
            double lower = oracle.directional(point, directions[d], order - 1);
            Numerics.assertClose(lower, eval.eval(out.coefficient(0, d, order - 1)), TOLERANCE, TOLERANCE,
                "order " + (order - 1) + " coefficient, direction " + d);
          }
        } else {
          actual = 0;
          for (int d = 0; d < 2; d++) {
            actual += weights[d] * eval.eval(out.coefficient(0, d, order));
          }
        }
        double scale = 1 + Math.abs(expectedSum);
        Numerics.assertClose(expectedSum, actual, TOLERANCE, TOLERANCE * scale,
            (collapsed ? "collapsed" : "standard") + " order " + order + " at " + java.util.Arrays.toString(point));
      }
    }
  }

  private static double[] domain(MathFn fn) {
    switch (fn) {
      case ASIN: case ACOS: return new double[] {-0.6, 0.6};
      case LOG: case LOG10: case SQRT: case CBRT: case POW: case LOG1P: return new double[] {0.5, 2};
      case TAN: return new double[] {-1, 1};
      default: return new double[] {-2, 2};
    }
  }

  private static DerivativeStructure apply(MathFn fn, DerivativeStructure a, DerivativeStructure b) {
    switch (fn) {
      case SIN: return a.sin();
      case COS: return a.cos();
      case TAN: return a.tan();
      case ASIN: return a.asin();
      case ACOS: return a.acos();
      case ATAN: return a.atan();
      case ATAN2: return a.atan2(b);
      case SINH: return a.sinh();
      case COSH: return a.cosh();
      case TANH: return a.tanh();
      case EXP: return a.exp();
      case EXPM1: return a.expm1();
      case LOG: return a.log();
      case LOG1P: return a.log1p();
      case LOG10: return a.log10();
      case SQRT: return a.sqrt();
      case CBRT: return a.cbrt();
      case POW: return a.pow(b);
      case HYPOT: return a.hypot(b);
      case ABS: return a.abs();
      case SIGNUM: return a.sign();
      case MIN: return a.getValue() <= b.getValue() ? a : b;
      case MAX: return a.getValue() >= b.getValue() ? a : b;
      case FLOOR: return a.floor();
      case CEIL: return a.ceil();
      case RINT: return a.rint();
      case TO_RADIANS: return a.toRadians();
      default: return a.toDegrees();
    }
  }
}

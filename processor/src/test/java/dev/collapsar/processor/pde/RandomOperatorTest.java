package dev.collapsar.processor.pde;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import dev.collapsar.processor.fuzz.RandomOperators;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Random linear operators — random multi-indices up to order 4, random constant and parameter
 * coefficients, occasional {@code u}, {@code laplacian} and {@code biharmonic} atoms, D ≤ 5 — applied
 * by {@code @LinearPDE} to a fixed smooth function, in both modes, and compared with Σ c_α ∂^α f
 * from Hipparchus at order 4. Tolerance: 1e-10 relative to Σ|c_α ∂^α f| (order-4 coefficients of a
 * composite function are sums of many terms).
 */
class RandomOperatorTest {
  private static final int OPERATORS = 120;
  /** The value passed for the coefficient parameter c. */
  private static final double PARAMETER = 0.75;

  /** One random operator on a method {@code name} of {@code dimension} coordinates. */
  record RandomOperator(String name, int dimension, RandomOperators.Operator operator) {
    String text() {
      return operator.text();
    }
  }

  @Test
  void randomOperatorsMatchTheOracle() throws Exception {
    SplittableRandom random = new SplittableRandom(4242);
    List<RandomOperator> operators = new ArrayList<>();
    StringBuilder source = new StringBuilder("package pde;\n\nimport dev.collapsar.LinearPDE;\nimport dev.collapsar.Mode;\n\n"
        + "final class Ops {\n");
    for (int i = 0; i < OPERATORS; i++) {
      RandomOperator op = randomOperator("op" + i, random);
      operators.add(op);
      String mode = i % 2 == 0 ? "COLLAPSED" : "STANDARD";
      source.append("  @LinearPDE(value = \"").append(op.text()).append("\", mode = Mode.").append(mode)
          .append(", wrt = {").append(wrt(op.dimension())).append("})\n")
          .append("  static double ").append(op.name()).append('(').append(parameters(op.dimension()))
          .append(", double c) {\n    ").append(body(op.dimension())).append("\n  }\n");
    }
    source.append("}\n");
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("pde.Ops", source.toString());
    c.assertSucceeded();
    Class<?> generated = c.load("pde.OpsOperators");
    for (RandomOperator op : operators) {
      check(generated, op);
    }
  }

  private static void check(Class<?> generated, RandomOperator op) throws Exception {
    Class<?>[] types = new Class<?>[op.dimension() + 1];
    java.util.Arrays.fill(types, double.class);
    Method m = generated.getMethod(op.name() + "Operator", types);
    m.setAccessible(true);
    Oracle oracle = Oracle.of(op.dimension(), 4, RandomOperatorTest::function);
    double parameter = PARAMETER;
    for (double[] p : SeededPoints.uniform(op.name().hashCode(), 4, op.dimension(), -1, 1)) {
      OracleResult r = oracle.at(p);
      double[] expectedAndScale = op.operator().apply(r::partial);
      double expected = expectedAndScale[0];
      double scale = expectedAndScale[1];
      Object[] args = new Object[op.dimension() + 1];
      for (int i = 0; i < p.length; i++) {
        args[i] = p[i];
      }
      args[p.length] = parameter;
      double actual = (double) m.invoke(null, args);
      Numerics.assertClose(expected, actual, 1e-10, 1e-10 * (1 + scale), op.name() + ": " + op.text());
    }
  }

  private static RandomOperator randomOperator(String name, SplittableRandom random) {
    int dimension = 1 + random.nextInt(5);
    List<String> variables = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      variables.add("x" + i);
    }
    String parameter = random.nextBoolean() ? "c" : null;
    return new RandomOperator(name, dimension, RandomOperators.generate(random, variables, parameter, PARAMETER));
  }

  private static String wrt(int dimension) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      names.add("\"x" + i + "\"");
    }
    return String.join(", ", names);
  }

  private static String parameters(int dimension) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      names.add("double x" + i);
    }
    return String.join(", ", names);
  }

  /** f = exp(0.3 Σ xᵢ) · sin(1 + Σ (i+1)·xᵢ²/2) + Π (1 + xᵢ/3). */
  private static String body(int dimension) {
    StringBuilder sum = new StringBuilder("0.0");
    StringBuilder squares = new StringBuilder("1.0");
    StringBuilder product = new StringBuilder("1.0");
    for (int i = 0; i < dimension; i++) {
      sum.append(" + x").append(i);
      squares.append(" + ").append(i + 1).append(" * x").append(i).append(" * x").append(i).append(" / 2");
      product.append(" * (1 + x").append(i).append(" / 3)");
    }
    return "return Math.exp(0.3 * (" + sum + ")) * Math.sin(" + squares + ") + " + product + ";";
  }

  private static DerivativeStructure function(DerivativeStructure[] x) {
    DerivativeStructure sum = x[0].getField().getZero();
    DerivativeStructure squares = x[0].getField().getOne();
    DerivativeStructure product = x[0].getField().getOne();
    for (int i = 0; i < x.length; i++) {
      sum = sum.add(x[i]);
      squares = squares.add(x[i].multiply(x[i]).multiply(i + 1).divide(2));
      product = product.multiply(x[i].divide(3).add(1));
    }
    return sum.multiply(0.3).exp().multiply(squares.sin()).add(product);
  }
}

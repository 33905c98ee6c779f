package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.collapsar.LaplacianResult;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import dev.collapsar.testing.SeededPoints;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles every {@link LaplacianCases case} with the processor, in collapsed and in standard mode,
 * and compares value, gradient and Laplacian with the Hipparchus oracle at 12 seeded random points.
 *
 * <p>Tolerance: |generated − oracle| ≤ 1e-12·|oracle| + 1e-12·scale, where scale is the size of the
 * terms the result is a sum of (1 + |u| + |∇u|₁ + Σ|∂ᵢᵢu|), because cancellation between them can
 * only be resolved to rounding relative to their size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaplacianBehaviourTest {
  private static final double TOLERANCE = 1e-12;
  private static final int POINTS = 12;

  private CompiledSources collapsed;
  private CompiledSources standard;

  @BeforeAll
  void compile() {
    collapsed = compile("Collapsed", "COLLAPSED");
    standard = compile("Standard", "STANDARD");
  }

  private static CompiledSources compile(String className, String mode) {
    String methods = LaplacianCases.all().stream().map(c -> c.source(mode)).collect(Collectors.joining("\n"));
    String source = "package cases;\n\nimport dev.collapsar.Laplacian;\nimport dev.collapsar.Mode;\n\nfinal class "
        + className + " {\n" + LaplacianCases.HELPERS + "\n" + methods + "}\n";
    CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile("cases." + className, source);
    compiled.assertSucceeded();
    return compiled;
  }

  List<LaplacianCase> cases() {
    return LaplacianCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void collapsedMatchesOracle(LaplacianCase c) throws Exception {
    checkAgainstOracle(collapsed, "cases.CollapsedOperators", c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void standardMatchesOracle(LaplacianCase c) throws Exception {
    checkAgainstOracle(standard, "cases.StandardOperators", c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void collapsedEqualsStandard(LaplacianCase c) throws Exception {
    for (double[] point : points(c)) {
      double a = laplacian(collapsed, "cases.CollapsedOperators", c, point);
      double b = laplacian(standard, "cases.StandardOperators", c, point);
      Numerics.assertClose(b, a, TOLERANCE, TOLERANCE * (1 + Math.abs(b)), c.name() + " collapsed vs standard");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void allVariantsAgree(LaplacianCase c) throws Exception {
    Class<?> operators = collapsed.load("cases.CollapsedOperators");
    for (double[] point : points(c)) {
      LaplacianResult evaluated = evaluate(operators, c, point);
      double[] gradient = new double[c.dimension()];
      Method withGradient = operators.getMethod(c.name() + "Laplacian", withExtra(parameterTypes(c)));
      withGradient.setAccessible(true);
      double laplacian = (double) withGradient.invoke(null, withExtra(arguments(c, point), gradient));
      assertEquals(evaluated.laplacian(), laplacian, 0.0, "gradient variant, " + c.name());
      assertEquals(evaluated.laplacian(), laplacian(collapsed, "cases.CollapsedOperators", c, point), 0.0);
      for (int i = 0; i < gradient.length; i++) {
        assertEquals(evaluated.gradient(i), gradient[i], 0.0, "gradient " + i + ", " + c.name());
      }
    }
  }

  private void checkAgainstOracle(CompiledSources compiled, String className, LaplacianCase c) throws Exception {
    Oracle oracle = Oracle.of(c.dimension(), 2, c.oracle());
    Class<?> operators = compiled.load(className);
    for (double[] point : points(c)) {
      OracleResult expected = oracle.at(point);
      LaplacianResult actual = evaluate(operators, c, point);
      double scale = scale(expected);
      String where = c.name() + " at " + java.util.Arrays.toString(point);
      Numerics.assertClose(expected.value(), actual.value(), TOLERANCE, TOLERANCE * scale, "value of " + where);
      for (int i = 0; i < c.dimension(); i++) {
        Numerics.assertClose(expected.gradient()[i], actual.gradient(i), TOLERANCE, TOLERANCE * scale,
            "∂" + i + " of " + where);
      }
      Numerics.assertClose(expected.laplacian(), actual.laplacian(), TOLERANCE, TOLERANCE * scale, "Δ of " + where);
    }
  }

  private static double scale(OracleResult r) {
    double scale = 1 + Math.abs(r.value());
    double[] g = r.gradient();
    for (int i = 0; i < g.length; i++) {
      int[] orders = new int[g.length];
      orders[i] = 2;
      scale += Math.abs(g[i]) + Math.abs(r.partial(orders));
    }
    return scale;
  }

  private static LaplacianResult evaluate(Class<?> operators, LaplacianCase c, double[] point) throws Exception {
    Method m = operators.getMethod(c.name() + "Evaluate", parameterTypes(c));
    m.setAccessible(true);
    return (LaplacianResult) m.invoke(null, arguments(c, point));
  }

  private static double laplacian(CompiledSources compiled, String className, LaplacianCase c, double[] point)
      throws Exception {
    Method m = compiled.load(className).getMethod(c.name() + "Laplacian", parameterTypes(c));
    m.setAccessible(true);
    return (double) m.invoke(null, arguments(c, point));
  }

  private static Class<?>[] parameterTypes(LaplacianCase c) {
    if (c.arrayArgument()) {
      return new Class<?>[] {double[].class};
    }
    Class<?>[] types = new Class<?>[c.dimension()];
    java.util.Arrays.fill(types, double.class);
    return types;
  }

  private static Object[] arguments(LaplacianCase c, double[] point) {
    if (c.arrayArgument()) {
      return new Object[] {point.clone()};
    }
    Object[] args = new Object[point.length];
    for (int i = 0; i < point.length; i++) {
      args[i] = point[i];
    }
    return args;
  }

  private static Class<?>[] withExtra(Class<?>[] types) {
    Class<?>[] all = java.util.Arrays.copyOf(types, types.length + 1);
    all[types.length] = double[].class;
    return all;
  }

  private static Object[] withExtra(Object[] args, double[] gradient) {
    Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = gradient;
    return all;
  }

  private static double[][] points(LaplacianCase c) {
    return SeededPoints.uniform(c.name().hashCode(), POINTS, c.dimension(), c.lo(), c.hi());
  }
}

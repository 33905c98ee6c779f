package dev.collapsar.processor.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.collapsar.LaplacianResult;
import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.Numerics;
import dev.collapsar.testing.Oracle;
import dev.collapsar.testing.OracleResult;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what the generated {@code xEvaluate} returns at non-smooth and singular points (issue 7, item
 * 4): sqrt, cbrt, log at 0, pow with non-integer and integer exponents at 0, abs at 0, min/max at
 * ties, atan2 at the origin and on the negative x-axis, division by zero, overflow, hypot at the
 * origin. Each {@link Edge} states what we return (asserted) and, in its note, what mathematics says
 * (the IEEE value for the primal, the one-sided limit or ±∞/NaN for derivatives). The README section
 * "Numerics at non-smooth and singular points" is this table in prose; keep them in step.
 *
 * <p>Where Hipparchus {@code DerivativeStructure} gives a meaningful comparison, the edge says whether
 * we agree with it; agreement is asserted, and a documented difference is asserted to still be one
 * (so that a change on either side is noticed and the README updated). Run with
 * {@code -Dcollapsar.edges.print=true} to print the table.
 *
 * <p>Comparison: NaN matches only NaN, infinities match only the same infinity, finite values to
 * 1e-15 relative (they are exact expressions of the point). The sign of a zero is not compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeNumericsTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;

  private static final String SOURCE = """
      package edges;

      import dev.collapsar.Laplacian;
      import dev.collapsar.LinearPDE;

      final class Edges {
        @Laplacian static double sqrt(double x) { return Math.sqrt(x); }
        @Laplacian static double sqrtOfNegated(double x) { return Math.sqrt(-x); }
        @Laplacian static double cbrt(double x) { return Math.cbrt(x); }
        @Laplacian static double log(double x) { return Math.log(x); }
        @Laplacian static double log10(double x) { return Math.log10(x); }
        @Laplacian static double log1p(double x) { return Math.log1p(x); }
        @Laplacian static double pow15(double x) { return Math.pow(x, 1.5); }
        @Laplacian static double pow05(double x) { return Math.pow(x, 0.5); }
        @Laplacian static double powThird(double x) { return Math.pow(x, 1.0 / 3); }
        @Laplacian static double pow25(double x) { return Math.pow(x, 2.5); }
        @Laplacian static double pow0(double x) { return Math.pow(x, 0); }
        @Laplacian static double pow1(double x) { return Math.pow(x, 1); }
        @Laplacian static double pow2(double x) { return Math.pow(x, 2); }
        @Laplacian static double pow3(double x) { return Math.pow(x, 3); }
        @Laplacian static double powMinus1(double x) { return Math.pow(x, -1); }
        @Laplacian static double powMinus2(double x) { return Math.pow(x, -2); }
        @Laplacian static double powMinus3(double x) { return Math.pow(x, -3); }
        @Laplacian static double reciprocal(double x) { return 1 / x; }
        @Laplacian static double abs(double x) { return Math.abs(x); }
        @Laplacian static double min(double x, double y) { return Math.min(x, y); }
        @Laplacian static double max(double x, double y) { return Math.max(x, y); }
        @Laplacian static double maxOfOpposites(double x) { return Math.max(x, -x); }
        @Laplacian static double atan2(double x, double y) { return Math.atan2(y, x); }
        @Laplacian static double quotient(double x, double y) { return x / y; }
        @Laplacian static double exp(double x) { return Math.exp(x); }
        @Laplacian static double expTimesExpOfNegated(double x) { return Math.exp(x) * Math.exp(-x); }
        @Laplacian static double square(double x) { return x * x; }
        @Laplacian static double hypot(double x, double y) { return Math.hypot(x, y); }
        @Laplacian static double radius(double x, double y) { return Math.sqrt(x * x + y * y); }

        @LinearPDE(value = "D[x,x,x,x]", name = "powMinus2Fourth")
        static double powMinus2AtOrder4(double x) { return Math.pow(x, -2); }
        @LinearPDE(value = "D[x,x,x,x]", name = "reciprocalFourth")
        static double reciprocalAtOrder4(double x) { return 1 / x; }
      }
      """;

  /** How an edge relates to Hipparchus. */
  enum Hipparchus { AGREES, DIFFERS, NOT_COMPARED }

  /**
   * One edge: the generated method, the point, what it returns (value, gradient, Laplacian), the
   * Hipparchus coding of the same function (null if not compared) and what the math says.
   */
  record Edge(String method, String formula, double[] point, double value, double[] gradient, double laplacian,
      Hipparchus hipparchus, Oracle.DsFunction ds, String note) {
    @Override
    public String toString() {
      return formula + " at " + Arrays.toString(point);
    }
  }

  private static Edge edge(String method, String formula, double[] point, double value, double[] gradient,
      double laplacian, Hipparchus h, Oracle.DsFunction ds, String note) {
    return new Edge(method, formula, point, value, gradient, laplacian, h, ds, note);
  }

  private static double[] at(double... point) {
    return point;
  }

  private static double[] grad(double... gradient) {
    return gradient;
  }

  static List<Edge> edges() {
    List<Edge> e = new ArrayList<>();
    // Roots and logarithms at 0: the one-sided (right) limits, infinite.
    e.add(edge("sqrt", "sqrt(x)", at(0.0), 0.0, grad(INF), -INF, Hipparchus.AGREES, x -> x[0].sqrt(),
        "right limits: sqrt' → +∞, sqrt'' → −∞"));
    e.add(edge("sqrt", "sqrt(x)", at(-0.0), -0.0, grad(-INF), INF, Hipparchus.AGREES, x -> x[0].sqrt(),
        "IEEE sqrt(−0) = −0, and 0.5/(−0) = −∞ flips the signs of both infinite derivatives"));
    e.add(edge("sqrtOfNegated", "sqrt(−x)", at(0.0), -0.0, grad(INF), INF, Hipparchus.AGREES,
        x -> x[0].negate().sqrt(),
        "the domain is x ≤ 0, where d/dx → −∞ and d²/dx² → −∞; the argument −x is −0 here, so both "
            + "infinities come out with the wrong sign"));
    e.add(edge("cbrt", "cbrt(x)", at(0.0), 0.0, grad(INF), NAN, Hipparchus.AGREES, x -> x[0].cbrt(),
        "cbrt' → +∞ from both sides; cbrt'' → −∞ from the right, +∞ from the left: no limit, NaN"));
    e.add(edge("log", "log(x)", at(0.0), -INF, grad(INF), -INF, Hipparchus.DIFFERS, x -> x[0].log(),
        "right limits: 1/x → +∞, −1/x² → −∞; Hipparchus gives NaN for the second derivative"));
    e.add(edge("log", "log(x)", at(-1.0), NAN, grad(-1.0), -1.0, Hipparchus.AGREES, x -> x[0].log(),
        "outside the domain the value is NaN, but the derivatives are those of 1/x (of log|x|), finite; "
            + "Hipparchus does the same"));
    e.add(edge("log10", "log10(x)", at(-1.0), NAN, grad(-1 / Math.log(10)), -1 / Math.log(10), Hipparchus.AGREES,
        x -> x[0].log10(), "as log: finite derivatives under a NaN value"));
    e.add(edge("log1p", "log1p(x)", at(-2.0), NAN, grad(-1.0), -1.0, Hipparchus.AGREES, x -> x[0].log1p(),
        "as log: 1/(1 + x) is defined at −2"));
    // pow with a non-integer exponent at 0.
    e.add(edge("pow15", "pow(x, 1.5)", at(0.0), 0.0, grad(0.0), INF, Hipparchus.DIFFERS, x -> x[0].pow(1.5),
        "1.5·x^0.5 → 0; 0.75·x^−0.5 → +∞ (right limit); Hipparchus sets every derivative of 0^p to 0"));
    e.add(edge("pow05", "pow(x, 0.5)", at(0.0), 0.0, grad(INF), -INF, Hipparchus.DIFFERS, x -> x[0].pow(0.5),
        "as sqrt; Hipparchus gives 0, 0"));
    e.add(edge("pow05", "pow(x, 0.5)", at(-0.0), 0.0, grad(INF), -INF, Hipparchus.DIFFERS, x -> x[0].pow(0.5),
        "IEEE pow(−0, 0.5) = +0 (unlike sqrt(−0) = −0), so no sign flip; Hipparchus gives 0, 0"));
    e.add(edge("powThird", "pow(x, 1/3.)", at(0.0), 0.0, grad(INF), -INF, Hipparchus.DIFFERS,
        x -> x[0].pow(1.0 / 3), "right limits (cbrt gives NaN for the second derivative); Hipparchus gives 0, 0"));
    e.add(edge("powThird", "pow(x, 1/3.)", at(-1.0), NAN, grad(NAN), NAN, Hipparchus.AGREES,
        x -> x[0].pow(1.0 / 3), "IEEE pow of a negative base with a non-integer exponent is NaN"));
    e.add(edge("pow25", "pow(x, 2.5)", at(0.0), 0.0, grad(0.0), 0.0, Hipparchus.AGREES, x -> x[0].pow(2.5),
        "2.5·x^1.5 and 3.75·x^0.5 both → 0"));
    // pow with an integer exponent at 0 (products for |exponent − 1| ≤ 4).
    e.add(edge("pow0", "pow(x, 0)", at(0.0), 1.0, grad(0.0), 0.0, Hipparchus.AGREES, x -> x[0].pow(0),
        "IEEE pow(0, 0) = 1; x⁰ ≡ 1 has zero derivatives"));
    e.add(edge("pow1", "pow(x, 1)", at(0.0), 0.0, grad(1.0), 0.0, Hipparchus.AGREES, x -> x[0].pow(1), "exact"));
    e.add(edge("pow2", "pow(x, 2)", at(0.0), 0.0, grad(0.0), 2.0, Hipparchus.AGREES, x -> x[0].pow(2), "exact"));
    e.add(edge("pow3", "pow(x, 3)", at(0.0), 0.0, grad(0.0), 0.0, Hipparchus.AGREES, x -> x[0].pow(3), "exact"));
    e.add(edge("powMinus1", "pow(x, −1)", at(0.0), INF, grad(-INF), INF, Hipparchus.DIFFERS, x -> x[0].pow(-1),
        "right limits −1/x² → −∞, 2/x³ → +∞ (as 1/x); Hipparchus: NaN second derivative"));
    e.add(edge("powMinus2", "pow(x, −2)", at(0.0), INF, grad(-INF), INF, Hipparchus.DIFFERS, x -> x[0].pow(-2),
        "−2/x³ → −∞ (right), 6/x⁴ → +∞ from both sides; Hipparchus: NaN second derivative"));
    e.add(edge("powMinus2", "pow(x, −2)", at(-0.0), INF, grad(INF), INF, Hipparchus.DIFFERS, x -> x[0].pow(-2),
        "at −0 the left limits: −2/x³ → +∞, 6/x⁴ → +∞; Hipparchus: NaN second derivative"));
    e.add(edge("powMinus3", "pow(x, −3)", at(0.0), INF, grad(-INF), INF, Hipparchus.DIFFERS, x -> x[0].pow(-3),
        "right limits −3/x⁴ → −∞, 12/x⁵ → +∞; Hipparchus: NaN second derivative"));
    // abs, min, max.
    e.add(edge("abs", "abs(x)", at(0.0), 0.0, grad(0.0), 0.0, Hipparchus.DIFFERS, x -> x[0].abs(),
        "one-sided derivatives ±1 (every value in [−1, 1] is a subgradient); we give signum(0) = 0, their "
            + "average; the second derivative is 2δ, we give 0; Hipparchus gives +1 at +0 (−1 at −0)"));
    e.add(edge("min", "min(x, y)", at(1.0, 1.0), 1.0, grad(1.0, 0.0), 0.0, Hipparchus.NOT_COMPARED, null,
        "on the tie x = y the derivative of the first operand (one-sided: e_x from one side, e_y from the other)"));
    e.add(edge("max", "max(x, y)", at(1.0, 1.0), 1.0, grad(1.0, 0.0), 0.0, Hipparchus.NOT_COMPARED, null,
        "on the tie the first operand, as for min"));
    e.add(edge("min", "min(x, y)", at(NAN, 1.0), NAN, grad(0.0, 1.0), 0.0, Hipparchus.NOT_COMPARED, null,
        "x <= y is false for NaN, so the derivatives of y under a NaN value"));
    e.add(edge("max", "max(x, y)", at(1.0, NAN), NAN, grad(0.0, 1.0), 0.0, Hipparchus.NOT_COMPARED, null,
        "x >= y is false for NaN: the derivatives of the second operand again"));
    e.add(edge("maxOfOpposites", "max(x, −x)", at(0.0), 0.0, grad(1.0), 0.0, Hipparchus.NOT_COMPARED, null,
        "this is |x|, but the tie picks x: derivative 1, where abs(x) gives 0"));
    // atan2.
    e.add(edge("atan2", "atan2(y, x)", at(0.0, 0.0), 0.0, grad(NAN, NAN), NAN, Hipparchus.AGREES,
        x -> DerivativeStructure.atan2(x[1], x[0]),
        "IEEE atan2(0, 0) = 0; the angle has no limit at the origin, so NaN derivatives"));
    e.add(edge("atan2", "atan2(y, x)", at(-1.0, 0.0), Math.PI, grad(0.0, -1.0), 0.0, Hipparchus.AGREES,
        x -> DerivativeStructure.atan2(x[1], x[0]),
        "on the branch cut the value jumps (π here), the derivatives −y/r², x/r² are continuous across it"));
    e.add(edge("atan2", "atan2(y, x)", at(-1.0, -0.0), -Math.PI, grad(0.0, -1.0), 0.0, Hipparchus.AGREES,
        x -> DerivativeStructure.atan2(x[1], x[0]), "IEEE atan2(−0, −1) = −π; same derivatives"));
    // Division by zero.
    e.add(edge("reciprocal", "1/x", at(0.0), INF, grad(-INF), INF, Hipparchus.DIFFERS, x -> x[0].reciprocal(),
        "right limits; Hipparchus gives NaN for the second derivative"));
    e.add(edge("reciprocal", "1/x", at(-0.0), -INF, grad(-INF), -INF, Hipparchus.DIFFERS, x -> x[0].reciprocal(),
        "left limits (−1/x² → −∞ from both sides); Hipparchus: NaN second derivative"));
    e.add(edge("quotient", "x/y", at(1.0, 0.0), INF, grad(INF, -INF), INF, Hipparchus.DIFFERS,
        x -> x[0].divide(x[1]), "right limits in y: 1/y → +∞, −x/y² → −∞, 2x/y³ → +∞; Hipparchus gives NaN "
            + "for ∂/∂x and the Laplacian"));
    e.add(edge("quotient", "x/y", at(0.0, 0.0), NAN, grad(INF, NAN), NAN, Hipparchus.DIFFERS,
        x -> x[0].divide(x[1]), "IEEE 0/0 = NaN; ∂/∂x = 1/y = +∞, the rest NaN; Hipparchus: all NaN"));
    // Overflow.
    e.add(edge("exp", "exp(x)", at(800.0), INF, grad(INF), INF, Hipparchus.DIFFERS, x -> x[0].exp(),
        "e^800 overflows; so do its derivatives (all e^800); Hipparchus: NaN second derivative"));
    e.add(edge("expTimesExpOfNegated", "exp(x)·exp(−x)", at(800.0), NAN, grad(NAN), NAN, Hipparchus.AGREES,
        x -> x[0].exp().multiply(x[0].negate().exp()),
        "the true function is 1 (derivatives 0), but ∞·0 = NaN in the primal and in every coefficient"));
    e.add(edge("square", "x·x", at(1e200), INF, grad(2e200), 2.0, Hipparchus.AGREES, x -> x[0].multiply(x[0]),
        "the value overflows, the derivatives 2x and 2 do not: each coefficient overflows on its own"));
    // hypot and the Euclidean norm at the origin.
    e.add(edge("hypot", "hypot(x, y)", at(0.0, 0.0), 0.0, grad(NAN, NAN), NAN, Hipparchus.AGREES,
        x -> DerivativeStructure.hypot(x[0], x[1]),
        "r is not differentiable at 0 (the gradient x/r has no limit); Δr = 1/r → +∞ in 2D, we give NaN"));
    e.add(edge("radius", "sqrt(x² + y²)", at(0.0, 0.0), 0.0, grad(NAN, NAN), NAN, Hipparchus.AGREES,
        x -> x[0].multiply(x[0]).add(x[1].multiply(x[1])).sqrt(), "as hypot (0·∞ in the chain rule)"));
    e.add(edge("hypot", "hypot(x, y)", at(0.0, 0.5), 0.5, grad(0.0, 1.0), 2.0, Hipparchus.DIFFERS,
        x -> DerivativeStructure.hypot(x[0], x[1]), "on an axis, away from the origin: smooth, Δr = 1/r = 2; "
            + "Hipparchus's hypot gives 0 for the Laplacian here (its scaling mishandles a zero argument)"));
    e.add(edge("radius", "sqrt(x² + y²)", at(0.0, 0.5), 0.5, grad(0.0, 1.0), 2.0, Hipparchus.AGREES,
        x -> x[0].multiply(x[0]).add(x[1].multiply(x[1])).sqrt(), "Hipparchus agrees when r is written out"));
    return e;
  }

  private CompiledSources compiled;
  private CompiledSources standard;

  @BeforeAll
  void compile() {
    compiled = CollapsarCompiler.with(CollapsarProcessor::new).compile("edges.Edges", SOURCE);
    compiled.assertSucceeded();
    String standardSource = SOURCE.replace("@Laplacian static", "@Laplacian(mode = Mode.STANDARD) static")
        .replace("import dev.collapsar.Laplacian;", "import dev.collapsar.Laplacian;\nimport dev.collapsar.Mode;");
    standard = CollapsarCompiler.with(CollapsarProcessor::new).compile("edges.Edges", standardSource);
    standard.assertSucceeded();
    if (Boolean.getBoolean("collapsar.edges.print")) {
      printTable();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void evaluateReturnsThePinnedValues(Edge e) throws Exception {
    LaplacianResult r = evaluate(e);
    assertSame(e.value(), r.value(), e + ": value");
    assertEquals(e.gradient().length, r.dimension(), e + ": dimension");
    for (int i = 0; i < e.gradient().length; i++) {
      assertSame(e.gradient()[i], r.gradient(i), e + ": ∂" + i);
    }
    assertSame(e.laplacian(), r.laplacian(), e + ": Laplacian");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void laplacianVariantsAgreeWithEvaluate(Edge e) throws Exception {
    Method plain = method(e.method() + "Laplacian", e.point().length, false);
    Method withGradient = method(e.method() + "Laplacian", e.point().length, true);
    Object[] args = args(e.point());
    assertSame(e.laplacian(), (double) plain.invoke(null, args), e + ": mLaplacian");
    double[] gradient = new double[e.point().length];
    Object[] withOut = Arrays.copyOf(args, args.length + 1);
    withOut[args.length] = gradient;
    assertSame(e.laplacian(), (double) withGradient.invoke(null, withOut), e + ": mLaplacian(..., gradientOut)");
    for (int i = 0; i < gradient.length; i++) {
      assertSame(e.gradient()[i], gradient[i], e + ": gradientOut[" + i + "]");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void comparisonWithHipparchusIsAsDocumented(Edge e) throws Exception {
    if (e.hipparchus() == Hipparchus.NOT_COMPARED) {
      return;
    }
    OracleResult h = Oracle.of(e.point().length, 2, e.ds()).at(e.point());
    LaplacianResult r = evaluate(e);
    boolean same = same(h.value(), r.value()) && same(h.laplacian(), r.laplacian());
    for (int i = 0; i < e.gradient().length; i++) {
      same &= same(h.gradient()[i], r.gradient(i));
    }
    String both = e + ": Hipparchus gives " + h.value() + ", " + Arrays.toString(h.gradient()) + ", "
        + h.laplacian() + "; we give " + r;
    if (e.hipparchus() == Hipparchus.AGREES && !same) {
      throw new AssertionError(both + " — documented as agreeing");
    }
    if (e.hipparchus() == Hipparchus.DIFFERS && same) {
      throw new AssertionError(both + " — documented as differing; update the edge and the README");
    }
  }

  /** Plain Taylor mode (kept for verification) returns the same values, infinities and NaNs. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void standardModeReturnsTheSame(Edge e) throws Exception {
    Class<?>[] types = new Class<?>[e.point().length];
    Arrays.fill(types, double.class);
    Method m = standard.load("edges.EdgesOperators").getDeclaredMethod(e.method() + "Evaluate", types);
    m.setAccessible(true);
    LaplacianResult r = (LaplacianResult) m.invoke(null, args(e.point()));
    assertSame(e.value(), r.value(), e + " (standard mode): value");
    for (int i = 0; i < e.gradient().length; i++) {
      assertSame(e.gradient()[i], r.gradient(i), e + " (standard mode): ∂" + i);
    }
    assertSame(e.laplacian(), r.laplacian(), e + " (standard mode): Laplacian");
  }

  /**
   * Near (not at) the edges the generated code is the smooth function's, to rounding. (Points where
   * Hipparchus itself overflows are left out: its pow(x, p) goes through x^(p−2), out of range for
   * tiny x.)
   */
  @Test
  void justInsideTheEdgesTheDerivativesAreExact() throws Exception {
    double[] near = {1e-100, 1e-10, 1e-3};
    int compared = 0;
    for (Edge e : edges()) {
      if (e.ds() == null || e.point().length != 1 || e.point()[0] != 0.0 || e.method().equals("abs")) {
        continue;
      }
      for (double p : near) {
        OracleResult h = Oracle.of(1, 2, e.ds()).at(p);
        if (!Double.isFinite(h.value()) || !Double.isFinite(h.gradient()[0]) || !Double.isFinite(h.laplacian())) {
          continue;
        }
        LaplacianResult r = (LaplacianResult) method(e.method() + "Evaluate", 1, false).invoke(null, p);
        String what = e.formula() + " at " + p;
        Numerics.assertClose(h.value(), r.value(), 1e-13, 0, what + ": value");
        Numerics.assertClose(h.gradient()[0], r.gradient(0), 1e-13, 0, what + ": derivative");
        Numerics.assertClose(h.laplacian(), r.laplacian(), 1e-13, 0, what + ": second derivative");
        compared++;
      }
    }
    if (compared < 30) {
      throw new AssertionError("only " + compared + " near-edge points compared");
    }
  }

  /** Fourth derivatives at the pole of x⁻² and 1/x: 120/x⁶ → +∞, 24/x⁵ → +∞ from the right. */
  @Test
  void fourthOrderAtThePole() throws Exception {
    assertSame(INF, invokeOperator("powMinus2Fourth", 0.0), "D⁴ pow(x, −2) at 0");
    assertSame(INF, invokeOperator("reciprocalFourth", 0.0), "D⁴ (1/x) at 0");
    assertSame(INF, invokeOperator("powMinus2Fourth", -0.0), "D⁴ pow(x, −2) at −0");
    Numerics.assertClose(120 / Math.pow(0.5, 6), invokeOperator("powMinus2Fourth", 0.5), 1e-14, 0, "D⁴ x⁻² at 0.5");
  }

  private double invokeOperator(String name, double x) throws Exception {
    Method m = compiled.load("edges.EdgesOperators").getDeclaredMethod(name, double.class);
    m.setAccessible(true);
    return (double) m.invoke(null, x);
  }

  private LaplacianResult evaluate(Edge e) throws Exception {
    return (LaplacianResult) method(e.method() + "Evaluate", e.point().length, false).invoke(null, args(e.point()));
  }

  private Method method(String name, int dimension, boolean gradientOut) throws Exception {
    Class<?>[] types = new Class<?>[dimension + (gradientOut ? 1 : 0)];
    Arrays.fill(types, double.class);
    if (gradientOut) {
      types[dimension] = double[].class;
    }
    Method m = compiled.load("edges.EdgesOperators").getDeclaredMethod(name, types);
    m.setAccessible(true);
    return m;
  }

  private static Object[] args(double[] point) {
    Object[] args = new Object[point.length];
    for (int i = 0; i < point.length; i++) {
      args[i] = point[i];
    }
    return args;
  }

  private static boolean same(double expected, double actual) {
    return Numerics.isClose(expected, actual, 1e-15, 0);
  }

  private static void assertSame(double expected, double actual, String what) {
    if (!same(expected, actual)) {
      throw new AssertionError(what + ": expected " + expected + " but the generated code returns " + actual);
    }
  }

  private void printTable() {
    System.out.println("| function | point | value | derivative(s) | Laplacian | Hipparchus | note |");
    for (Edge e : edges()) {
      System.out.println("| " + e.formula() + " | " + Arrays.toString(e.point()) + " | " + e.value() + " | "
          + Arrays.toString(e.gradient()) + " | " + e.laplacian() + " | " + e.hipparchus() + " | " + e.note() + " |");
    }
  }
}

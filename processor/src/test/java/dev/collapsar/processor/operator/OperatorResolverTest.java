package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.ir.Coordinate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.processor.diag.DiagnosticId;
import dev.collapsar.processor.operator.OperatorError.Where;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coordinates from wrt, dim and the names used; every name and coordinate error with its id and place. */
class OperatorResolverTest {
  private static final OperatorParameter T = p("t", Type.DOUBLE);
  private static final OperatorParameter S = p("s", Type.DOUBLE);
  private static final OperatorParameter X = p("x", Type.DOUBLE_ARRAY);
  private static final OperatorParameter MATRIX = p("S", Type.DOUBLE_MATRIX);
  private static final OperatorParameter B = p("b", Type.DOUBLE_ARRAY);
  private static final OperatorParameter N = p("n", Type.INT);
  private static final OperatorParameter FLAG = p("flag", Type.BOOLEAN);

  private static OperatorParameter p(String name, Type kind) {
    return new OperatorParameter(name, kind);
  }

  private static ResolvedOperator resolve(String text, OperatorSignature signature) {
    OperatorResult<ResolvedOperator> result = Operators.resolve(text, signature);
    assertTrue(result.isOk(), () -> text + ": " + result.errors());
    return result.value();
  }

  private static List<String> coordinates(ResolvedOperator op) {
    return op.coordinates().stream().map(Coordinate::display).toList();
  }

  private static OperatorError error(String text, OperatorSignature signature) {
    OperatorResult<ResolvedOperator> result = Operators.resolve(text, signature);
    assertEquals(1, result.errors().size(), () -> text + ": " + result.errors());
    return result.errors().get(0);
  }

  private static void assertError(String text, OperatorSignature signature, DiagnosticId id, int column, String fragment) {
    OperatorError e = error(text, signature);
    assertEquals(id, e.problem().id(), e.problem().message());
    assertEquals(column, e.column());
    assertTrue(e.problem().render().contains(fragment), e.problem().render());
  }

  // ---- coordinates

  @Test
  void designExamplesResolve() {
    OperatorSignature bs = RandomOperator.signatureOf("t", "s", "sigma", "r");
    ResolvedOperator blackScholes = resolve("D[t] + 0.5*sigma*sigma*s*s*D[s,s] + r*s*D[s] - r*u", bs);
    assertEquals(List.of("t", "s"), coordinates(blackScholes));
    assertEquals(4, blackScholes.terms().size());
    assertEquals(List.of("t", "x"), coordinates(resolve("D[t] - 0.5*D[x,x]", RandomOperator.signatureOf("t", "x"))));
    assertEquals(List.of("t", "x"), coordinates(resolve("D[t,t] - c*c*D[x,x]", RandomOperator.signatureOf("t", "x", "c"))));
    assertEquals(List.of("t", "x"), coordinates(resolve("D[t] + D[x,x,x]", RandomOperator.signatureOf("t", "x"))));
    assertEquals(List.of("x", "y"), coordinates(resolve("D[x,x,y,y] + 3*D[x,x,x,y]", RandomOperator.signatureOf("x", "y"))));
    assertEquals(List.of("x", "y"), coordinates(resolve("biharmonic", RandomOperator.signatureOf("x", "y"))));
    OperatorSignature array = new OperatorSignature(List.of(X), List.of(), 3);
    assertEquals(List.of("x[0]", "x[1]", "x[2]"), coordinates(resolve("laplacian - 2*D[x[0]] + 3*u", array)));
    OperatorSignature kolmogorov = new OperatorSignature(List.of(X, MATRIX, B), List.of(), 2);
    ResolvedOperator k = resolve("0.5*diffusion(S) + drift(b)", kolmogorov);
    assertEquals(List.of("x[0]", "x[1]"), coordinates(k));
    assertEquals(List.of(0, 1), k.spaceCoordinates());
  }

  @Test
  void inferredCoordinatesFollowDeclarationOrder() {
    assertEquals(List.of("t", "s"), coordinates(resolve("D[s] + D[t]", OperatorSignature.of(T, S))));
  }

  @Test
  void arrayElementsWithoutDimAreJustTheNamedOnes() {
    OperatorSignature noDim = OperatorSignature.of(X);
    assertEquals(List.of("x[0]", "x[2]"), coordinates(resolve("D[x[2],x[0]]", noDim)));
    assertError("laplacian + D[x[0]]", noDim, DiagnosticId.MISSING_DIM, 0, "its length is not given");
  }

  @Test
  void laplacianAloneDefaultsLikeAtLaplacian() {
    assertEquals(List.of("t", "s"), coordinates(resolve("laplacian", OperatorSignature.of(T, S, N))));
    // doubles beside an array without dim: either could be the coordinates, so no guess
    assertError("laplacian", OperatorSignature.of(T, X, S), DiagnosticId.AMBIGUOUS_WRT, 0,
        "wrt = {\"t\", \"s\"} to differentiate the doubles");
    // an array read as coefficients or as drift's argument is no candidate
    assertEquals(List.of("t", "s"), coordinates(resolve("b[0]*laplacian + drift(x)", OperatorSignature.of(T, X, B, S))));
    assertEquals(List.of("x[0]", "x[1]"), coordinates(resolve("laplacian", OperatorSignature.of(X).withDim(2))));
    // dim names the array even beside a double parameter
    assertEquals(List.of("x[0]", "x[1]"), coordinates(resolve("laplacian", OperatorSignature.of(T, X).withDim(2))));
    // drift's argument is not a coordinate when another array is
    assertEquals(List.of("x[0]"), coordinates(resolve("drift(b)", OperatorSignature.of(B, X).withDim(1))));
    assertEquals(List.of("b[0]", "b[1]"), coordinates(resolve("drift(b)", OperatorSignature.of(B).withDim(2))));
  }

  @Test
  void atLaplacianReadsTheLengthOfALoneArrayAtRunTime() {
    OperatorSignature runTime = new OperatorSignature(List.of(X, B), List.of("x"), OperatorSignature.NO_DIM, true);
    OperatorResult<CoordinateResolver.Coordinates> c = Operators.coordinates("laplacian", runTime);
    assertEquals(new CoordinateResolver.Coordinates(List.of(), List.of(), "x"), c.value());
    // beside a double it cannot: the order of the coordinates would be unknown
    OperatorSignature mixed = new OperatorSignature(List.of(X, T), List.of("x", "t"), OperatorSignature.NO_DIM, true);
    assertEquals(DiagnosticId.MISSING_DIM, Operators.coordinates("laplacian", mixed).errors().get(0).problem().id());
    // and @LinearPDE needs dim
    assertEquals(DiagnosticId.MISSING_DIM,
        Operators.coordinates("laplacian", OperatorSignature.of(X).withWrt("x")).errors().get(0).problem().id());
  }

  @Test
  void spaceCoordinatesExcludeScalarsBesideOneArray() {
    OperatorSignature signature = new OperatorSignature(List.of(T, X, MATRIX, B), List.of("t", "x"), 2);
    ResolvedOperator op = resolve("D[t] + 0.5*diffusion(S) + drift(b) - laplacian", signature);
    assertEquals(List.of("t", "x[0]", "x[1]"), coordinates(op));
    assertEquals(List.of(1, 2), op.spaceCoordinates());
    assertEquals(List.of(0, 1), resolve("laplacian", OperatorSignature.of(T, S).withWrt("t", "s")).spaceCoordinates());
  }

  @Test
  void explicitWrtKeepsItsOrderAndMayAddCoordinates() {
    assertEquals(List.of("s", "t"), coordinates(resolve("D[t]", OperatorSignature.of(T, S).withWrt("s", "t", "s"))));
  }

  @Test
  void termsCombineDistributeAndCancel() {
    OperatorSignature xy = RandomOperator.signatureOf("x", "y", "c");
    ResolvedOperator op = resolve("D[x,y] + D[y,x] - c*(D[x,x] + u)/2 + D[y] - D[y]", xy);
    assertEquals(Map.of(new Atom.Partial(List.of(0, 1)), Coefficient.of(2),
        new Atom.Partial(List.of(0, 0)), new Coefficient.ParameterRef("c").times(Coefficient.of(-1).times(Coefficient.ONE
            .times(new org.hipparchus.fraction.BigFraction(1, 2)))),
        new Atom.Value(), new Coefficient.ParameterRef("c").times(new org.hipparchus.fraction.BigFraction(-1, 2))), op.terms());
    assertEquals(List.of("x", "y"), coordinates(op));
  }

  @Test
  void namesThatAreAtomsElsewhereStayUsable() {
    OperatorSignature signature = OperatorSignature.of(p("D", Type.DOUBLE), p("drift", Type.DOUBLE),
        p("x", Type.DOUBLE));
    ResolvedOperator op = resolve("D*D[x,x] + drift*D[x]", signature);
    assertEquals(List.of("x"), coordinates(op));
    assertEquals("D", op.terms().get(new Atom.Partial(List.of(0, 0))).toString());
  }

  @Test
  void coordinatesMayBeCoefficients() {
    ResolvedOperator op = resolve("s*s*D[s,s] + x[1]*D[x[0]]", new OperatorSignature(List.of(S, X), List.of("s", "x"), 2));
    assertEquals(java.util.Set.of("s"), op.terms().get(new Atom.Partial(List.of(0, 0))).references());
    assertEquals(java.util.Set.of("x[1]"), op.terms().get(new Atom.Partial(List.of(1))).references());
  }

  // ---- errors in the text

  @Test
  void variableErrors() {
    OperatorSignature signature = new OperatorSignature(List.of(T, S, X, N, FLAG), List.of(), 3);
    assertError("D[z]", signature, DiagnosticId.OPERATOR_VARIABLE, 3, "Differentiable parameters: t, s, x.");
    assertError("D[t,n]", signature, DiagnosticId.OPERATOR_VARIABLE, 5, "n at column 5 is an int parameter");
    assertError("D[flag]", signature, DiagnosticId.OPERATOR_VARIABLE, 3, "flag at column 3 is a boolean parameter");
    assertError("D[s[0]]", signature, DiagnosticId.OPERATOR_VARIABLE, 3, "indexes s, which is a double, not a double[]");
    assertError("D[x]", signature, DiagnosticId.OPERATOR_VARIABLE, 3, "Write an element, e.g. `x[0]`.");
    assertError("D[x[3]]", signature, DiagnosticId.OPERATOR_VARIABLE, 3, "dim = 3 gives elements 0 to 2");
    assertError("D[t] + D[s]", OperatorSignature.of(T, S).withWrt("s"), DiagnosticId.OPERATOR_VARIABLE, 3,
        "not among the coordinates wrt = {s}");
  }

  @Test
  void coefficientErrors() {
    OperatorSignature signature = new OperatorSignature(List.of(T, X, MATRIX, N), List.of("t", "x"), 2);
    assertError("q*D[t]", signature, DiagnosticId.OPERATOR_COEFFICIENT, 1, "numeric parameters: t, n.");
    assertError("D[t]*S", signature, DiagnosticId.OPERATOR_COEFFICIENT, 6, "S at column 6 is a double[][] parameter");
    assertError("x*D[t]", signature, DiagnosticId.OPERATOR_COEFFICIENT, 1, "Use an element, e.g. `x[0]`.");
    assertError("t[0]*D[t]", signature, DiagnosticId.OPERATOR_COEFFICIENT, 1, "indexes t, which is a double, not a double[]");
    assertError("x[2]*D[x[0]]", signature, DiagnosticId.OPERATOR_COEFFICIENT, 1, "x[2] at column 1 is out of range");
    assertError("D[t]/(n-n)", signature, DiagnosticId.OPERATOR_COEFFICIENT, 7, "The divisor at column 7 is zero.");
    assertError("D[t]/0", signature, DiagnosticId.OPERATOR_COEFFICIENT, 6, "The divisor at column 6 is zero.");
    assertError("(t/0)*D[t]", signature, DiagnosticId.OPERATOR_COEFFICIENT, 4, "The divisor at column 4 is zero.");
  }

  @Test
  void argumentErrors() {
    OperatorSignature signature = new OperatorSignature(List.of(X, MATRIX, B, T), List.of(), 2);
    assertError("diffusion(b)", signature, DiagnosticId.OPERATOR_ARGUMENT, 11,
        "The argument b of diffusion at column 11 is a double[], but diffusion takes a double[][] parameter.");
    assertError("u + drift(S)", signature, DiagnosticId.OPERATOR_ARGUMENT, 11, "double[] parameters: x, b.");
    assertError("drift(t)", signature, DiagnosticId.OPERATOR_ARGUMENT, 7, "is a double, but drift takes a double[]");
    assertError("diffusion(Q)", signature, DiagnosticId.OPERATOR_ARGUMENT, 11, "Q of diffusion at column 11 is not a parameter");
  }

  @Test
  void allNameErrorsComeTogetherInColumnOrder() {
    OperatorResult<ResolvedOperator> result = Operators.resolve("q*D[z] + D[w]", OperatorSignature.of(T));
    assertEquals(List.of(1, 5, 12), result.errors().stream().map(OperatorError::column).toList());
  }

  // ---- errors in wrt and dim

  @Test
  void wrtAndDimErrors() {
    OperatorError unknown = error("D[t]", OperatorSignature.of(T, N).withWrt("t", "n"));
    assertEquals(DiagnosticId.UNKNOWN_WRT, unknown.problem().id());
    assertEquals(Where.WRT, unknown.where());
    assertTrue(unknown.problem().render().contains("Differentiable parameters: t."));

    OperatorError missing = error("D[x[0]]", OperatorSignature.of(X).withWrt("x"));
    assertEquals(DiagnosticId.MISSING_DIM, missing.problem().id());
    assertEquals(Where.ANNOTATION, missing.where());

    OperatorError dimWithoutArray = error("D[t]", OperatorSignature.of(T).withDim(3));
    assertEquals(DiagnosticId.BAD_DIM, dimWithoutArray.problem().id());
    assertEquals(Where.DIM, dimWithoutArray.where());
    assertEquals(DiagnosticId.BAD_DIM, error("laplacian", OperatorSignature.of(X).withDim(0)).problem().id());
  }

  @Test
  void defaultCoordinatesThatCannotBeChosen() {
    assertEquals(DiagnosticId.NO_WRT, error("laplacian + n*u", OperatorSignature.of(N)).problem().id());
    OperatorError helmholtz = error("laplacian + k*k*u", RandomOperator.signatureOf("x", "y", "k"));
    assertEquals(DiagnosticId.AMBIGUOUS_WRT, helmholtz.problem().id());
    assertTrue(helmholtz.problem().render().contains("k would be differentiated"), helmholtz.problem().render());
    assertEquals(DiagnosticId.AMBIGUOUS_WRT, error("laplacian", OperatorSignature.of(X, B)).problem().id());
    // with wrt the same operator is fine
    assertEquals(List.of("x", "y"), coordinates(resolve("laplacian + k*k*u", RandomOperator.signatureOf("x", "y", "k")
        .withWrt("x", "y"))));
  }

  @Test
  void wholeSpaceAtomsOverInferredCoordinatesMustNotLeaveParametersOut() {
    OperatorSignature txy = RandomOperator.signatureOf("t", "x", "y");
    OperatorError heat = error("D[t] - laplacian", txy);
    assertEquals(DiagnosticId.AMBIGUOUS_WRT, heat.problem().id());
    assertTrue(heat.problem().render().contains("which D[...] gives as t, leaving out x, y"), heat.problem().render());
    assertTrue(heat.problem().render().contains("name them: laplacian(x, y) or biharmonic(x, y); to have the atoms "
        + "range over t, x, y, give wrt = {\"t\", \"x\", \"y\"}"), heat.problem().render());
    assertEquals(List.of("t", "x", "y"), coordinates(resolve("D[t] - laplacian(x, y)", txy)));
    assertEquals(List.of("t", "x", "y"), coordinates(resolve("D[t] - laplacian", txy.withWrt("t", "x", "y"))));
    // parameters used as coefficients are not left out
    assertEquals(List.of("x"), coordinates(resolve("laplacian + t*y*D[x]", txy)));
  }

  @Test
  void anOperatorWithoutDerivativesNeedsNoCoordinates() {
    ResolvedOperator op = resolve("3*n*u", OperatorSignature.of(N));
    assertEquals(List.of(), op.coordinates());
    assertEquals(0, op.order());
  }
}

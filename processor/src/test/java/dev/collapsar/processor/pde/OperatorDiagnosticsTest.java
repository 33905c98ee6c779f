package dev.collapsar.processor.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.DiagnosticAssert;
import org.junit.jupiter.api.Test;

/**
 * Bad {@code @LinearPDE} use is one compile error on the annotation's value, with a stable id, the
 * column and what was expected (each parse and plan error kind is covered at unit level by the
 * operator package's tests; these pin the path through javac to the annotation line).
 */
class OperatorDiagnosticsTest {

  private static CompiledSources compile(String annotation, String parameters) {
    String source = "package bad;\n\nimport dev.collapsar.LinearPDE;\n\nfinal class Bad {\n"
        + "  " + annotation + "\n"
        + "  static double u(" + parameters + ") { return x * x * x; }\n}\n";
    return CollapsarCompiler.with(CollapsarProcessor::new).compile("bad.Bad", source);
  }

  /** One error with this id and fragment on the annotation's line, whose hint contains {@code fix}. */
  private static void expect(String id, String fragment, String fix, String annotation, String parameters) {
    CompiledSources c = compile(annotation, parameters);
    DiagnosticAssert.assertSingleError(c, "Collapsar/" + id, fragment, 6);
    DiagnosticAssert.assertSingleError(c, "Collapsar/" + id, "Hint: " + fix, 6);
    assertFalse(c.hasGeneratedSource("bad.BadOperators"));
  }

  @Test
  void syntaxErrorGivesColumnAndExpectation() {
    expect("OperatorSyntax", "at column 8", "An operator is a sum of terms such as `0.5*D[x,x]`", "@LinearPDE(\"D[x] + )\")", "double x");
  }

  @Test
  void unknownVariableNamesTheChoices() {
    expect("OperatorVariable", "z", "Differentiable parameters: x, y.", "@LinearPDE(\"D[x,z]\")", "double x, double y");
  }

  @Test
  void orderAboveFour() {
    expect("OperatorOrder", "order 5", "Write derivatives with one to four variables", "@LinearPDE(\"D[x,x,x,x,x]\")", "double x");
  }

  @Test
  void diffusionNeedsAMatrix() {
    expect("OperatorArgument", "diffusion", "double[][] parameters", "@LinearPDE(value = \"diffusion(S)\", wrt = \"x\")", "double x, double[] S");
  }

  @Test
  void coefficientMustBeANumericParameter() {
    expect("OperatorCoefficient", "k", "Coefficients are numbers or numeric parameters: x.", "@LinearPDE(\"k*D[x,x]\")", "double x");
  }

  @Test
  void generatedNameMustBeAnIdentifier() {
    expect("BadName", "not a valid Java method name", "Use an identifier such as \"heatResidual\"", "@LinearPDE(value = \"D[x]\", name = \"not-a-name\")", "double x");
  }

  @Test
  void everyProblemOfTheTextIsReportedAtOnce() {
    CompiledSources c = compile("@LinearPDE(\"D[x,z] + D[w]\")", "double x, double y");
    assertEquals(2, c.errors().size(), c.describeDiagnostics());
    DiagnosticAssert.assertError(c, "Collapsar/OperatorVariable", "z", 6);
    DiagnosticAssert.assertError(c, "Collapsar/OperatorVariable", "w", 6);
  }

  @Test
  void aBadWrtOrDimIsMarkedAtItsValue() {
    for (String[] annotation : new String[][] {
        {"@LinearPDE(value = \"D[x,x]\", wrt = \"q\")", "\"q\"", "UnknownWrt", "double x"},
        {"@LinearPDE(value = \"laplacian\", wrt = \"x\", dim = 0)", "0)", "BadDim", "double[] x"}}) {
      CompiledSources c = compile(annotation[0], annotation[3]);
      DiagnosticAssert.assertSingleError(c, "Collapsar/" + annotation[2], "", 6);
      // the line is indented by two spaces; javac's columns start at 1
      assertEquals(2 + annotation[0].indexOf(annotation[1]) + 1, c.errors().get(0).getColumnNumber(),
          c.describeDiagnostics());
    }
  }
}

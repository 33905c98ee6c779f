package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.DiagnosticAssert;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One negative test per diagnostic id: each pins the id, a fragment of the message and the line of
 * the offending expression or annotation (marked {@code // <-} in the source), and checks that no
 * file is generated for the method in error.
 */
class DiagnosticsTest {

  private static CompiledSources compile(String body) {
    String source = "package bad;\n\nimport dev.collapsar.*;\n\nfinal class Bad {\n" + body + "\n}\n";
    return CollapsarCompiler.with(CollapsarProcessor::new).compile("bad.Bad", source);
  }

  private static long line(String body) {
    String source = "package bad;\n\nimport dev.collapsar.*;\n\nfinal class Bad {\n" + body;
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("// <-")) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no // <- marker");
  }

  /** One error with this id, message fragment and fix (the text after "Hint: "), on the marked line. */
  private static void expect(String id, String fragment, String fix, String body) {
    CompiledSources c = compile(body);
    DiagnosticAssert.assertSingleError(c, "Collapsar/" + id, fragment, line(body));
    String message = c.errors().get(0).getMessage(java.util.Locale.ROOT);
    assertTrue(message.substring(message.indexOf(" Hint: ")).contains(fix), "the fix \"" + fix + "\" in: " + message);
    assertTrue(message.endsWith("(Collapsar docs: diagnostics, " + id + ")"), message);
    assertFalse(c.hasGeneratedSource("bad.BadOperators"), "no file for a method with errors");
  }

  @Test
  void everyIdIsDocumented() throws java.io.IOException {
    String docs = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/diagnostics.md"));
    for (dev.collapsar.processor.diag.DiagnosticId id : dev.collapsar.processor.diag.DiagnosticId.values()) {
      assertTrue(docs.contains("### " + id.shortName() + "\n"), "docs/diagnostics.md has no entry for " + id.tag());
    }
  }

  @Test
  void notStatic() {
    expect("NotStatic", "must be static", "Make the method static", """
          @Laplacian // <-
          double u(double x) { return x * x; }
        """);
  }

  @Test
  void returnType() {
    expect("ReturnType", "must return double", "Return a double; for several outputs, annotate one method per output.", """
          @Laplacian // <-
          static float u(double x) { return (float) x; }
        """);
  }

  @Test
  void parameterType() {
    expect("ParameterType", "Parameter s has type java.lang.String", "Pass the numbers as one of those types", """
          @Laplacian
          static double u(double x, String s) { return x; } // <-
        """);
  }

  @Test
  void missingDim() {
    expect("MissingDim", "its length is not given", "Add dim = <length>, e.g. @Laplacian(dim = 3)", """
          @Laplacian(wrt = {"r", "t"}) // <-
          static double u(double[] r, double t) { return r[0] * r[1] * t; }
        """);
  }

  @Test
  void badDim() {
    expect("BadDim", "dim = 0 is not a valid dimension", "Give the coordinate array's length, e.g. dim = 3", """
          @Laplacian(dim = 0) // <-
          static double u(double[] r) { return r[0]; }
        """);
  }

  @Test
  void dimWithoutArray() {
    expect("BadDim", "no differentiated parameter is a double[]: the coordinates are x, y", "Remove dim, or differentiate with respect to a double[] parameter (wrt = \"<its name>\")", """
          @Laplacian(dim = 2) // <-
          static double u(double x, double y) { return x * y; }
        """);
  }

  @Test
  void unknownWrt() {
    expect("UnknownWrt", "wrt names z", "Differentiable parameters: x, y", """
          @Laplacian(wrt = {"x", "z"}) // <-
          static double u(double x, double y) { return x * y; }
        """);
  }

  @Test
  void ambiguousWrt() {
    expect("AmbiguousWrt", "2 double[] parameters", "Name the one that holds the coordinates: wrt = \"a\", dim = <its length>.", """
          @Laplacian(dim = 2) // <-
          static double u(double[] a, double[] b) { return a[0] * b[1]; }
        """);
  }

  @Test
  void noWrt() {
    expect("NoWrt", "has no double or double[] parameter", "Add the coordinates as double parameters, or one double[] parameter with dim.", """
          @Laplacian // <-
          static double u(int n) { return n; }
        """);
  }

  @Test
  void duplicateName() {
    CompiledSources c = compile("""
          @Laplacian(wrt = "x")
          static double u(double x, double[] w) { return x * w[0]; }
          @Laplacian // <-
          static double u(double x) { return x * x; }
        """);
    DiagnosticAssert.assertSingleError(c, "Collapsar/DuplicateName", "uLaplacian(double,double[])", 9);
    assertTrue(c.errors().get(0).getMessage(java.util.Locale.ROOT).contains("Hint: Rename one of them"));
  }

  @Test
  void reassigningAnAliasOfAWeightArray() {
    expect("UnsupportedStatement", "assigning to an array variable that names a parameter array", "Declare a new array variable for the new value: double[] h2 = new double[n];", """
          @Laplacian(wrt = "x")
          static double u(double x, double[] w) {
            double[] h = w;
            h = new double[2]; // <-
            return h[0] * x;
          }
        """);
  }

  @Test
  void noGuessBetweenDoublesAndAnArray() {
    // the default used to choose the bias: net1Laplacian returned 0.0, its gradient [1.0]
    expect("AmbiguousWrt", "the method has double parameters (bOut) and double[] parameters (x)", "wrt = {\"bOut\"} to differentiate the doubles", """
          @Laplacian // <-
          static double net1(double[] x, double[][] w, double bOut) {
            return Math.tanh(w[0][0] * x[0] + w[0][1] * x[1]) + bOut;
          }
        """);
    CompiledSources c = compile("""
          @Laplacian
          static double net1(double[] x, double[][] w, double bOut) { return x[0] + bOut; }
        """);
    assertTrue(c.errors().get(0).getMessage(java.util.Locale.ROOT).contains(
        "wrt = {\"bOut\"} to differentiate the doubles (the arrays are then constants such as weights), or "
            + "wrt = \"x\", dim = <its length> for the array x"), "the hint shows both rewrites");
  }

  @Test
  void dimSaysTheArrayIsTheCoordinates() throws Exception {
    CompiledSources c = compile("""
          @Laplacian(dim = 2)
          static double net1(double[] x, double[][] w, double bOut) {
            return Math.tanh(w[0][0] * x[0] + w[0][1] * x[1]) + bOut;
          }
        """);
    DiagnosticAssert.assertNoErrors(c);
    double[][] w = {{0.7, -1.3}};
    double[] x = {0.4, 0.9};
    double z = 0.7 * 0.4 - 1.3 * 0.9;
    double t = Math.tanh(z);
    double expected = -2 * t * (1 - t * t) * (0.7 * 0.7 + 1.3 * 1.3); // Δ tanh(w·x) = tanh''(z)·|w|²
    double actual = (double) c.method("bad.BadOperators", "net1Laplacian", double[].class, double[][].class,
        double.class).invoke(x, w, 0.25);
    dev.collapsar.testing.Numerics.assertClose(expected, actual, 1e-14, 1e-14, "Δ over x, not bOut");
  }

  @Test
  void everyErrorOfAMethodComesAtOnceWithoutConsequences() {
    CompiledSources c = compile("""
          @Laplacian
          static double u(double x, double y) {
            double a = Math.random() * x;
            long n = 3;
            double b = a + n;
            while (b > 1) { b = b / 2; }
            String s = "b";
            return b * y + s.length();
          }
        """);
    assertEquals(4, c.errors().size(), c.describeDiagnostics());
    DiagnosticAssert.assertError(c, "Collapsar/UnsupportedCall", "Math.random()", 8);
    DiagnosticAssert.assertError(c, "Collapsar/UnsupportedType", "The type long", 9);
    DiagnosticAssert.assertError(c, "Collapsar/UnsupportedStatement", "a while loop", 11);
    DiagnosticAssert.assertError(c, "Collapsar/UnsupportedType", "The type String", 12);
    assertFalse(c.hasGeneratedSource("bad.BadOperators"), "no file for a method with errors");
  }

  @Test
  void theCaretIsOnTheCallsNameAndTheFixIsConcrete() {
    String body = """
          @Laplacian
          static double u(double x, double y) {
            return Double.compare(x, y) < 0 ? x * y : x; // <-
          }
        """;
    CompiledSources c = compile(body);
    assertEquals(1, c.errors().size(), c.describeDiagnostics());
    javax.tools.Diagnostic<? extends javax.tools.JavaFileObject> error = c.errors().get(0);
    String line = body.lines().filter(l -> l.contains("// <-")).findFirst().orElseThrow();
    long dot = line.indexOf(".compare") + 1;
    assertEquals(dot, error.getColumnNumber(), "javac marks the member's dot, right before its name, not the (");
    assertTrue(error.getMessage(java.util.Locale.ROOT).contains("Hint: Compare directly: Double.compare(a, b) < 0 is a < b"),
        error.getMessage(java.util.Locale.ROOT));
    CompiledSources streams = compile("""
          @Laplacian(wrt = "x")
          static double u(double x, double[] w) {
            return x * java.util.Arrays.stream(w).sum(); // <-
          }
        """);
    DiagnosticAssert.assertSingleError(streams, "Collapsar/UnsupportedCall", "Loop over the array instead", 8);
  }

  @Test
  void writingThroughAnAliasOfTheCoordinates() {
    expect("UnsupportedStatement", "writes to an element of h, which may refer to the parameter array x: in Java "
        + "the write would change the caller's array", "For example: double[] h = new double[x.length]; "
        + "for (int i = 0; i < x.length; i++) { h[i] = x[i]; }", """
          @Laplacian(dim = 2)
          static double u(double[] x) {
            double[] h = x;
            h[0] = h[0] * 3; // <-
            return x[0] * x[1] + x[0] * x[0];
          }
        """);
  }

  @Test
  void unsupportedEstimator() {
    expect("UnsupportedEstimator", "samples = -2 is not a valid number of random directions", "or samples = RUN_TIME to choose the number at each call", """
          @Laplacian(samples = -2) // <-
          static double u(double x, double y) { return x * y; }
        """);
  }

  @Test
  void unsupportedCall() {
    expect("UnsupportedCall", "The call Math.random() cannot be differentiated", "Random numbers cannot be differentiated; pass them in as parameters.", """
          @Laplacian
          static double u(double x) {
            return x * Math.random(); // <-
          }
        """);
  }

  @Test
  void unsupportedCallToOtherClass() {
    expect("UnsupportedCall", "The call System.nanoTime(...) cannot be differentiated", "Remove the call from the differentiated method", """
          @Laplacian
          static double u(double x) {
            return x * System.nanoTime(); // <-
          }
        """);
  }

  @Test
  void unsupportedExpression() {
    expect("UnsupportedExpression", "creating an object with new", "Compute with double, int and boolean values and double[] arrays", """
          @Laplacian
          static double u(double x) {
            return x * new Double(2.0); // <-
          }
        """);
  }

  @Test
  void unsupportedStatement() {
    expect("UnsupportedStatement", "a while loop", "Write a for loop with an int counter and a bound known before the loop", """
          @Laplacian
          static double u(double x) {
            while (x > 1) { x = x / 2; } // <-
            return x;
          }
        """);
  }

  @Test
  void returnInsideLoop() {
    expect("UnsupportedStatement", "a return inside a for loop", "Accumulate into a local and return after the loop.", """
          @Laplacian
          static double u(double x) {
            for (int i = 0; i < 3; i++) {
              if (x > i) { return x; } // <-
            }
            return 0;
          }
        """);
  }

  @Test
  void unsupportedType() {
    expect("UnsupportedType", "The type long of this local variable", "Use double, int or boolean locals.", """
          @Laplacian
          static double u(double x) {
            long n = 3; // <-
            return x * n;
          }
        """);
  }

  @Test
  void unknownName() {
    expect("UnknownName", "The name counter is not a parameter", "Pass it in as a parameter, or make it a static final constant", """
          static double counter = 2;
          @Laplacian
          static double u(double x) {
            return x * counter; // <-
          }
        """);
  }

  @Test
  void loopBound() {
    expect("LoopBound", "has no condition, so it cannot end", "Give it a condition such as i < n.", """
          @Laplacian
          static double u(double x) {
            double s = 0;
            for (int i = 0; ; i++) { // <-
              s += x;
            }
          }
        """);
  }

  @Test
  void recursion() {
    expect("Recursion", "The call of f is recursive", "Write the recursion as a for loop that carries its state in locals.", """
          static double f(double x) { return x < 1 ? x : f(x / 2); } // <-
          @Laplacian
          static double u(double x) { return f(x); }
        """);
  }

  @Test
  void missingReturn() {
    CompiledSources c = compile("""
          @Laplacian
          static double u(double x) { // <-
            if (x > 0) { return x; }
          }
        """);
    DiagnosticAssert.assertError(c, "Collapsar/MissingReturn", "can end without returning", 7);
    DiagnosticAssert.assertError(c, "Collapsar/MissingReturn", "Hint: Return a double on every path.", 7);
    assertFalse(c.hasGeneratedSource("bad.BadOperators"));
  }

  @Test
  void arrayIndex() {
    expect("ArrayIndex", "Index 3 is out of range for the coordinates r, whose length is dim = 3", "Use indices 0 to 2", """
          @Laplacian(dim = 3)
          static double u(double[] r) {
            return r[0] * r[3]; // <-
          }
        """);
  }

  @Test
  void noSource() {
    CompiledSources library = CollapsarCompiler.with(CollapsarProcessor::new).compile(Map.of(
        "lib.Library", "package lib;\npublic final class Library {\n  public static double sq(double x) { return x * x; }\n}\n"));
    library.assertSucceeded();
    // A method compiled earlier has no source tree: javac hands the processor only its signature.
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).classpath(library).compile("bad.Bad", """
        package bad;

        import dev.collapsar.Laplacian;
        import lib.Library;

        final class Bad {
          @Laplacian
          static double u(double x) {
            return Library.sq(x); // <-
          }
        }
        """);
    DiagnosticAssert.assertSingleError(c, "Collapsar/NoSource", "has no source in this compilation", 9);
    DiagnosticAssert.assertSingleError(c, "Collapsar/NoSource", "Hint: Compile it together with the annotated method", 9);
  }

  @Test
  void internalErrorBecomesOneDiagnosticAndSiblingsAreStillGenerated() {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Acollapsar.testing.failOn=broken")
        .compile("bad.Bad", """
            package bad;

            import dev.collapsar.Laplacian;

            final class Bad {
              @Laplacian
              static double broken(double x) { return x * x; }

              @Laplacian
              static double fine(double x) { return x * x * x; }
            }
            """);
    DiagnosticAssert.assertSingleError(c, "Collapsar/InternalError", "Hint: This is a bug in Collapsar; please report it", 7);
    assertTrue(c.hasGeneratedSource("bad.BadOperators"));
    assertTrue(c.generatedSource("bad.BadOperators").contains("fineLaplacian"));
    assertFalse(c.generatedSource("bad.BadOperators").contains("brokenLaplacian"));
  }

  @Test
  void aMethodWithErrorsDoesNotStopItsSiblings() {
    CompiledSources c = compile("""
          @Laplacian
          static double good(double x) { return Math.sin(x); }
          @Laplacian
          static double bad(double x) { return Math.random() * x; } // <-
        """);
    DiagnosticAssert.assertSingleError(c, "Collapsar/UnsupportedCall", "Math.random()", 9);
    assertTrue(c.generatedSource("bad.BadOperators").contains("goodLaplacian"));
  }
}

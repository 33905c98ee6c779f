package dev.collapsar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiagnosticAssertTest {
  private static CompiledSources one;
  private static CompiledSources two;

  @BeforeAll
  static void compile() {
    one = CollapsarCompiler.with(TestProcessor::new).compile("d.One", """
        package d;

        class One {
          static double badOne(double x) { return x; }
          static double warnedOne(double x) { return x; }
        }
        """);
    two = CollapsarCompiler.with(TestProcessor::new).compile("d.Two", """
        package d;

        class Two {
          static double badOne(double x) { return x; }

          static double badTwo(double x) { return x; }
        }
        """);
  }

  @Test
  void matchesIdMessageAndLine() {
    DiagnosticAssert.assertSingleError(one, "Test/Bad", "badOne is not allowed", 4);
    DiagnosticAssert.assertError(one, "Test/Bad", "is not allowed", 4);
    DiagnosticAssert.assertWarning(one, "Test/Warn", "warnedOne is suspicious", 5);
  }

  @Test
  void generatedSourcesSurviveAFailedCompilation() {
    assertFalse(one.succeeded());
    assertEquals(List.of("d.OneGenerated"), one.generatedSourceNames());
    assertTrue(one.generatedSource("d.OneGenerated").contains("twice"));
    assertTrue(one.classFiles().isEmpty(), "javac writes no class files after an error");
  }

  @Test
  void aWrongLineFailsAndShowsAllDiagnostics() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> DiagnosticAssert.assertSingleError(one, "Test/Bad", "not allowed", 5));
    assertTrue(e.getMessage().contains("is on line 4, not 5"), e.getMessage());
    assertTrue(e.getMessage().contains("All diagnostics:"), e.getMessage());
    assertTrue(e.getMessage().contains("[Test/Warn] method warnedOne is suspicious"), "lists the warning too");
  }

  @Test
  void aWrongIdOrMessageFails() {
    AssertionError id = assertThrows(AssertionError.class,
        () -> DiagnosticAssert.assertSingleError(one, "Test/Other", "not allowed", 4));
    assertTrue(id.getMessage().contains("has no id [Test/Other]"), id.getMessage());
    // the id must appear in brackets, not merely as text
    assertThrows(AssertionError.class, () -> DiagnosticAssert.assertSingleError(one, "Test", "not allowed", 4));
    AssertionError message = assertThrows(AssertionError.class,
        () -> DiagnosticAssert.assertSingleError(one, "Test/Bad", "is forbidden", 4));
    assertTrue(message.getMessage().contains("does not contain \"is forbidden\""), message.getMessage());
  }

  @Test
  void assertSingleErrorRejectsASecondError() {
    assertEquals(2, two.errors().size());
    AssertionError e = assertThrows(AssertionError.class,
        () -> DiagnosticAssert.assertSingleError(two, "Test/Bad", "badOne", 4));
    assertTrue(e.getMessage().contains("got 2"), e.getMessage());
  }

  @Test
  void assertErrorFindsOneAmongSeveral() {
    DiagnosticAssert.assertError(two, "Test/Bad", "badTwo", 6);
    AssertionError e = assertThrows(AssertionError.class,
        () -> DiagnosticAssert.assertError(two, "Test/Bad", "badTwo", 4));
    assertTrue(e.getMessage().contains("the errors differ"), e.getMessage());
  }

  @Test
  void noErrorsMeansNone() {
    CompiledSources clean = CollapsarCompiler.with(TestProcessor::new).compile("d.Clean", "package d;\nclass Clean {}\n");
    DiagnosticAssert.assertNoErrors(clean);
    assertThrows(AssertionError.class, () -> DiagnosticAssert.assertNoErrors(two));
    AssertionError e = assertThrows(AssertionError.class,
        () -> DiagnosticAssert.assertError(clean, "Test/Bad", "x", 1));
    assertTrue(e.getMessage().contains("there are no errors"), e.getMessage());
  }
}

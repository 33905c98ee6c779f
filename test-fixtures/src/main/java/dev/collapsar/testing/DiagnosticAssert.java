package dev.collapsar.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Assertions for negative tests: a diagnostic with a given id, message fragment and line.
 *
 * <p>Collapsar writes the id of every diagnostic in brackets at the start of its message, for
 * example {@code [Collapsar/NotStatic] @Laplacian method u must be static}; {@code id} is the text
 * between the brackets. Every failure message lists all diagnostics of the compilation, because
 * "expected one error" is useless without seeing what javac actually said.
 */
public final class DiagnosticAssert {
  private DiagnosticAssert() {}

  /**
   * Asserts that the compilation reported exactly one error, and that it carries {@code [id]},
   * contains {@code messageFragment} and is on the 1-based {@code line} of its source file.
   */
  public static void assertSingleError(CompiledSources c, String id, String messageFragment, long line) {
    List<Diagnostic<? extends JavaFileObject>> errors = c.errors();
    if (errors.size() != 1) {
      throw failure(c, "expected exactly one error [" + id + "] on line " + line + ", got " + errors.size());
    }
    Diagnostic<? extends JavaFileObject> error = errors.get(0);
    String problem = mismatch(error, id, messageFragment, line);
    if (problem != null) {
      throw failure(c, "the single error " + problem);
    }
  }

  /**
   * Asserts that among the compilation's errors (there may be others) one carries {@code [id]},
   * contains {@code messageFragment} and is on the 1-based {@code line}.
   */
  public static void assertError(CompiledSources c, String id, String messageFragment, long line) {
    assertReported(c, c.errors(), "error", id, messageFragment, line);
  }

  /** Like {@link #assertError}, for a warning (or mandatory warning). */
  public static void assertWarning(CompiledSources c, String id, String messageFragment, long line) {
    assertReported(c, c.warnings(), "warning", id, messageFragment, line);
  }

  /** Asserts that the compilation reported no error at all. */
  public static void assertNoErrors(CompiledSources c) {
    if (!c.errors().isEmpty()) {
      throw failure(c, "expected no errors, got " + c.errors().size());
    }
  }

  private static void assertReported(CompiledSources c, List<Diagnostic<? extends JavaFileObject>> candidates,
      String kind, String id, String messageFragment, long line) {
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : candidates) {
      String problem = mismatch(d, id, messageFragment, line);
      if (problem == null) {
        return;
      }
      problems.add("  " + problem);
    }
    throw failure(c, "expected an " + kind + " [" + id + "] containing \"" + messageFragment + "\" on line " + line
        + (problems.isEmpty() ? "; there are no " + kind + "s" : "; the " + kind + "s differ:\n"
        + String.join("\n", problems)));
  }

  /** Why {@code d} is not the expected diagnostic, or null if it is. */
  private static String mismatch(Diagnostic<? extends JavaFileObject> d, String id, String fragment, long line) {
    String message = d.getMessage(Locale.ROOT);
    if (!message.contains("[" + id + "]")) {
      return "has no id [" + id + "]: " + message;
    }
    if (!message.contains(fragment)) {
      return "does not contain \"" + fragment + "\": " + message;
    }
    if (d.getLineNumber() != line) {
      return "is on line " + d.getLineNumber() + ", not " + line + ": " + message;
    }
    return null;
  }

  private static AssertionError failure(CompiledSources c, String what) {
    return new AssertionError(what + "\nAll diagnostics:\n" + c.describeDiagnostics());
  }
}

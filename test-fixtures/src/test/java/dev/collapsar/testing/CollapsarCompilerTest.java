package dev.collapsar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CollapsarCompilerTest {
  private static final String SOURCE = """
      package p;

      public class A {
        static double sq(double x) { return x * x; }
        static double sum(double[] xs) { double s = 0; for (double x : xs) { s += x; } return s; }
        static double hyp(double a, double b) { return Math.hypot(a, b); }
        static double fail(double x) { throw new IllegalStateException("boom " + x); }
        static int count(String s) { return s.length(); }
        double instance() { return 1; }
        static class Inner {}
      }
      """;

  private static CompiledSources compiled;

  @BeforeAll
  static void compileOnce() {
    compiled = CollapsarCompiler.with(TestProcessor::new).compile("p.A", SOURCE);
  }

  @Test
  void exposesGeneratedSourcesAndClassFiles() {
    compiled.assertSucceeded();
    assertTrue(compiled.succeeded());
    assertEquals(List.of("p.AGenerated"), compiled.generatedSourceNames());
    assertTrue(compiled.hasGeneratedSource("p.AGenerated"));
    assertFalse(compiled.hasGeneratedSource("p.A"), "inputs are not generated sources");
    assertTrue(compiled.generatedSource("p.AGenerated").contains("public static double twice(double x)"));
    assertEquals(List.of("p.A", "p.A$Inner", "p.AGenerated"), List.copyOf(compiled.classFiles().keySet()));
    byte[] header = compiled.classFiles().get("p.A");
    assertEquals(0xCA, header[0] & 0xFF);
    assertEquals(0xFE, header[1] & 0xFF);
  }

  @Test
  void aMissingGeneratedSourceNamesTheGeneratedOnes() {
    AssertionError e = assertThrows(AssertionError.class, () -> compiled.generatedSource("p.Missing"));
    assertTrue(e.getMessage().contains("p.Missing"), e.getMessage());
    assertTrue(e.getMessage().contains("[p.AGenerated]"), e.getMessage());
  }

  @Test
  void callsStaticMethods() {
    assertEquals(6.0, compiled.method("p.AGenerated", "twice").call(3));
    assertEquals(9.0, compiled.method("p.A", "sq", double.class).call(3));
    assertEquals(6.5, compiled.method("p.A", "sum", double[].class).call(1, 2, 3.5));
    assertEquals(6.5, compiled.method("p.A", "sum").call(1, 2, 3.5), "found by name alone");
    assertEquals(5.0, compiled.method("p.A", "hyp").call(3, 4));
    assertEquals(3, compiled.method("p.A", "count").invoke("abc"));
  }

  @Test
  void rejectsUnsuitableMethods() {
    assertThrows(AssertionError.class, () -> compiled.method("p.A", "instance"), "not static");
    assertThrows(AssertionError.class, () -> compiled.method("p.A", "absent"));
    assertThrows(AssertionError.class, () -> compiled.method("p.A", "sq", int.class));
    assertThrows(AssertionError.class, () -> compiled.method("p.A", "hyp").call(1), "wrong argument count");
    assertThrows(AssertionError.class, () -> compiled.method("p.A", "count").call(1), "does not return double");
    assertThrows(AssertionError.class, () -> compiled.load("p.Missing"));
  }

  @Test
  void unwrapsExceptionsThrownByTheMethod() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> compiled.method("p.A", "fail").call(1));
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals("boom 1.0", cause.getMessage());
  }

  @Test
  void loadsAllClassesThroughOneLoaderBelowTheTestsLoader() {
    Class<?> a = compiled.load("p.A");
    assertSame(a, compiled.load("p.A"));
    assertSame(a.getClassLoader(), compiled.load("p.AGenerated").getClassLoader());
    assertSame(Thread.currentThread().getContextClassLoader(), a.getClassLoader().getParent());
  }

  @Test
  void compiledClassesSeeTheTestsOwnTypes() throws Exception {
    CompiledSources c = CollapsarCompiler.with(TestProcessor::new).compile("q.Square", """
        package q;

        public class Square implements dev.collapsar.testing.Area {
          public double area() { return 4; }
        }
        """);
    c.assertSucceeded();
    Object square = c.load("q.Square").getDeclaredConstructor().newInstance();
    // The cast only works if Area resolved to this test's Area class, not to a copy.
    assertEquals(4.0, ((Area) square).area());
  }

  @Test
  void reportsJavacErrors() {
    CompiledSources c = CollapsarCompiler.with(TestProcessor::new).compile("p.Broken", """
        package p;
        class Broken { int x = }
        """);
    assertFalse(c.succeeded());
    assertFalse(c.errors().isEmpty());
    AssertionError e = assertThrows(AssertionError.class, c::assertSucceeded);
    assertTrue(e.getMessage().contains("illegal start of expression"), e.getMessage());
    assertTrue(c.describeDiagnostics().contains("Broken.java:2:"), c.describeDiagnostics());
  }

  @Test
  void passesJavacOptions() {
    String raw = "package p;\nclass Raw { java.util.List list; }\n";
    CompiledSources plain = CollapsarCompiler.with(TestProcessor::new).compile("p.Raw", raw);
    assertTrue(plain.warnings().isEmpty(), plain.describeDiagnostics());
    CompiledSources linted = CollapsarCompiler.with(TestProcessor::new).options("-Xlint:all").compile("p.Raw", raw);
    assertTrue(linted.succeeded());
    assertEquals(1, linted.warnings().size(), linted.describeDiagnostics());
    CompiledSources strict = CollapsarCompiler.with(TestProcessor::new).options("-Xlint:all").options("-Werror")
        .compile("p.Raw", raw);
    assertFalse(strict.succeeded(), "-Werror turns the warning into a failure");
  }

  @Test
  void usesAFreshProcessorPerCompilationAndKeepsTheSourceOrder() {
    AtomicInteger made = new AtomicInteger();
    CollapsarCompiler compiler = CollapsarCompiler.with(() -> {
      made.incrementAndGet();
      return new TestProcessor();
    });
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("p.B", "package p;\nclass B {}\n");
    sources.put("p.C", "package p;\nclass C {}\n");
    CompiledSources c = compiler.compile(sources);
    compiler.compile("p.D", "package p;\nclass D {}\n");
    assertEquals(2, made.get());
    assertEquals(List.of("p.BGenerated", "p.CGenerated"), c.generatedSourceNames());
  }

  @Test
  void aLibraryOnTheClasspathIsSeenAsClassFilesAndCanBeLoaded() {
    CompiledSources library = CollapsarCompiler.with(TestProcessor::new).compile("lib.Lib", """
        package lib;
        public final class Lib {
          public static double cube(double x) { return x * x * x; }
        }
        """);
    library.assertSucceeded();
    String app = "package app;\nclass App {\n  static double f(double x) { return lib.Lib.cube(x) + 1; }\n}\n";
    CompiledSources without = CollapsarCompiler.with(TestProcessor::new).compile("app.App", app);
    assertFalse(without.succeeded(), "lib.Lib is not on the class path by default");

    CompiledSources with = CollapsarCompiler.with(TestProcessor::new).classpath(library).compile("app.App", app);
    with.assertSucceeded();
    assertFalse(with.classFiles().containsKey("lib.Lib"), "the library is not recompiled");
    assertEquals(9.0, with.method("app.App", "f").call(2));
  }
}

package dev.collapsar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expected sizes are counted from the JVM instruction set (and agree with {@code javap -c}): for
 * example {@code return x * x} is dload_0, dload_0, dmul, dreturn = 4 bytes.
 */
class MethodSizesTest {
  private static final int STATEMENTS = 600;

  private static CompiledSources compiled;

  @BeforeAll
  static void compile() {
    // Constants of every width come first, so that sizes read after them check the constant pool walk
    // (Long and Double take two slots; lambdas and string concatenation add MethodHandle,
    // MethodType and InvokeDynamic entries).
    compiled = CollapsarCompiler.with(TestProcessor::new).options("-A" + TestProcessor.STATEMENTS + "=" + STATEMENTS)
        .compile(Map.of("p.K", """
            package p;

            import java.util.function.DoubleUnaryOperator;

            public class K {
              static final long BIG = 123456789012L;
              static long big() { return BIG + System.nanoTime(); }
              static double pi() { return 3.25 * Math.PI; }
              static String text(int n) { return "n=" + n; }
              static DoubleUnaryOperator op() { return x -> x * 2; }
              static int size(java.util.List<String> l) { return l.size(); }
              static double id(double x) { return x; }
              static double sq(double x) { return x * x; }
            }
            """, "p.Shape", """
            package p;

            interface Shape {
              double area();
              static double unit() { return 1.0; }
            }
            """));
    compiled.assertSucceeded();
  }

  @Test
  void knownSmallMethods() {
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("<init>()V", 5); // aload_0, invokespecial, return
    expected.put("big()J", 8); // ldc2_w, invokestatic, ladd, lreturn
    expected.put("pi()D", 4); // ldc2_w (folded constant), dreturn
    expected.put("text(I)Ljava/lang/String;", 7); // iload_0, invokedynamic, areturn
    expected.put("op()Ljava/util/function/DoubleUnaryOperator;", 6); // invokedynamic, areturn
    expected.put("size(Ljava/util/List;)I", 7); // aload_0, invokeinterface, ireturn
    expected.put("id(D)D", 2); // dload_0, dreturn
    expected.put("sq(D)D", 4); // dload_0, dload_0, dmul, dreturn
    expected.put("lambda$op$0(D)D", 6); // dload_0, ldc2_w, dmul, dreturn
    assertEquals(expected, MethodSizes.of(compiled.classFiles().get("p.K")));
  }

  @Test
  void abstractMethodsHaveNoCode() {
    assertEquals(Map.of("unit()D", 2), MethodSizes.of(compiled.classFiles().get("p.Shape")));
  }

  @Test
  void aLongGeneratedMethod() {
    Map<String, Integer> sizes = MethodSizes.of(compiled.classFiles().get("p.KGenerated"));
    // each x = x * 1.5 + 2.0 is dload_0, ldc2_w, dmul, ldc2_w, dadd, dstore_0 = 10 bytes
    assertEquals(10 * STATEMENTS + 2, sizes.get("chain(D)D"));
    assertEquals(6, sizes.get("twice(D)D"));
  }

  @Test
  void assertAllMethodsAtMostNamesTheOffender() {
    MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 8000);
    MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 10 * STATEMENTS + 2);
    AssertionError e = assertThrows(AssertionError.class,
        () -> MethodSizes.assertAllMethodsAtMost(compiled.classFiles(), 1000));
    // the test processor generated a chain for each of the two classes
    assertTrue(e.getMessage().startsWith("2 method(s) exceed 1000 bytes of bytecode:\n"
        + "  p.KGenerated.chain(D)D = 6002 bytes\n  p.ShapeGenerated.chain(D)D = 6002 bytes\n"), e.getMessage());
    assertFalse(e.getMessage().contains("sq(D)D"), e.getMessage());
  }

  @Test
  void readsAClassFileOfThisModule() throws IOException {
    byte[] bytes;
    try (InputStream in = Numerics.class.getResourceAsStream("Numerics.class")) {
      bytes = in.readAllBytes();
    }
    Map<String, Integer> sizes = MethodSizes.of(bytes);
    assertEquals(List.of("<init>()V", "assertClose(DDDDLjava/lang/String;)V", "assertArrayClose([D[DDDLjava/lang/String;)V",
        "isClose(DDDD)Z", "relativeError(DD)D"), List.copyOf(sizes.keySet()));
    assertTrue(sizes.values().stream().allMatch(n -> n > 0));
  }

  @Test
  void rejectsWhatIsNotAClassFile() {
    assertThrows(IllegalArgumentException.class, () -> MethodSizes.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    byte[] whole = compiled.classFiles().get("p.K");
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
    assertThrows(IllegalArgumentException.class, () -> MethodSizes.of(truncated));
  }
}

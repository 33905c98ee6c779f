package dev.collapsar.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.collapsar.testing.MethodSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every method the processor generated for the benchmarks (the reference network at D = 50 and D = 5,
 * estimators up to S = 50, both biharmonic plans, the dimension sweep up to D = 64) stays within
 * HotSpot's 8000-byte limit, so the benchmarks measure compiled code on a default JVM.
 */
class GeneratedMethodSizesTest {

  @Test
  void everyGeneratedMethodIsCompilable() throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("target", "classes"))) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith("Operators.class"))::iterator) {
        classes.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    assertFalse(classes.isEmpty(), "generated operator classes in target/classes");
    MethodSizes.assertAllMethodsAtMost(classes, 8000);
  }
}

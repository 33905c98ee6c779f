package dev.collapsar.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.testing.Numerics;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer build outside the reactor, the way Maven's {@code annotationProcessorPaths} runs javac:
 * the processor jar and its dependencies on {@code -processorpath}, only the annotations on the class
 * path, {@code -Xlint:all -Werror}. Runs on whatever JDK runs the tests (CI: 17 and 25).
 */
class ConsumerBuildTest {

  @Test
  void javacWithProcessorPathGeneratesAndTheResultRuns(@TempDir Path dir) throws Exception {
    List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    String processorPath = pick(classPath, PROCESSOR, "javapoet", "hipparchus-core", ANNOTATIONS);
    String annotations = pick(classPath, ANNOTATIONS);
    Path source = dir.resolve("src/consumer/Field.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package consumer;

        import dev.collapsar.Laplacian;

        public final class Field {
          @Laplacian
          public static double u(double x, double y) {
            return Math.exp(-x * x) * Math.cos(y);
          }
        }
        """);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, null, new PrintStream(messages, true, StandardCharsets.UTF_8),
        "--release", "17", "-Xlint:all", "-Werror", "-implicit:none",
        "-processorpath", processorPath, "-classpath", annotations,
        "-d", classes.toString(), "-s", generated.toString(), source.toString());
    assertEquals(0, status, "javac failed:\n" + messages.toString(StandardCharsets.UTF_8));
    assertTrue(Files.exists(generated.resolve("consumer/FieldOperators.java")));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Method laplacian = loader.loadClass("consumer.FieldOperators").getMethod("uLaplacian", double.class, double.class);
      double x = 0.3;
      double y = -0.8;
      double expected = (4 * x * x - 2) * Math.exp(-x * x) * Math.cos(y) - Math.exp(-x * x) * Math.cos(y);
      Numerics.assertClose(expected, (double) laplacian.invoke(null, x, y), 1e-14, 1e-15, "Δu");
    }
  }

  /** In the reactor a module is its jar after {@code package}, its classes folder before. */
  private static final String PROCESSOR = "collapsar-processor|/processor/target/classes";
  private static final String ANNOTATIONS = "collapsar-annotations|/annotations/target/classes";

  /** The class-path entries matching any of {@code patterns} (alternatives split by |), joined as a path. */
  private static String pick(List<String> classPath, String... patterns) {
    List<String> picked = new ArrayList<>();
    for (String pattern : patterns) {
      List<String> hits = classPath.stream()
          .filter(e -> Stream.of(pattern.split("\\|")).anyMatch(alternative -> e.replace('\\', '/').contains(alternative)))
          .collect(Collectors.toList());
      String name = pattern;
      assertTrue(!hits.isEmpty(), name + " is not on the test class path: " + classPath);
      picked.addAll(hits);
    }
    return Stream.of(picked.toArray(String[]::new)).distinct().collect(Collectors.joining(File.pathSeparator));
  }
}

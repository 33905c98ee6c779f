package dev.collapsar.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.collapsar.testing.Numerics;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Maven setup, as a new user follows it: the artifacts installed into the local
 * repository (here from this build's jars, with maven-install-plugin's {@code install-file}, which
 * is what {@code mvn install} does for them), then a project of its own, outside the reactor, whose
 * {@code pom.xml} is the README's snippet verbatim and whose only source is the README's example,
 * built with {@code mvn compile} on the JDK that runs this test (CI: 17 and 25). The generated
 * operator is then called and compared with the closed form Δ(x e^{−r}) = x e^{−r}(1 − 3/r).
 */
class ReadmeMavenSetupTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String VERSION = "0.1.0-SNAPSHOT";

  @Test
  void theReadmeSnippetBuildsTheReadmeExample(@TempDir Path dir) throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    String pom = block(readme, "### Maven", "```xml\n");
    String example = block(readme, "## Example", "```java\n");
    assertTrue(pom.contains("<version>" + VERSION + "</version>"), "the snippet names this build's version");
    installThisBuild(dir);
    Files.writeString(dir.resolve("consumer/pom.xml"), pom, StandardCharsets.UTF_8);
    Path source = dir.resolve("consumer/src/main/java/Example.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, example, StandardCharsets.UTF_8);
    maven(dir.resolve("consumer"), "compile");
    assertTrue(Files.exists(dir.resolve("consumer/target/generated-sources/annotations/ExampleOperators.java")),
        "the processor ran");

    URL[] path = {dir.resolve("consumer/target/classes").toUri().toURL(), jar("annotations").toUri().toURL()};
    try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
      Method laplacian = loader.loadClass("ExampleOperators").getDeclaredMethod("uLaplacian", double.class,
          double.class);
      laplacian.setAccessible(true);
      double x = 0.3;
      double y = 0.7;
      double r = Math.hypot(x, y);
      double expected = x * Math.exp(-r) * (1 - 3 / r);
      Numerics.assertClose(expected, (double) laplacian.invoke(null, x, y), 1e-14, 1e-15, "Δu of the README example");
    }
  }

  /** What {@code mvn install} puts in the local repository for a consumer: the parent POM and two jars. */
  private static void installThisBuild(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("consumer"));
    install(dir, ROOT.resolve("pom.xml"), ROOT.resolve("pom.xml"), "pom");
    install(dir, jar("annotations"), ROOT.resolve("annotations/pom.xml"), "jar");
    install(dir, jar("processor"), ROOT.resolve("processor/pom.xml"), "jar");
  }

  private static void install(Path dir, Path file, Path pom, String packaging) throws Exception {
    maven(dir, "org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file", "-Dfile=" + file,
        "-DpomFile=" + pom, "-Dpackaging=" + packaging);
  }

  private static Path jar(String module) {
    Path jar = ROOT.resolve(module + "/target/collapsar-" + module + "-" + VERSION + ".jar");
    assertTrue(Files.exists(jar), jar + " is built before the samples' tests (reactor order)");
    return jar;
  }

  /** Runs Maven in {@code directory} on this test's JDK and local repository; fails with its output. */
  private static void maven(Path directory, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-ntp", "-q"));
    String repository = System.getProperty("collapsar.localRepository", "");
    if (!repository.isBlank()) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(directory, "maven", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_OPTS");
    Process process = builder.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "Maven finished within 5 minutes: " + command);
    assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n"
        + Files.readString(log, StandardCharsets.UTF_8));
  }

  private static String mavenExecutable() throws IOException {
    String home = System.getProperty("maven.home", "");
    if (!home.isBlank() && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, "mvn"))) {
        return Path.of(entry, "mvn").toString();
      }
    }
    throw new IOException("no mvn: neither maven.home nor PATH has one");
  }

  /** The first fenced block that starts with {@code fence} after the heading {@code heading}. */
  private static String block(String text, String heading, String fence) {
    int section = text.indexOf("\n" + heading + "\n");
    assertTrue(section >= 0, "README has a section " + heading);
    int start = text.indexOf(fence, section);
    int end = text.indexOf("\n```", start + fence.length());
    assertTrue(start >= 0 && end > start, "README's " + heading + " has a " + fence.trim() + " block");
    return text.substring(start + fence.length(), end + 1);
  }
}

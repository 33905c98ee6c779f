package dev.collapsar.processor.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processor's layout, checked over its sources: each stage imports only the stages below it
 * (imports and fully qualified names alike), javac's types stay in the frontend and the entry class,
 * the root package holds the entry class alone, and every package says what it is in a
 * {@code package-info.java}.
 */
class PackageDependenciesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/collapsar/processor");
  private static final String ROOT = "(root)";

  /** What each package may use of the others; a package not listed here is itself a failure. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      ROOT, Set.of("frontend", "assemble", "ir", "diag"),
      "frontend", Set.of("ir", "diag"),
      "assemble", Set.of("operator", "taylor", "opt", "emit", "ir", "diag"),
      "operator", Set.of("ir", "diag"),
      "taylor", Set.of("operator", "ir", "diag"),
      "opt", Set.of("ir"),
      "emit", Set.of("opt", "ir"),
      "ir", Set.of(),
      "diag", Set.of());

  /** Packages of javac and of the annotation processing API, which only the frontend and the entry class see. */
  private static final Pattern JAVAC = Pattern.compile(
      "\\b(com\\.sun\\.source|com\\.sun\\.tools|javax\\.lang\\.model|javax\\.annotation\\.processing|javax\\.tools)\\.");
  private static final Pattern STAGE = Pattern.compile("\\bdev\\.collapsar\\.processor\\.([a-z]+)\\.");

  @Test
  void eachStageUsesOnlyTheStagesBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      Set<String> allowed = ALLOWED.get(pkg);
      if (allowed == null) {
        violations.add(file + ": package " + pkg + " has no rule in this test");
        continue;
      }
      Matcher m = STAGE.matcher(code(file));
      while (m.find()) {
        String used = m.group(1);
        if (!used.equals(pkg) && !allowed.contains(used)) {
          violations.add(SOURCES.relativize(file) + " uses " + used + " (" + pkg + " may use " + new TreeSet<>(allowed) + ")");
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void javacTypesStayInTheFrontendAndTheEntryClass() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      // JavaPoet's API takes javax.lang.model's Modifier enum: the emitter may name it, and nothing else
      Matcher m = JAVAC.matcher(code(file).replace("javax.lang.model.element.Modifier", ""));
      if (!pkg.equals("frontend") && !pkg.equals(ROOT) && m.find()) {
        violations.add(SOURCES.relativize(file) + " uses " + m.group(1));
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void theRootPackageHoldsOnlyTheEntryClass() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      assertEquals(List.of("CollapsarProcessor.java", "package-info.java"),
          files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void everyPackageIsDescribed() throws IOException {
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        assertTrue(Files.exists(dir.resolve("package-info.java")), dir + " has no package-info.java");
      }
    }
  }

  /** The sources, read from the module's own tree (tests run in the module directory). */
  private static List<Path> sources() throws IOException {
    assertTrue(Files.isDirectory(SOURCES), "run from the processor module: " + SOURCES.toAbsolutePath());
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
      assertTrue(java.size() > 100, "too few sources found: " + java.size());
      return java;
    }
  }

  private static String packageOf(Path file) {
    Path relative = SOURCES.relativize(file.getParent());
    return relative.toString().isEmpty() ? ROOT : relative.toString().replace('/', '.');
  }

  /** The file without comments, so that Javadoc may name any package. */
  private static String code(Path file) throws IOException {
    return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
  }
}

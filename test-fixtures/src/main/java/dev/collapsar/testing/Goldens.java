package dev.collapsar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Golden-file comparison for generated text.
 *
 * <p>The golden for {@code name} is the file {@code <dir>/<name>}, where dir is the system property
 * {@code collapsar.goldens} (the processor's Surefire configuration sets it to an absolute path) or
 * else {@code src/test/resources/goldens} relative to the working directory. With
 * {@code -Dcollapsar.updateGoldens=true}, {@link #assertMatches} writes the actual text instead and
 * passes, so one command regenerates every golden; review the change with {@code git diff}.
 *
 * <p>Line endings are normalized to {@code \n} on both sides, so a checkout with CRLF endings does not
 * fail.
 */
public final class Goldens {
  /** System property naming the golden directory. */
  public static final String DIRECTORY_PROPERTY = "collapsar.goldens";
  /** System property that, when {@code true}, rewrites goldens instead of comparing. */
  public static final String UPDATE_PROPERTY = "collapsar.updateGoldens";

  private static final String REGENERATE =
      "Run `mvn -pl processor test -Dcollapsar.updateGoldens=true` to regenerate.";
  private static final int MAX_DIFF_LINES = 40;

  /** Where update mode says which files it wrote (a test may look at it instead of the console). */
  static java.io.PrintStream log = System.err;

  private Goldens() {}

  /** Compares {@code actual} with the golden file {@code name}, or rewrites it in update mode. */
  public static void assertMatches(String name, String actual) {
    Path file = directory().resolve(name);
    String normalized = normalize(actual);
    if (Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY))) {
      write(file, normalized);
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("golden file " + file.toAbsolutePath() + " does not exist. " + REGENERATE);
    }
    String expected = normalize(read(file));
    if (!expected.equals(normalized)) {
      throw new AssertionError("generated text differs from golden " + file.toAbsolutePath() + ":\n"
          + LineDiff.unified(expected, normalized, "golden/" + name, "actual", MAX_DIFF_LINES) + REGENERATE);
    }
  }

  /** The directory holding the golden files. */
  public static Path directory() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    return configured == null || configured.isBlank() ? Paths.get("src", "test", "resources", "goldens")
        : Paths.get(configured);
  }

  /** Turns CRLF and lone CR line endings into LF. */
  static String normalize(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
      log.println("[collapsar] updated golden " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write golden " + file, e);
    }
  }
}

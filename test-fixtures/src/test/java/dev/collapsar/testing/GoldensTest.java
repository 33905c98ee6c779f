package dev.collapsar.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Goldens in a temporary directory, selected through the same system property the processor's build sets. */
class GoldensTest {
  private static final String SENTENCE = "Run `mvn -pl processor test -Dcollapsar.updateGoldens=true` to regenerate.";

  @TempDir
  Path dir;

  private String savedDirectory;
  private String savedUpdate;

  @BeforeEach
  void pointAtTemporaryDirectory() {
    savedDirectory = System.getProperty(Goldens.DIRECTORY_PROPERTY);
    savedUpdate = System.getProperty(Goldens.UPDATE_PROPERTY);
    System.setProperty(Goldens.DIRECTORY_PROPERTY, dir.toString());
    System.clearProperty(Goldens.UPDATE_PROPERTY);
  }

  @AfterEach
  void restoreProperties() {
    restore(Goldens.DIRECTORY_PROPERTY, savedDirectory);
    restore(Goldens.UPDATE_PROPERTY, savedUpdate);
  }

  @Test
  void matchingTextPassesWhateverTheLineEndings() throws IOException {
    Files.writeString(dir.resolve("A.java"), "class A {\r\n  int x;\r\n}\r\n");
    Goldens.assertMatches("A.java", "class A {\n  int x;\n}\n");
    Goldens.assertMatches("A.java", "class A {\r  int x;\r}\r");
  }

  @Test
  void aMismatchShowsALineDiffAndHowToRegenerate() throws IOException {
    Files.writeString(dir.resolve("B.java"), "one\ntwo\nthree\nfour\nfive\nsix\nseven\n");
    AssertionError e = assertThrows(AssertionError.class,
        () -> Goldens.assertMatches("B.java", "one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\n"));
    String message = e.getMessage();
    assertTrue(message.contains("--- golden/B.java\n+++ actual\n"), message);
    // the two changes are close enough for their context to join into one hunk
    assertTrue(message.contains("@@ -2,6 +2,7 @@\n two\n three\n-four\n+FOUR\n five\n six\n seven\n+eight\n"),
        message);
    assertFalse(message.contains(" one\n"), "only two lines of context");
    assertTrue(message.endsWith(SENTENCE), message);
  }

  @Test
  void separateChangesGetSeparateHunksAndAMissingFinalNewlineShows() throws IOException {
    Files.writeString(dir.resolve("E.java"), "a\nb\nc\nd\ne\nf\ng\nh\ni\n");
    AssertionError e = assertThrows(AssertionError.class,
        () -> Goldens.assertMatches("E.java", "a\nB\nc\nd\ne\nf\ng\nh\ni"));
    assertTrue(e.getMessage().contains("@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n@@ -8,2 +8,3 @@\n h\n i\n"
        + "+\\ No newline at end of file\n"), e.getMessage());
  }

  @Test
  void longDiffsAreCut() throws IOException {
    StringBuilder golden = new StringBuilder();
    StringBuilder actual = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      golden.append("line ").append(i).append('\n');
      actual.append("LINE ").append(i).append('\n');
    }
    Files.writeString(dir.resolve("C.java"), golden);
    AssertionError e = assertThrows(AssertionError.class, () -> Goldens.assertMatches("C.java", actual.toString()));
    assertTrue(e.getMessage().contains("-line 39\n"), e.getMessage());
    assertFalse(e.getMessage().contains("line 40\n"), "only the first 40 changed lines");
    assertTrue(e.getMessage().contains("(160 more differing lines not shown)"), e.getMessage());
  }

  @Test
  void aMissingGoldenFailsWithTheCommand() {
    AssertionError e = assertThrows(AssertionError.class, () -> Goldens.assertMatches("Missing.java", "x\n"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains(SENTENCE), e.getMessage());
  }

  @Test
  void updateModeWritesNormalizedTextAndCreatesDirectories() throws IOException {
    System.setProperty(Goldens.UPDATE_PROPERTY, "true");
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    java.io.PrintStream console = Goldens.log;
    Goldens.log = new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8);
    try {
      Goldens.assertMatches("sub/dir/D.java", "class D {}\r\n");
    } finally {
      Goldens.log = console;
    }
    assertEquals("class D {}\n", Files.readString(dir.resolve("sub/dir/D.java")));
    assertTrue(said.toString(java.nio.charset.StandardCharsets.UTF_8).contains("updated golden "), "update mode says what it wrote");
    System.clearProperty(Goldens.UPDATE_PROPERTY);
    Goldens.assertMatches("sub/dir/D.java", "class D {}\n");
    assertThrows(AssertionError.class, () -> Goldens.assertMatches("sub/dir/D.java", "class E {}\n"));
  }

  @Test
  void theDirectoryFallsBackToTheMavenLayout() {
    System.clearProperty(Goldens.DIRECTORY_PROPERTY);
    assertEquals(Paths.get("src", "test", "resources", "goldens"), Goldens.directory());
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}

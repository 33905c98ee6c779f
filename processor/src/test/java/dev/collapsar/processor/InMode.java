package dev.collapsar.processor;

import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;

/**
 * Compiles a test source whose annotations say {@code mode = Mode.MODE} in one of the two modes,
 * with {@code -Xlint:all -Werror} (generated code must be warning-free), and asserts that it compiled.
 */
public final class InMode {
  private InMode() {}

  public static CompiledSources compile(String className, String source, String mode) {
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).options("-Xlint:all", "-Werror")
        .compile(className, source.replace("Mode.MODE", "Mode." + mode));
    c.assertSucceeded();
    return c;
  }
}

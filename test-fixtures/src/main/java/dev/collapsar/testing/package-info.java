/**
 * Test harness for Collapsar and its annotation processor.
 *
 * <ul>
 *   <li>{@link dev.collapsar.testing.CollapsarCompiler} and {@link dev.collapsar.testing.CompiledSources}
 *       compile sources in memory with a processor (over compile-testing), expose the generated
 *       sources and class files, and load and call the generated code.
 *   <li>{@link dev.collapsar.testing.DiagnosticAssert} pins the id, message and line of a diagnostic.
 *   <li>{@link dev.collapsar.testing.Oracle} computes reference derivatives with Hipparchus
 *       {@code DerivativeStructure}; {@link dev.collapsar.testing.FiniteDifferences} is a second,
 *       independent and approximate witness.
 *   <li>{@link dev.collapsar.testing.Goldens} compares generated text with checked-in files.
 *   <li>{@link dev.collapsar.testing.Numerics} and {@link dev.collapsar.testing.SeededPoints} state
 *       tolerances and reproducible sample points.
 *   <li>{@link dev.collapsar.testing.MethodSizes} reads bytecode lengths from class files, to check
 *       that generated methods stay below the JVM's limits.
 * </ul>
 *
 * <p>This module must not depend on the processor module (the processor's tests depend on it), so
 * the processor under test is always passed in.
 */
package dev.collapsar.testing;

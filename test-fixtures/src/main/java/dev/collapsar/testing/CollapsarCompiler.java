package dev.collapsar.testing;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compiles Java sources in memory with one annotation processor, over Google's compile-testing.
 *
 * <p>Instances are immutable: {@link #options} and {@link #classpath} return a new compiler. The
 * processor is given as a supplier because a processor instance may only take part in one
 * compilation; each {@code compile} call gets a fresh one. This module cannot depend on the
 * processor module (that would be a Maven cycle), which is why the processor is passed in.
 *
 * <pre>{@code
 * CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new)
 *     .options("-Xlint:all", "-Werror")
 *     .compile("p.Fields", source);
 * c.assertSucceeded();
 * }</pre>
 *
 * <p>The class path of the compilation is the test's own ({@code java.class.path}), so sources may
 * use {@code dev.collapsar} annotations and any test class.
 */
public final class CollapsarCompiler {
  private final Supplier<? extends Processor> processor;
  private final List<String> options;
  private final List<CompiledSources> libraries;

  private CollapsarCompiler(Supplier<? extends Processor> processor, List<String> options,
      List<CompiledSources> libraries) {
    this.processor = processor;
    this.options = List.copyOf(options);
    this.libraries = List.copyOf(libraries);
  }

  /** A compiler that runs a new processor from {@code processor} in every compilation. */
  public static CollapsarCompiler with(Supplier<? extends Processor> processor) {
    return new CollapsarCompiler(Objects.requireNonNull(processor, "processor"), List.of(), List.of());
  }

  /** A compiler that also passes {@code javacOptions} (for example {@code -Xlint:all}) to javac. */
  public CollapsarCompiler options(String... javacOptions) {
    List<String> all = new ArrayList<>(options);
    all.addAll(Arrays.asList(javacOptions));
    return new CollapsarCompiler(processor, all, libraries);
  }

  /**
   * A compiler whose class path also holds the class files of earlier compilations. Their classes
   * then reach javac as class files only, without source trees, exactly like a library jar; the
   * loader of the new {@link CompiledSources} can load them too (as its own copies, distinct from the
   * classes that the library's {@code load} returns).
   */
  public CollapsarCompiler classpath(CompiledSources... compiled) {
    List<CompiledSources> all = new ArrayList<>(libraries);
    all.addAll(Arrays.asList(compiled));
    return new CollapsarCompiler(processor, options, all);
  }

  /** Compiles one source file whose top-level class is {@code qualifiedClassName}. */
  public CompiledSources compile(String qualifiedClassName, String source) {
    return compile(Map.of(qualifiedClassName, source));
  }

  /**
   * Compiles several source files, keyed by the qualified name of their top-level class. Files are
   * passed to javac in the map's iteration order (use a {@code LinkedHashMap} to control it; tests
   * of deterministic output depend on that order).
   */
  public CompiledSources compile(Map<String, String> sourcesByQualifiedName) {
    List<JavaFileObject> files = new ArrayList<>();
    sourcesByQualifiedName.forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    Compiler javac = Compiler.javac().withProcessors(processor.get()).withOptions(options);
    if (!libraries.isEmpty()) {
      javac = javac.withClasspath(classPathWithLibraries());
    }
    Compilation compilation = javac.compile(files);
    return new CompiledSources(compilation, libraries);
  }

  /**
   * The test's class path plus one temporary directory per library. Setting a class path replaces
   * javac's default ({@code java.class.path}), so the default entries are listed again; javac
   * still expands the {@code Class-Path} of a manifest-only jar such as Surefire's booter.
   */
  private List<File> classPathWithLibraries() {
    List<File> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        path.add(new File(entry));
      }
    }
    for (CompiledSources library : libraries) {
      path.add(writeToTemporaryDirectory(library.classFiles()).toFile());
    }
    return path;
  }

  private static Path writeToTemporaryDirectory(Map<String, byte[]> classFiles) {
    try {
      Path root = Files.createTempDirectory("collapsar-classpath");
      root.toFile().deleteOnExit();
      for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
        Path file = root.resolve(e.getKey().replace('.', File.separatorChar) + ".class");
        createDirectories(root, file.getParent());
        Files.write(file, e.getValue());
        file.toFile().deleteOnExit();
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write library class files", e);
    }
  }

  /** Creates the package directories one by one so that each is deleted on exit (after its files). */
  private static void createDirectories(Path root, Path directory) throws IOException {
    if (directory.equals(root) || Files.isDirectory(directory)) {
      return;
    }
    createDirectories(root, directory.getParent());
    Files.createDirectory(directory);
    directory.toFile().deleteOnExit();
  }
}

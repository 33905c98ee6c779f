package dev.collapsar.testing;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The outcome of one {@link CollapsarCompiler} compilation: success, diagnostics, generated sources
 * and class files, and a class loader over those class files.
 *
 * <p>Everything is copied out of compile-testing's {@code Compilation} when this object is made, so
 * tests never see Guava types.
 */
public final class CompiledSources {
  private final boolean succeeded;
  private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  private final Map<String, String> generatedSources;
  private final Map<String, byte[]> classFiles;
  private final List<CompiledSources> libraries;
  private InMemoryClassLoader loader;

  CompiledSources(Compilation compilation, List<CompiledSources> libraries) {
    this.succeeded = compilation.status() == Compilation.Status.SUCCESS;
    this.diagnostics = List.copyOf(compilation.diagnostics());
    List<JavaFileObject> generated = generatedFiles(compilation);
    this.generatedSources = readSources(generated);
    this.classFiles = readClassFiles(generated);
    this.libraries = List.copyOf(libraries);
  }

  /** Whether javac reported no error (with {@code -Werror}, warnings count as errors). */
  public boolean succeeded() {
    return succeeded;
  }

  /** All diagnostics (errors, warnings, notes), in the order javac reported them. */
  public List<Diagnostic<? extends JavaFileObject>> diagnostics() {
    return diagnostics;
  }

  /** The diagnostics of kind {@link Diagnostic.Kind#ERROR}. */
  public List<Diagnostic<? extends JavaFileObject>> errors() {
    return ofKind(Diagnostic.Kind.ERROR);
  }

  /** The diagnostics of kind {@link Diagnostic.Kind#WARNING} or {@link Diagnostic.Kind#MANDATORY_WARNING}. */
  public List<Diagnostic<? extends JavaFileObject>> warnings() {
    List<Diagnostic<? extends JavaFileObject>> warnings = new ArrayList<>(ofKind(Diagnostic.Kind.WARNING));
    warnings.addAll(ofKind(Diagnostic.Kind.MANDATORY_WARNING));
    return List.copyOf(warnings);
  }

  /** Throws an {@link AssertionError} listing every diagnostic if the compilation failed. */
  public void assertSucceeded() {
    if (!succeeded) {
      throw new AssertionError("compilation failed:\n" + describeDiagnostics());
    }
  }

  /** One line per diagnostic, {@code KIND file:line:column: message}, for failure messages. */
  public String describeDiagnostics() {
    if (diagnostics.isEmpty()) {
      return "(no diagnostics)";
    }
    StringBuilder out = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      out.append(describe(d)).append('\n');
    }
    return out.toString();
  }

  /** One diagnostic as {@code KIND file:line:column: message}. */
  static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "<no file>" : d.getSource().getName();
    return d.getKind() + " " + file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
        + d.getMessage(Locale.ROOT);
  }

  /** The qualified names of the generated source files, sorted. */
  public List<String> generatedSourceNames() {
    return List.copyOf(generatedSources.keySet());
  }

  /** Whether a source file for {@code qualifiedName} (for example {@code p.FieldsOperators}) was generated. */
  public boolean hasGeneratedSource(String qualifiedName) {
    return generatedSources.containsKey(qualifiedName);
  }

  /** The text of the generated source file for {@code qualifiedName}; an AssertionError if there is none. */
  public String generatedSource(String qualifiedName) {
    String text = generatedSources.get(qualifiedName);
    if (text == null) {
      throw new AssertionError("no generated source " + qualifiedName + "; generated: "
          + generatedSourceNames() + "\n" + describeDiagnostics());
    }
    return text;
  }

  /**
   * The generated text of every method of {@code qualifiedName} named {@code method} or one of its
   * split parts ({@code methodPart1Of3}, …), overloads included, in source order: what a test reads
   * to see how one operator was written.
   */
  public String generatedMethod(String qualifiedName, String method) {
    StringBuilder text = new StringBuilder();
    for (String chunk : generatedSource(qualifiedName).split("\n  (?=(/\\*\\*|private|public|static))")) {
      if (chunk.contains(" " + method + "(") || chunk.contains(" " + method + "Part")) {
        text.append(chunk).append('\n');
      }
    }
    return text.toString();
  }

  /** Every class file of this compilation, by binary name ({@code p.Outer$Inner}), sorted. */
  public Map<String, byte[]> classFiles() {
    return classFiles;
  }

  /**
   * Loads a class compiled here (or in a {@linkplain CollapsarCompiler#classpath library}). All
   * classes of this compilation share one loader, whose parent is the test's class loader, so that
   * types such as {@code dev.collapsar.LaplacianResult} are the test's own classes.
   */
  public Class<?> load(String binaryName) {
    try {
      return Class.forName(binaryName, true, loader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("cannot load " + binaryName + "; compiled: " + classFiles.keySet(), e);
    }
  }

  /**
   * A static method of a compiled class. With no {@code parameterTypes}, the method must be the
   * only one of that name (or, among overloads, the one without parameters).
   */
  public StaticMethod method(String className, String methodName, Class<?>... parameterTypes) {
    return StaticMethod.find(load(className), methodName, parameterTypes);
  }

  private synchronized InMemoryClassLoader loader() {
    if (loader == null) {
      Map<String, byte[]> visible = new LinkedHashMap<>();
      for (CompiledSources library : libraries) {
        visible.putAll(library.classFiles);
      }
      // This compilation's own classes win over a library's class of the same name.
      visible.putAll(classFiles);
      ClassLoader parent = Thread.currentThread().getContextClassLoader();
      loader = new InMemoryClassLoader(visible, parent != null ? parent : CompiledSources.class.getClassLoader());
    }
    return loader;
  }

  private List<Diagnostic<? extends JavaFileObject>> ofKind(Diagnostic.Kind kind) {
    List<Diagnostic<? extends JavaFileObject>> selected = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() == kind) {
        selected.add(d);
      }
    }
    return List.copyOf(selected);
  }

  /**
   * The files javac and the processor wrote. compile-testing withholds them when the compilation
   * failed, but negative tests must see them: a processor reports an error for one method and
   * still generates its siblings. So after a failure they are read from compile-testing's private
   * field (stable in the pinned version 0.21.0; a clear error says so if it ever moves).
   */
  private static List<JavaFileObject> generatedFiles(Compilation compilation) {
    if (compilation.status() == Compilation.Status.SUCCESS) {
      return compilation.generatedFiles();
    }
    try {
      Field field = Compilation.class.getDeclaredField("generatedFiles");
      field.setAccessible(true);
      List<JavaFileObject> files = new ArrayList<>();
      for (Object file : (Iterable<?>) field.get(compilation)) {
        files.add((JavaFileObject) file);
      }
      return files;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read the generated files of a failed compilation from this "
          + "compile-testing version; CompiledSources needs updating", e);
    }
  }

  private static Map<String, String> readSources(List<JavaFileObject> files) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : files) {
      if (file.getKind() != JavaFileObject.Kind.SOURCE) {
        continue;
      }
      try {
        sources.put(nameOf(file, ".java"), file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Collections.unmodifiableMap(sources);
  }

  private static Map<String, byte[]> readClassFiles(List<JavaFileObject> files) {
    Map<String, byte[]> classes = new TreeMap<>();
    for (JavaFileObject file : files) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      try (InputStream in = file.openInputStream()) {
        classes.put(nameOf(file, ".class"), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Collections.unmodifiableMap(classes);
  }

  /**
   * compile-testing names its in-memory output {@code mem:///LOCATION/p/q/Name.ext}; the name is the
   * path after the location segment, with slashes turned into dots.
   */
  private static String nameOf(JavaFileObject file, String extension) {
    String path = file.toUri().getPath();
    String relative = path.substring(path.indexOf('/', 1) + 1);
    return relative.substring(0, relative.length() - extension.length()).replace('/', '.');
  }
}

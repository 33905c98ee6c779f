package dev.collapsar.testing;

import java.util.Map;

/**
 * Defines classes from in-memory class files. Delegation is parent-first, as usual: the compiled
 * classes do not exist in the parent, and everything else (the JDK, {@code dev.collapsar}
 * annotations and results, test classes) must resolve to the test's own {@code Class} objects.
 */
final class InMemoryClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classFiles;

  InMemoryClassLoader(Map<String, byte[]> classFiles, ClassLoader parent) {
    super("collapsar-compiled", parent);
    this.classFiles = Map.copyOf(classFiles);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classFiles.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}

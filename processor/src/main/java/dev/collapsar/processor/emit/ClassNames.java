package dev.collapsar.processor.emit;

import com.palantir.javapoet.ClassName;

/** Types that generated code names. */
final class ClassNames {
  static final ClassName THREAD_LOCAL = ClassName.get(ThreadLocal.class);
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName LAPLACIAN_RESULT = ClassName.get("dev.collapsar", "LaplacianResult");

  private ClassNames() {}
}

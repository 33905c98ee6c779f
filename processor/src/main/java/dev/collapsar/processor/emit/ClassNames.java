package dev.collapsar.processor.emit;

import com.palantir.javapoet.ClassName;

/** Types that generated code names. */
final class ClassNames {
  static final ClassName THREAD_LOCAL = ClassName.get(ThreadLocal.class);
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName LAPLACIAN_RESULT = ClassName.get("dev.collapsar", "LaplacianResult");
  static final com.palantir.javapoet.TypeName THREAD_LOCAL_POOL_TYPE = com.palantir.javapoet.ParameterizedTypeName.get(
      THREAD_LOCAL, com.palantir.javapoet.ArrayTypeName.of(com.palantir.javapoet.ArrayTypeName.of(
          com.palantir.javapoet.TypeName.DOUBLE)));
  static final com.palantir.javapoet.TypeName THREAD_LOCAL_ROWS_POOL_TYPE = com.palantir.javapoet.ParameterizedTypeName.get(
      THREAD_LOCAL, com.palantir.javapoet.ArrayTypeName.of(com.palantir.javapoet.ArrayTypeName.of(
          com.palantir.javapoet.ArrayTypeName.of(com.palantir.javapoet.TypeName.DOUBLE))));
  static final com.palantir.javapoet.TypeName THREAD_LOCAL_INT_ARRAY = com.palantir.javapoet.ParameterizedTypeName.get(
      THREAD_LOCAL, com.palantir.javapoet.ArrayTypeName.of(com.palantir.javapoet.TypeName.INT));

  private ClassNames() {}
}

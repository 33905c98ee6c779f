package dev.collapsar.processor.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Local arrays without allocation: each thread owns a pool of arrays; an operator resets it on entry
 * and every {@code new double[n]} of the user's code takes the next array of at least n entries,
 * zero-filled, and each of its coefficient matrices the next {@code double[][]} of at least n rows
 * of at least R entries. Within a call every allocation gets its own array, exactly as with
 * {@code new}; across calls the arrays are reused, so after warm-up a call allocates nothing (a pool
 * entry only grows). The generated code never reads a local array's or row's {@code length} (it
 * tracks n and R), so a longer one is fine.
 */
final class ArrayPool {
  /** The nested class of the generated class that holds the pools; its static methods are called. */
  static final String FIELD = "ArrayPool";

  private ArrayPool() {}

  static void addTo(TypeSpec.Builder type) {
    type.addType(TypeSpec.classBuilder(FIELD)
        .addJavadoc("This thread's local arrays: taken in order during a call, reused by the next call.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addField(FieldSpec.builder(ClassNames.THREAD_LOCAL_POOL_TYPE, "POOLS", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("$T.withInitial(() -> new double[8][])", ClassNames.THREAD_LOCAL).build())
        .addField(FieldSpec.builder(ClassNames.THREAD_LOCAL_ROWS_POOL_TYPE, "ROW_POOLS", Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL).initializer("$T.withInitial(() -> new double[8][][])",
            ClassNames.THREAD_LOCAL).build())
        .addField(FieldSpec.builder(ClassNames.THREAD_LOCAL_INT_ARRAY, "NEXT", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("$T.withInitial(() -> new int[2])", ClassNames.THREAD_LOCAL).build())
        .addMethod(MethodSpec.methodBuilder("reset")
            .addModifiers(Modifier.STATIC)
            .addStatement("int[] next = NEXT.get()")
            .addStatement("next[0] = 0")
            .addStatement("next[1] = 0")
            .build())
        .addMethod(take())
        .addMethod(takeRows())
        .build());
  }

  private static MethodSpec take() {
    return MethodSpec.methodBuilder("take")
        .addModifiers(Modifier.STATIC)
        .returns(double[].class)
        .addParameter(int.class, "length")
        .addStatement("int[] next = NEXT.get()")
        .addStatement("double[][] arrays = POOLS.get()")
        .beginControlFlow("if (next[0] == arrays.length)")
        .addStatement("arrays = $T.copyOf(arrays, 2 * arrays.length)", java.util.Arrays.class)
        .addStatement("POOLS.set(arrays)")
        .endControlFlow()
        .addStatement("double[] array = arrays[next[0]]")
        .beginControlFlow("if (array == null || array.length < length)")
        .addStatement("array = new double[length]")
        .addStatement("arrays[next[0]] = array")
        .nextControlFlow("else")
        .addStatement("$T.fill(array, 0, length, 0.0)", java.util.Arrays.class)
        .endControlFlow()
        .addStatement("next[0]++")
        .addStatement("return array")
        .build();
  }

  private static MethodSpec takeRows() {
    return MethodSpec.methodBuilder("takeRows")
        .addModifiers(Modifier.STATIC)
        .returns(double[][].class)
        .addParameter(int.class, "rows")
        .addParameter(int.class, "columns")
        .addStatement("int[] next = NEXT.get()")
        .addStatement("double[][][] pool = ROW_POOLS.get()")
        .beginControlFlow("if (next[1] == pool.length)")
        .addStatement("pool = $T.copyOf(pool, 2 * pool.length)", java.util.Arrays.class)
        .addStatement("ROW_POOLS.set(pool)")
        .endControlFlow()
        .addStatement("double[][] matrix = pool[next[1]]")
        .addStatement("int width = matrix == null || matrix.length == 0 ? 0 : matrix[0].length")
        .beginControlFlow("if (matrix == null || matrix.length < rows || width < columns)")
        .addComment("grow only, so that operators of different sizes sharing this pool settle")
        .addStatement("matrix = new double[Math.max(rows, matrix == null ? 0 : matrix.length)]"
            + "[Math.max(columns, width)]")
        .addStatement("pool[next[1]] = matrix")
        .nextControlFlow("else")
        .beginControlFlow("for (int i = 0; i < rows; i++)")
        .addStatement("$T.fill(matrix[i], 0, columns, 0.0)", java.util.Arrays.class)
        .endControlFlow()
        .endControlFlow()
        .addStatement("next[1]++")
        .addStatement("return matrix")
        .build();
  }
}

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

  /** {@code next} and this thread's pool {@code field} as {@code local}, doubled when entry {@code slot} is past its end. */
  private static com.palantir.javapoet.CodeBlock pool(String type, String local, String field, int slot) {
    return com.palantir.javapoet.CodeBlock.builder()
        .addStatement("int[] next = NEXT.get()")
        .addStatement("$L $N = $N.get()", type, local, field)
        .beginControlFlow("if (next[$L] == $N.length)", slot, local)
        .addStatement("$N = $T.copyOf($N, 2 * $N.length)", local, java.util.Arrays.class, local, local)
        .addStatement("$N.set($N)", field, local)
        .endControlFlow()
        .build();
  }

  private static MethodSpec take() {
    return MethodSpec.methodBuilder("take")
        .addModifiers(Modifier.STATIC)
        .returns(double[].class)
        .addParameter(int.class, "length")
        .addCode(pool("double[][]", "arrays", "POOLS", 0))
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
        .addCode(pool("double[][][]", "pool", "ROW_POOLS", 1))
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

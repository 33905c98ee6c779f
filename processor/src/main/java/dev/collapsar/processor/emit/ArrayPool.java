package dev.collapsar.processor.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Local arrays without allocation: each thread owns a pool of arrays; an operator resets it on entry
 * and every {@code new double[n]} of the user's code takes the next array of at least n entries,
 * zero-filled. Within a call every allocation gets its own array, exactly as with {@code new}; across
 * calls the arrays are reused, so after warm-up a call allocates nothing. The generated code never
 * reads a local array's {@code length} (it tracks n), so a longer array is fine.
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
        .addField(FieldSpec.builder(ClassNames.THREAD_LOCAL_INT_ARRAY, "NEXT", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("$T.withInitial(() -> new int[1])", ClassNames.THREAD_LOCAL).build())
        .addMethod(MethodSpec.methodBuilder("reset")
            .addModifiers(Modifier.STATIC)
            .addStatement("NEXT.get()[0] = 0")
            .build())
        .addMethod(MethodSpec.methodBuilder("take")
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
            .build())
        .build());
  }
}

package dev.collapsar.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.collapsar.processor.ir.Coordinate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * The body of a {@link BatchCall} that runs its points through a batch kernel in blocks: checks the
 * lengths (the number of points, each array coordinate's row length) before computing anything, then
 * per block copies the points' coordinates into this thread's {@code points[coordinate][point]}
 * matrix (the last block repeats its last point to fill the block), calls the kernel once, and copies
 * the block's results out. The matrix and the block's results are per-thread, allocated once. Fewer
 * than two thirds of a block left (and so a call with few points) go point by point: a block costs
 * about what two thirds of its points cost one at a time ({@link #SMALLEST}).
 */
final class BlockedBatch {
  /**
   * The fewest points, in thirds of a block, worth a block: a point in a block of 32 took 0.6–0.75 of
   * its time alone (tanh networks of three coordinates).
   */
  private static final int SMALLEST = 2;

  private BlockedBatch() {}

  static void addTo(TypeSpec.Builder type, BatchCall batch, List<ParameterSpec> parameters, String out,
      UnaryOperator<String> local) {
    BatchCall.Block block = batch.block();
    String field = batch.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    String pointsField = field + "_POINTS";
    String resultsField = field + "_RESULTS";
    TypeName matrix = ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE));
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassNames.THREAD_LOCAL, matrix), pointsField,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.withInitial(() -> new double[$L][$L])", ClassNames.THREAD_LOCAL, block.coordinates().size(),
            block.width())
        .build());
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassNames.THREAD_LOCAL, ArrayTypeName.of(TypeName.DOUBLE)),
            resultsField, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.withInitial(() -> new double[$L])", ClassNames.THREAD_LOCAL, block.width())
        .build());
    String p = local.apply("p");
    String from = local.apply("from");
    String count = local.apply("count");
    String q = local.apply("q");
    String points = local.apply("points");
    String results = local.apply("results");
    MethodSpec.Builder method = MethodSpec.methodBuilder(batch.name()).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(batch.javadoc()).returns(void.class).addParameters(parameters);
    for (ParameterSpec parameter : batch.parameters()) {
      if (batch.coordinates().contains(parameter.name())) {
        method.beginControlFlow("if ($N.length != $N.length)", parameter.name(), out)
            .addStatement("throw new $T($S + $N.length + $S + $N.length)", IllegalArgumentException.class,
                parameter.name() + " has ", parameter.name(), " points but " + out + " has room for ", out)
            .endControlFlow();
      }
    }
    checkRows(method, block, out, p);
    method.addStatement("double[][] $N = $N.get()", points, pointsField)
        .addStatement("double[] $N = $N.get()", results, resultsField)
        .beginControlFlow("for (int $N = 0; $N < $N.length; $N += $L)", from, from, out, from, block.width())
        .addStatement("int $N = Math.min($L, $N.length - $N)", count, block.width(), out, from)
        .beginControlFlow("if (3 * $N < $L)", count, SMALLEST * block.width())
        .beginControlFlow("for (int $N = $N; $N < $N.length; $N++)", p, from, p, out, p)
        .addStatement("$N[$N] = $N($L)", out, p, batch.point(), pointArguments(batch, p))
        .endControlFlow()
        .addStatement("break")
        .endControlFlow()
        .beginControlFlow("for (int $N = 0; $N < $L; $N++)", q, q, block.width(), q)
        .addStatement("int $N = $N + Math.min($N, $N - 1)", p, from, q, count);
    for (int c = 0; c < block.coordinates().size(); c++) {
      Coordinate coordinate = block.coordinates().get(c);
      method.addStatement("$N[$L][$N] = $N[$N]$L", points, c, q, coordinate.parameter(), p,
          coordinate.isElement() ? "[" + coordinate.index() + "]" : "");
    }
    method.endControlFlow();
    List<String> arguments = new ArrayList<>(List.of(points));
    for (ParameterSpec parameter : batch.parameters()) {
      arguments.add(batch.coordinates().contains(parameter.name()) ? parameter.name() + "[" + from + "]"
          : parameter.name());
    }
    arguments.add(results);
    method.addStatement("$N($L)", block.kernel(), String.join(", ", arguments))
        .addStatement("System.arraycopy($N, 0, $N, $N, $N)", results, out, from, count)
        .endControlFlow();
    type.addMethod(method.build());
  }

  /** The point method's arguments at point {@code p}. */
  private static String pointArguments(BatchCall batch, String p) {
    List<String> arguments = new ArrayList<>();
    for (ParameterSpec parameter : batch.parameters()) {
      arguments.add(batch.coordinates().contains(parameter.name()) ? parameter.name() + "[" + p + "]" : parameter.name());
    }
    return String.join(", ", arguments);
  }

  /** Every point's row of an array coordinate has the length the point method checks. */
  private static void checkRows(MethodSpec.Builder method, BatchCall.Block block, String out, String p) {
    java.util.Map<String, Integer> lengths = new java.util.LinkedHashMap<>();
    for (Coordinate c : block.coordinates()) {
      if (c.isElement()) {
        lengths.merge(c.parameter(), c.index() + 1, Math::max);
      }
    }
    lengths.forEach((array, length) -> method
        .beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", p, p, out, p)
        .beginControlFlow("if ($N[$N].length != $L)", array, p, length)
        .addStatement("throw new $T($S + $N + $S + $N[$N].length)", IllegalArgumentException.class, array + "[", p,
            "].length must be " + length + ", was ", array, p)
        .endControlFlow()
        .endControlFlow());
  }
}

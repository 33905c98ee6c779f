package dev.collapsar.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code void <point>Batch(…, double[] out)}: a public point operator over many points in one call.
 * Each coordinate parameter becomes an array with one entry per point (a {@code double} → a
 * {@code double[]}, a {@code double[]} → a {@code double[][]} with one row per point); the other
 * parameters are shared by all points; {@code out[p]} receives the operator at point p. Lengths are
 * checked before anything is computed; a call allocates nothing after its thread's first and shares
 * nothing between threads beyond what the point method does. With a {@link Block} kernel it runs the
 * points in blocks through that kernel (the last block padded with copies of its last point, whose
 * results are dropped), else it calls the point method point by point.
 *
 * @param name the batch method's name
 * @param point the point method it calls
 * @param parameters the point method's parameters, in order
 * @param coordinates the names of the parameters that hold the coordinates
 * @param javadoc the method's documentation
 * @param block the batch kernel to run blocks of points through, or null
 */
public record BatchCall(String name, String point, List<ParameterSpec> parameters, Set<String> coordinates,
    String javadoc, Block block) implements Variant {

  /**
   * A batch kernel ({@link OperatorMethod#batchKernel}): {@code kernel(double[][] points, params…,
   * double[] out)} computes {@code width} points at once from {@code points[c][p]}, coordinate c of
   * point p, coordinates in the order given.
   */
  public record Block(String kernel, int width, List<dev.collapsar.processor.ir.Coordinate> coordinates) {}

  /** This batch, run in blocks through {@code kernel}. */
  public BatchCall blocked(Block kernel) {
    String blocks = javadoc.strip() + " Computes " + kernel.width() + " points at a time in one pass of {@code "
        + kernel.kernel() + "}, every value that does not depend on the point read once per block; the last "
        + "points, when fewer than two thirds of a block, one at a time.\n";
    return new BatchCall(name, point, parameters, coordinates, blocks, kernel);
  }

  /** The batch of the public point method {@code point(parameters)}. */
  static BatchCall of(String point, List<ParameterSpec> parameters, Set<String> coordinates) {
    String names = String.join(" and ", parameters.stream().filter(p -> coordinates.contains(p.name()))
        .map(p -> "{@code " + p.name() + "}").toList());
    return new BatchCall(point + "Batch", point, parameters, coordinates, "{@code " + point + "} at many points: one "
        + "entry (for an array, one row) of " + names + " per point, the other parameters shared; {@code out[p]} "
        + "receives the result at point p. Throws IllegalArgumentException, before computing anything, when the "
        + "number of points differs from {@code out.length}.\n", null);
  }

  @Override
  public String signatureKey() {
    return Variant.key(name, batchParameters());
  }

  private List<ParameterSpec> batchParameters() {
    List<ParameterSpec> specs = new ArrayList<>();
    for (ParameterSpec p : parameters) {
      specs.add(coordinates.contains(p.name()) ? ParameterSpec.builder(ArrayTypeName.of(p.type()), p.name()).build() : p);
    }
    specs.add(ParameterSpec.builder(double[].class, out()).build());
    return specs;
  }

  /** The output parameter: {@code out}, or {@code out2}… when a parameter has that name. */
  private String out() {
    return dev.collapsar.processor.ir.FreshName.of("out", "", this::taken);
  }

  private boolean taken(String local) {
    return parameters.stream().anyMatch(p -> p.name().equals(local));
  }

  private String local(String base) {
    String out = out();
    return dev.collapsar.processor.ir.FreshName.of(base, "", local -> taken(local) || local.equals(out));
  }

  void addTo(TypeSpec.Builder type) {
    if (block != null) {
      BlockedBatch.addTo(type, this, batchParameters(), out(), this::local);
      return;
    }
    String out = out();
    String index = local("p");
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(javadoc).returns(void.class).addParameters(batchParameters());
    List<String> arguments = new ArrayList<>();
    for (ParameterSpec p : parameters) {
      if (coordinates.contains(p.name())) {
        method.beginControlFlow("if ($N.length != $N.length)", p.name(), out)
            .addStatement("throw new $T($S + $N.length + $S + $N.length)", IllegalArgumentException.class,
                p.name() + " has ", p.name(), " points but " + out + " has room for ", out)
            .endControlFlow();
        arguments.add(p.name() + "[" + index + "]");
      } else {
        arguments.add(p.name());
      }
    }
    method.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", index, index, out, index)
        .addStatement("$N[$N] = $N($L)", out, index, point, String.join(", ", arguments))
        .endControlFlow();
    type.addMethod(method.build());
  }
}

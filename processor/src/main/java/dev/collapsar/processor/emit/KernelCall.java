package dev.collapsar.processor.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.collapsar.processor.ir.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A public variant of a Laplacian at a compile-time dimension, calling its one kernel
 * ({@link OperatorMethod#laplacianKernel}): the Laplacian; the Laplacian with ∇u written into the
 * caller's array; or value, gradient and Laplacian as a {@code LaplacianResult}.
 *
 * @param kind which variant
 * @param name the public method's name
 * @param kernel the kernel's name
 * @param parameters the user's parameters
 * @param dimension D, the gradient's length
 * @param javadoc the method's documentation
 */
public record KernelCall(Kind kind, String name, String kernel, List<Source.Parameter> parameters, int dimension,
    String javadoc) implements Variant {
  private static final String GRADIENT_OUT = "gradientOut";

  /** The variants a Laplacian kernel backs. */
  public enum Kind { LAPLACIAN, LAPLACIAN_WITH_GRADIENT, EVALUATE }

  /** {@code double <name>(params)}: Δu. */
  public static KernelCall laplacian(String name, String kernel, List<Source.Parameter> parameters, int dimension,
      String javadoc) {
    return new KernelCall(Kind.LAPLACIAN, name, kernel, parameters, dimension, javadoc);
  }

  /** {@code double <name>(params, double[] gradientOut)}: Δu, and ∇u into the caller's array (no allocation). */
  public static KernelCall withGradient(String name, String kernel, List<Source.Parameter> parameters, int dimension,
      String javadoc) {
    return new KernelCall(Kind.LAPLACIAN_WITH_GRADIENT, name, kernel, parameters, dimension, javadoc);
  }

  /** {@code LaplacianResult <name>(params)}: u, ∇u and Δu from one pass. */
  public static KernelCall evaluate(String name, String kernel, List<Source.Parameter> parameters, int dimension,
      String javadoc) {
    return new KernelCall(Kind.EVALUATE, name, kernel, parameters, dimension, javadoc);
  }

  @Override
  public BatchCall batch(Set<String> coordinates) {
    return kind == Kind.LAPLACIAN ? BatchCall.of(name, publicParameters(), coordinates) : null;
  }

  @Override
  public String signatureKey() {
    return Variant.key(name, publicParameters());
  }

  private List<ParameterSpec> publicParameters() {
    List<ParameterSpec> specs = new ArrayList<>(OperatorMethod.parameterSpecs(parameters));
    if (kind == Kind.LAPLACIAN_WITH_GRADIENT) {
      specs.add(ParameterSpec.builder(double[].class, fresh(GRADIENT_OUT, parameters)).build());
    }
    return specs;
  }

  /** {@code base}, or {@code base2}, {@code base3}… whichever no user parameter is called. */
  static String fresh(String base, List<Source.Parameter> parameters) {
    return dev.collapsar.processor.ir.FreshName.of(base, "", name -> contains(parameters, name));
  }

  private static boolean contains(List<Source.Parameter> parameters, String name) {
    return parameters.stream().anyMatch(p -> p.name().equals(name));
  }

  void addTo(TypeSpec.Builder type) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(javadoc).addParameters(publicParameters());
    String arguments = String.join(", ", parameters.stream().map(Source.Parameter::name).toList());
    String call = kernel + "(" + arguments + (arguments.isEmpty() ? "" : ", ");
    String gradient = fresh(kind == Kind.EVALUATE ? "gradient" : GRADIENT_OUT, parameters);
    switch (kind) {
      case LAPLACIAN -> method.returns(double.class).addStatement("return $L", call + "null, null)");
      case LAPLACIAN_WITH_GRADIENT -> method.returns(double.class)
          .beginControlFlow("if ($N.length < $L)", gradient, dimension)
          .addStatement("throw new $T($S + $N.length)", IllegalArgumentException.class,
              gradient + " needs length " + dimension + ", has ", gradient)
          .endControlFlow()
          .addStatement("return $L", call + gradient + ", null)");
      case EVALUATE -> {
        String value = fresh("value", parameters);
        String laplacian = fresh("laplacian", parameters);
        method.returns(ClassNames.LAPLACIAN_RESULT)
            .addStatement("double[] $N = new double[$L]", gradient, dimension)
            .addStatement("double[] $N = new double[1]", value)
            .addStatement("double $N = $L", laplacian, call + gradient + ", " + value + ")")
            .addStatement("return new $T($N[0], $N, $N)", ClassNames.LAPLACIAN_RESULT, value, gradient, laplacian);
      }
    }
    type.addMethod(method.build());
  }
}

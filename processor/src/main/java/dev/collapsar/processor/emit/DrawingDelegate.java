package dev.collapsar.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.collapsar.processor.ir.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * {@code <name>(params, RandomGenerator rng)}: draws the S random vectors into a per-thread buffer
 * (allocated once per thread and size, so calls do not allocate) and calls
 * {@code <name>(params, double[][] v)} with them.
 *
 * @param name the estimator's name
 * @param parameters the user's parameters
 * @param generator the name of the generator parameter
 * @param samples S
 * @param length the length of each vector: a Java int expression over the parameters
 * @param gaussian Gaussian (otherwise Rademacher) entries
 * @param javadoc the method's documentation
 */
public record DrawingDelegate(String name, List<Source.Parameter> parameters, String generator, int samples,
    String length, boolean gaussian, String javadoc) implements Variant {

  static final ClassName RANDOM_GENERATOR = ClassName.get("java.util.random", "RandomGenerator");
  private static final String DRAWS = "draws";

  @Override
  public BatchCall batch(java.util.Set<String> coordinates) {
    return BatchCall.of(name, publicParameters(), coordinates);
  }

  @Override
  public String signatureKey() {
    return Variant.key(name, publicParameters());
  }

  private List<ParameterSpec> publicParameters() {
    List<ParameterSpec> specs = new ArrayList<>(OperatorMethod.parameterSpecs(parameters));
    specs.add(ParameterSpec.builder(RANDOM_GENERATOR, generator).build());
    return specs;
  }

  void addTo(TypeSpec.Builder type) {
    String buffer = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_DIRECTIONS";
    TypeName matrix = ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE));
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassNames.THREAD_LOCAL, matrix), buffer,
        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer("new $T<>()", ClassNames.THREAD_LOCAL).build());
    List<ParameterSpec> specs = publicParameters();
    List<String> arguments = new ArrayList<>();
    parameters.forEach(p -> arguments.add(p.name()));
    arguments.add(DRAWS + "(" + buffer + ", " + generator + ", " + samples + ", " + length + ", " + gaussian + ")");
    type.addMethod(MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(javadoc)
        .returns(double.class)
        .addParameters(specs)
        .addStatement("return $L($L)", name, String.join(", ", arguments))
        .build());
  }

  /** The shared helper that refills a per-thread buffer with fresh draws. */
  static MethodSpec drawsHelper() {
    TypeName matrix = ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE));
    return MethodSpec.methodBuilder(DRAWS)
        .addJavadoc("{@code samples} fresh random vectors of {@code length} entries, in this thread's buffer.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(matrix)
        .addParameter(ParameterizedTypeName.get(ClassNames.THREAD_LOCAL, matrix), "buffer")
        .addParameter(RANDOM_GENERATOR, "rng")
        .addParameter(int.class, "samples")
        .addParameter(int.class, "length")
        .addParameter(boolean.class, "gaussian")
        .addStatement("double[][] v = buffer.get()")
        .beginControlFlow("if (v == null || v.length != samples || v[0].length != length)")
        .addStatement("v = new double[samples][length]")
        .addStatement("buffer.set(v)")
        .endControlFlow()
        .beginControlFlow("for (double[] row : v)")
        .beginControlFlow("for (int i = 0; i < length; i++)")
        .addStatement("row[i] = gaussian ? rng.nextGaussian() : rng.nextBoolean() ? 1.0 : -1.0")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return v")
        .build();
  }
}

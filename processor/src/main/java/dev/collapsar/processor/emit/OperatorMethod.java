package dev.collapsar.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One public method to generate from a jet program: its signature, the outputs it needs (so that
 * dead code removal can drop the rest) and the tail that returns them.
 */
public final class OperatorMethod {
  final MethodEmitter.Signature signature;
  final List<Node> outputs;

  private OperatorMethod(MethodEmitter.Signature signature, List<Node> outputs) {
    this.signature = signature;
    this.outputs = List.copyOf(outputs);
  }

  /** Name and parameter types, e.g. {@code uLaplacian(double,double[])}: two methods may not share it. */
  public String signatureKey() {
    return Variant.key(signature.name(), signature.parameters());
  }

  /** The batch variant of this method if it is a public operator returning a {@code double}, else null. */
  public BatchCall batch(java.util.Set<String> coordinates) {
    return signature.exposed() && signature.returns().equals(TypeName.DOUBLE)
        ? BatchCall.of(signature.name(), signature.parameters(), coordinates) : null;
  }

  /** The names of the method's parameters: locals the optimizer introduces must avoid them. */
  public java.util.Set<String> parameterNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    signature.parameters().forEach(p -> names.add(p.name()));
    return names;
  }

  /** The outputs this method returns; the optimizer keeps only what they need. */
  public List<Node> outputs() {
    return outputs;
  }

  /** {@code double <name>(params)} returning the operator. */
  public static OperatorMethod operator(String name, JetProgram program, String javadoc) {
    return new OperatorMethod(new MethodEmitter.Signature(name, parameters(program), TypeName.DOUBLE, javadoc,
        out -> CodeBlock.of("return $L;\n", out.get(0))), List.of(program.operator()));
  }

  /** {@code double <name>(params, extra)}: an operator that needs one more argument (an estimator's directions). */
  public static OperatorMethod operator(String name, JetProgram program, TypeName extraType, String extraName,
      String javadoc) {
    List<ParameterSpec> parameters = new ArrayList<>(parameters(program));
    parameters.add(ParameterSpec.builder(extraType, extraName).build());
    return new OperatorMethod(new MethodEmitter.Signature(name, parameters, TypeName.DOUBLE, javadoc,
        out -> CodeBlock.of("return $L;\n", out.get(0))), List.of(program.operator()));
  }

  /**
   * {@code private double <name>(params, double[][] rows[, double[] out])}: one pass of a blocked
   * operator along the {@code lanes} directions in {@code rows}. With {@code out}, it also writes the
   * lanes' first coefficients into {@code out[0..lanes-1]} and the value into {@code out[lanes]}.
   */
  public static OperatorMethod lanes(String name, JetProgram program, String rows, String out, int lanes,
      String javadoc) {
    return lanes(name, program, List.of(ParameterSpec.builder(double[][].class, rows).build()), out, lanes, javadoc);
  }

  /** {@link #lanes(String, JetProgram, String, String, int, String)} with more kernel parameters after the user's. */
  public static OperatorMethod lanes(String name, JetProgram program, List<ParameterSpec> extra, String out, int lanes,
      String javadoc) {
    List<ParameterSpec> parameters = new ArrayList<>(parameters(program));
    parameters.addAll(extra);
    List<Node> outputs = new ArrayList<>(List.of(program.operator()));
    if (out == null) {
      return new OperatorMethod(new MethodEmitter.Signature(name, parameters, TypeName.DOUBLE, javadoc,
          printed -> CodeBlock.of("return $L;\n", printed.get(0)), false), outputs);
    }
    parameters.add(ParameterSpec.builder(double[].class, out).build());
    outputs.addAll(program.gradient());
    outputs.add(program.value());
    Function<List<String>, CodeBlock> tail = printed -> {
      CodeBlock.Builder code = CodeBlock.builder();
      for (int l = 0; l <= lanes; l++) {
        code.addStatement("$N[$L] = $L", out, l, printed.get(l + 1));
      }
      return code.addStatement("return $L", printed.get(0)).build();
    };
    return new OperatorMethod(new MethodEmitter.Signature(name, parameters, TypeName.DOUBLE, javadoc, tail, false),
        outputs);
  }

  /**
   * {@code private double <name>(params, double[] gradientOut, double[] valueOut)}: the one body of a
   * Laplacian at a compile-time dimension, behind its public variants ({@link KernelCall}): returns Δu,
   * writes ∇u into {@code gradientOut[0..D-1]} and u into {@code valueOut[0]}, each unless null.
   */
  public static OperatorMethod laplacianKernel(String name, JetProgram program, String javadoc) {
    List<ParameterSpec> parameters = new ArrayList<>(parameters(program));
    String gradientOut = KernelCall.fresh("gradientOut", program.parameters());
    String valueOut = KernelCall.fresh("valueOut", program.parameters());
    parameters.add(ParameterSpec.builder(double[].class, gradientOut).build());
    parameters.add(ParameterSpec.builder(double[].class, valueOut).build());
    List<Node> outputs = new ArrayList<>(List.of(program.operator(), program.value()));
    outputs.addAll(program.gradient());
    Function<List<String>, CodeBlock> tail = out -> {
      CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("if ($N != null)", gradientOut);
      for (int i = 2; i < out.size(); i++) {
        code.addStatement("$N[$L] = $L", gradientOut, i - 2, out.get(i));
      }
      return code.endControlFlow()
          .beginControlFlow("if ($N != null)", valueOut)
          .addStatement("$N[0] = $L", valueOut, out.get(1))
          .endControlFlow()
          .addStatement("return $L", out.get(0)).build();
    };
    return new OperatorMethod(new MethodEmitter.Signature(name, parameters, TypeName.DOUBLE, javadoc, tail, false),
        outputs);
  }

  /**
   * {@code private void <name>(double[][] matrix, params, extra, double[] out)}: a batch kernel, whose body
   * stores the operator at each point of a block into {@code out} ({@link BatchCall.Block}); the
   * coordinate parameters only stand for the block (their values come from {@code matrix}).
   */
  public static OperatorMethod batchKernel(String name, JetProgram program, List<ParameterSpec> extra, String matrix,
      String out, String javadoc) {
    List<ParameterSpec> parameters = new ArrayList<>();
    parameters.add(ParameterSpec.builder(double[][].class, matrix).build());
    parameters.addAll(parameters(program));
    parameters.addAll(extra);
    parameters.add(ParameterSpec.builder(double[].class, out).build());
    return new OperatorMethod(new MethodEmitter.Signature(name, parameters, TypeName.VOID, javadoc,
        printed -> CodeBlock.builder().build(), false), List.of());
  }

  private static List<ParameterSpec> parameters(JetProgram program) {
    return parameterSpecs(program.parameters());
  }

  static List<ParameterSpec> parameterSpecs(List<Source.Parameter> parameters) {
    List<ParameterSpec> specs = new ArrayList<>();
    for (Source.Parameter p : parameters) {
      specs.add(ParameterSpec.builder(javaType(p), p.name()).build());
    }
    return specs;
  }

  private static TypeName javaType(Source.Parameter p) {
    switch (p.type()) {
      case DOUBLE: return TypeName.DOUBLE;
      case INT: return TypeName.INT;
      case BOOLEAN: return TypeName.BOOLEAN;
      case DOUBLE_ARRAY: return TypeName.get(double[].class);
      case DOUBLE_TENSOR: return TypeName.get(double[][][].class);
      default: return TypeName.get(double[][].class);
    }
  }
}

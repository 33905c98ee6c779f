package dev.collapsar.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes each {@link Statement.Outlined} block of a generated method as a private static method of its
 * own, {@code <method>Sweep1}, {@code <method>Sweep2}, …, and names the calls accordingly.
 */
final class OutlinedMethods {
  private final TypeSpec.Builder type;
  private final String owner;
  private int count;
  private boolean vectorSweeps;

  OutlinedMethods(TypeSpec.Builder type, String owner) {
    this.type = type;
    this.owner = owner;
  }

  /** {@code body} with every outlined block named, its method added to the class. */
  List<Statement> name(List<Statement> body) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : body) {
      if (s instanceof Statement.Outlined outlined) {
        Statement.Outlined call = new Statement.Outlined(outlined.method(), outlined.arguments(), name(outlined.body()));
        boolean remainder = call.method().equals("remainder");
        String name = owner + (remainder ? "Remainder" : "Sweep") + ++count;
        if (call.body().size() == 1 && call.body().get(0) instanceof Statement.LaneSweep sweep) {
          vectorSweep(name, call, sweep);
        } else if (remainder) {
          type.addMethod(parameters(MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addJavadoc("The last units of a jammed unit loop of {@code $L}, in a method of its own: with the"
                  + " jammed loop they would not fit one method.\n", owner), call)
              .addCode(BodyWriter.write(call.body())).build());
        } else {
          type.addMethod(method(name, call));
        }
        out.add(new Statement.Outlined(name, call.arguments(), call.body()));
      } else if (s instanceof Statement.Loop loop) {
        out.add(new Statement.Loop(loop.condition(), name(loop.body())));
      } else if (s instanceof Statement.Branch b) {
        out.add(new Statement.Branch(b.condition(), name(b.then()), name(b.otherwise())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether a block was written on jdk.incubator.vector. */
  boolean vectorSweeps() {
    return vectorSweeps;
  }

  private MethodSpec method(String name, Statement.Outlined call) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("A fused layer sweep of {@code $L}, in a method of its own: C2 vectorizes it here and not inside"
            + " the large method (benchmarks/README.md, \"Layer sweep shapes\").\n", owner);
    return parameters(method, call).addCode(BodyWriter.write(call.body())).build();
  }

  /**
   * A sweep on jdk.incubator.vector: {@code name}, which the kernel calls, and one method per block
   * size, {@code name}Block6 … {@code name}Block1, whose accumulators stay in registers while the
   * reduction index runs (small methods: see {@link LaneSweepWriter#blockSizes}).
   */
  private void vectorSweep(String name, Statement.Outlined call, Statement.LaneSweep sweep) {
    vectorSweeps = true;
    String block = name + "Block";
    List<String> arguments = call.arguments().stream().map(Node.Ref::name).toList();
    type.addMethod(parameters(MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("A layer sweep of {@code $L} on jdk.incubator.vector ({@code -Acollapsar.vector=true}): the lanes"
            + " past the last whole vector here, the others in the {@code $L<n>} methods.\n", owner, block), call)
        .addCode(LaneSweepWriter.sweep(sweep, block, name + "Group", arguments)).build());
    SourceGroupPasses groups = LaneSweepWriter.groupPasses(sweep);
    for (int g = 1; groups != null && g <= groups.size(); g++) {
      type.addMethod(parameters(MethodSpec.methodBuilder(name + "Group" + g).addModifiers(Modifier.PRIVATE,
              Modifier.STATIC)
          .addJavadoc("The rows of {@code $L} that read its source group $L, all their lanes in one pass on 512-bit"
              + " vectors, the accumulators in registers while the reduction index runs.\n", name, g), call)
          .addCode(groups.pass(g - 1)).build());
    }
    for (int vectors : LaneSweepWriter.blockSizes(sweep)) {
      type.addMethod(parameters(MethodSpec.methodBuilder(block + vectors).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addJavadoc("$L vectors per row of {@code $L} from the given lane, the accumulators in registers while the"
              + " reduction index runs.\n", vectors, name), call)
          .addParameter(TypeName.INT, LaneSweepWriter.laneParameter(sweep))
          .addCode(LaneSweepWriter.block(sweep, vectors)).build());
    }
  }

  private static MethodSpec.Builder parameters(MethodSpec.Builder method, Statement.Outlined call) {
    for (Node.Ref argument : call.arguments()) {
      method.addParameter(typeName(argument.type()), argument.name());
    }
    return method;
  }

  private static TypeName typeName(Type type) {
    return switch (type) {
      case DOUBLE -> TypeName.DOUBLE;
      case INT -> TypeName.INT;
      case BOOLEAN -> TypeName.BOOLEAN;
      case DOUBLE_ARRAY -> ArrayTypeName.of(TypeName.DOUBLE);
      case DOUBLE_MATRIX -> ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE));
      case DOUBLE_TENSOR -> ArrayTypeName.of(ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE)));
      case LANES -> throw new IllegalStateException("a lane value reached the printer");
    };
  }
}

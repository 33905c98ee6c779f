package dev.collapsar.processor;

import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.emit.OperatorsClass;
import dev.collapsar.processor.frontend.Request;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.processor.opt.Optimizer;
import dev.collapsar.processor.taylor.TaylorTransform;
import java.util.List;

/** The stages after the frontend, in order, for one method and then for one generated file. */
final class Pipeline {
  private Pipeline() {}

  /** One method's generated operators, ready to be printed into its class's file. */
  record Generated(Request request, List<Emitted> methods) {}

  /** One public method with its optimized body. */
  record Emitted(OperatorMethod method, Optimizer.Result optimized, JetProgram program) {}

  static Generated laplacian(Request request) {
    NodeFactory nodes = new NodeFactory();
    JetProgram program = new TaylorTransform(new FoldingAlgebra(nodes))
        .laplacian(request.program(), request.coordinates(), request.collapsed());
    Optimizer optimizer = new Optimizer(nodes);
    String m = request.method();
    String link = "{@link " + request.sourceClass() + "#" + m + "}";
    List<OperatorMethod> methods = List.of(
        OperatorMethod.operator(m + "Laplacian", program, "The Laplacian of " + link + " at the given point.\n"),
        OperatorMethod.operatorWithGradient(m + "Laplacian", program,
            "The Laplacian of " + link + "; writes its gradient into {@code gradientOut} (no allocation).\n"),
        OperatorMethod.evaluate(m + "Evaluate", program,
            "The value, gradient and Laplacian of " + link + ", from one pass.\n"));
    return new Generated(request, methods.stream()
        .map(method -> new Emitted(method, optimizer.optimize(program.body(), method.outputs()), program))
        .toList());
  }

  /** A generated method signature that {@code next} shares with an earlier method, or null. */
  static String clash(List<Generated> earlier, Generated next) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    earlier.forEach(g -> g.methods().forEach(e -> taken.add(e.method().signatureKey())));
    for (Emitted e : next.methods()) {
      if (taken.contains(e.method().signatureKey())) {
        return e.method().signatureKey();
      }
    }
    return null;
  }

  static String file(List<Generated> generated, String processor) {
    Request first = generated.get(0).request();
    OperatorsClass type = new OperatorsClass(first.packageName(), first.operatorsClass(), first.sourceClass(),
        first.publicClass(), processor);
    for (Generated g : generated) {
      for (Emitted e : g.methods()) {
        type.add(e.method(), e.program().preconditions(), e.optimized().body(), e.optimized().outputs());
      }
    }
    return type.build().toString();
  }
}

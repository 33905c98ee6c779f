package dev.collapsar.processor;

import dev.collapsar.processor.emit.DrawingDelegate;
import dev.collapsar.processor.emit.LaneWrapper;
import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.emit.OperatorsClass;
import dev.collapsar.processor.emit.SizeEstimate;
import dev.collapsar.processor.frontend.Request;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.LaneStyle;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.processor.opt.Optimizer;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.taylor.PlanSeeds;
import dev.collapsar.processor.taylor.RandomDirections;
import dev.collapsar.processor.taylor.SeedPlan;
import dev.collapsar.processor.taylor.TaylorTransform;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.frontend.PdeRequest;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.operator.EstimatorPlan;
import dev.collapsar.processor.operator.OperatorError;
import dev.collapsar.processor.operator.OperatorParameter;
import dev.collapsar.processor.operator.OperatorPlan;
import dev.collapsar.processor.operator.OperatorResult;
import dev.collapsar.processor.operator.OperatorSignature;
import dev.collapsar.processor.operator.Operators;
import dev.collapsar.processor.operator.ParameterKind;
import dev.collapsar.processor.operator.PlanOptions;
import java.util.List;

/** The stages after the frontend, in order, for one method and then for one generated file. */
final class Pipeline {
  private Pipeline() {}

  /** One method's generated operators, ready to be printed into its class's file. */
  record Generated(Request request, List<Emitted> methods, List<DrawingDelegate> delegates,
      List<LaneWrapper> wrappers) {
    Generated(Request request, List<Emitted> methods) {
      this(request, methods, List.of(), List.of());
    }
  }

  /** One public method with its optimized body. */
  record Emitted(OperatorMethod method, Optimizer.Result optimized, JetProgram program) {}

  static Generated laplacian(Request request, LaneStyle style) {
    boolean runTimeDimension = request.runTimeArray() != null;
    boolean runTimeSamples = request.estimator() != null && request.estimator().runTime();
    if (!runTimeDimension && !runTimeSamples) {
      return compileTimeLaplacian(request, style);
    }
    NodeFactory nodes = new NodeFactory();
    TaylorTransform taylor = new TaylorTransform(new FoldingAlgebra(nodes), style);
    LaneOperators lanes = new LaneOperators(request, taylor, optimizer(nodes, style),
        "{@link " + request.sourceClass() + "#" + request.method() + "}");
    List<Emitted> emitted = new java.util.ArrayList<>();
    List<LaneWrapper> wrappers = new java.util.ArrayList<>();
    if (runTimeDimension) {
      lanes.laplacian(emitted, wrappers);
    } else {
      emitted.addAll(compileTimeLaplacian(request.withoutEstimator(), style).methods());
    }
    if (request.estimator() != null) {
      lanes.estimators(emitted, wrappers);
    }
    return new Generated(request, emitted, List.of(), wrappers);
  }

  private static Generated compileTimeLaplacian(Request request, LaneStyle style) {
    NodeFactory nodes = new NodeFactory();
    JetProgram program = new TaylorTransform(new FoldingAlgebra(nodes), style)
        .laplacian(request.program(), request.coordinates(), request.collapsed());
    Optimizer optimizer = optimizer(nodes, style);
    String m = request.method();
    String link = "{@link " + request.sourceClass() + "#" + m + "}";
    List<OperatorMethod> methods = List.of(
        OperatorMethod.operator(m + "Laplacian", program, "The Laplacian of " + link + " at the given point.\n"),
        OperatorMethod.operatorWithGradient(m + "Laplacian", program,
            "The Laplacian of " + link + "; writes its gradient into {@code gradientOut} (no allocation).\n"),
        OperatorMethod.evaluate(m + "Evaluate", program,
            "The value, gradient and Laplacian of " + link + ", from one pass.\n"));
    List<Emitted> emitted = new java.util.ArrayList<>(methods.stream()
        .map(method -> new Emitted(method, optimizer.optimize(program.body(), method.outputs(), method.parameterNames()), program))
        .toList());
    if (request.estimator() != null) {
      emitted.addAll(estimators(request, new TaylorTransform(new FoldingAlgebra(nodes), style), optimizer, link));
    }
    return new Generated(request, emitted);
  }

  /** {@code mLaplacianEstimate(params, double[][] v)} and {@code mLaplacianEstimate(params, RandomGenerator rng)}. */
  private static List<Emitted> estimators(Request request, TaylorTransform taylor, Optimizer optimizer, String link) {
    Estimator e = request.estimator();
    FoldingAlgebra algebra = new FoldingAlgebra(taylor.algebra().nodes());
    java.util.Set<String> taken = new java.util.HashSet<>();
    request.program().entry().parameters().forEach(p -> taken.add(p.name()));
    String v = fresh("v", taken);
    String rng = fresh("rng", taken);
    String name = request.method() + "LaplacianEstimate";
    String about = "An unbiased estimate of the Laplacian of " + link + ": (1/" + e.samples() + ") Σₛ ∂²u[vₛ] over "
        + e.samples() + " directions with E[v vᵀ] = I";
    taylor.reserve(v, rng);
    JetProgram given = taylor.laplacianEstimate(request.program(), request.coordinates(), request.collapsed(),
        RandomDirections.rows(algebra, e, request.coordinates(), v, fresh("row", taken)));
    JetProgram drawn = taylor.laplacianEstimate(request.program(), request.coordinates(), request.collapsed(),
        RandomDirections.drawn(algebra, e, request.coordinates(), rng));
    OperatorMethod fromRows = OperatorMethod.operator(name, given, TypeName.get(double[][].class), v,
        about + ", the rows of {@code " + v + "} (" + e.samples() + " rows of length " + request.coordinates().size()
            + ").\n");
    OperatorMethod fromGenerator = OperatorMethod.operator(name, drawn, ClassName.get("java.util.random", "RandomGenerator"),
        rng, about + ", drawn from {@code " + rng + "} (" + (e.gaussian() ? "Gaussian" : "Rademacher") + ").\n");
    return List.of(
        new Emitted(fromRows, optimizer.optimize(given.body(), fromRows.outputs(), fromRows.parameterNames()), given),
        new Emitted(fromGenerator, optimizer.optimize(drawn.body(), fromGenerator.outputs(), fromGenerator.parameterNames()), drawn));
  }

  /**
   * The optimizer: direction loops as {@code style} says ({@code -Acollapsar.lanes}), and whatever it
   * says in bodies with a loop or branch too large for any part method (unrolled there, the method
   * would exceed HotSpot's 8000-byte limit and never be compiled).
   */
  static Optimizer optimizer(NodeFactory nodes, LaneStyle style) {
    return new Optimizer(nodes, style, SizeEstimate::hasUnsplittable);
  }

  /** {@code base}, or {@code base2}, {@code base3}… whichever {@code taken} does not contain. */
  static String fresh(String base, java.util.Set<String> taken) {
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + i;
    }
    return name;
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

  /** A {@code @LinearPDE} method: operator text → plan → jets → one operator method. */
  static Generated linearPde(PdeRequest request, PlanOptions options, LaneStyle style) {
    Source.Function entry = request.program().entry();
    OperatorSignature signature = new OperatorSignature(parameters(entry), request.wrt(), request.dim());
    OperatorResult<OperatorPlan> planned = Operators.plan(request.operator(), signature, options);
    if (!planned.isOk()) {
      OperatorError error = planned.errors().get(0);
      Object site = error.where() == OperatorError.Where.VALUE ? request.operatorSite() : request.annotationSite();
      throw new CollapsarException(error.problem(), site);
    }
    OperatorPlan plan = planned.value();
    NodeFactory nodes = new NodeFactory();
    FoldingAlgebra algebra = new FoldingAlgebra(nodes);
    EstimatorPlan columns = DiffusionColumns.plan(request, signature);
    if (columns != null) {
      return columnsOperator(request, plan, columns, algebra, optimizer(nodes, style));
    }
    SeedPlan seeds = new PlanSeeds(algebra, entry).seeds(plan, request.collapsed());
    JetProgram program = new TaylorTransform(algebra, style).transform(request.program(), PlanSeeds.coordinates(plan), seeds);
    String link = "{@link " + request.sourceClass() + "#" + request.method() + "}";
    OperatorMethod method = OperatorMethod.operator(request.generatedName(), program,
        "The operator {@code " + request.operator().replace("*/", "* /") + "} applied to " + link + " at the given point.\n");
    Optimizer optimizer = optimizer(nodes, style);
    Optimizer.Result optimized = optimizer.optimize(program.body(), method.outputs(), method.parameterNames());
    List<Emitted> emitted = new java.util.ArrayList<>(List.of(new Emitted(method, optimized, program)));
    List<DrawingDelegate> delegates = new java.util.ArrayList<>();
    List<LaneWrapper> wrappers = new java.util.ArrayList<>();
    if (request.estimator() != null) {
      OperatorEstimators.add(request, signature, algebra, optimizer, emitted, delegates, wrappers);
    }
    return new Generated(request.withCoordinates(PlanSeeds.coordinates(plan)), emitted, delegates, wrappers);
  }

  /** A {@code diffusion(S)} operator along the columns of S, and its estimators. */
  private static Generated columnsOperator(PdeRequest request, OperatorPlan plan, EstimatorPlan columns,
      FoldingAlgebra algebra, Optimizer optimizer) {
    List<Emitted> emitted = new java.util.ArrayList<>();
    List<DrawingDelegate> delegates = new java.util.ArrayList<>();
    List<LaneWrapper> wrappers = new java.util.ArrayList<>();
    DiffusionColumns.add(request, columns, algebra, optimizer, emitted, wrappers);
    if (request.estimator() != null) {
      OperatorEstimators.add(request, new OperatorSignature(parameters(request.program().entry()), request.wrt(),
          request.dim()), algebra, optimizer, emitted, delegates, wrappers);
    }
    return new Generated(request.withCoordinates(PlanSeeds.coordinates(plan)), emitted, delegates, wrappers);
  }

  private static List<OperatorParameter> parameters(Source.Function entry) {
    return entry.parameters().stream().map(p -> new OperatorParameter(p.name(), kind(p.type()))).toList();
  }

  private static ParameterKind kind(Type type) {
    switch (type) {
      case DOUBLE: return ParameterKind.DOUBLE;
      case INT: return ParameterKind.INT;
      case DOUBLE_ARRAY: return ParameterKind.DOUBLE_ARRAY;
      case DOUBLE_MATRIX: return ParameterKind.DOUBLE_MATRIX;
      default: return ParameterKind.OTHER;
    }
  }

  static String file(List<Generated> generated, String processor) {
    Request first = generated.get(0).request();
    OperatorsClass type = new OperatorsClass(first.packageName(), first.operatorsClass(), first.sourceClass(),
        first.publicClass(), processor);
    for (Generated g : generated) {
      for (Emitted e : g.methods()) {
        type.add(e.method(), e.program().preconditions(), e.optimized().body(), e.optimized().outputs());
      }
      g.delegates().forEach(type::add);
      g.wrappers().forEach(type::add);
    }
    return type.build().toString();
  }
}

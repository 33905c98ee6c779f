package dev.collapsar.processor.assemble;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.collapsar.processor.emit.DrawingDelegate;
import dev.collapsar.processor.emit.LaneWrapper;
import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.emit.SizeEstimate;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.LaneStyle;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.processor.opt.Optimizer;
import dev.collapsar.processor.taylor.PlanSeeds;
import dev.collapsar.processor.taylor.RandomDirections;
import dev.collapsar.processor.taylor.SeedPlan;
import dev.collapsar.processor.taylor.TaylorTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * The last steps of the pipeline for one method: for each public method (and kernel) its plan
 * calls for, transform (jets, {@code taylor}) → optimize ({@code opt}) → the method to emit.
 */
public final class Assembler {
  private Assembler() {}

  /** Every generated method of {@code plan}, with direction code written as {@code style} says. */
  public static Generated assemble(MethodPlan plan, LaneStyle style) {
    return plan instanceof MethodPlan.Operator operator ? operator(operator, style)
        : laplacian((MethodPlan.Laplacian) plan, style);
  }

  private static Generated laplacian(MethodPlan.Laplacian plan, LaneStyle style) {
    Request request = plan.request();
    boolean runTimeDimension = plan.runTimeArray() != null;
    boolean runTimeSamples = request.estimator() != null && request.estimator().runTime();
    if (!runTimeDimension && !runTimeSamples) {
      return new Generated(request, compileTimeLaplacian(request, plan.coordinates(), style, true));
    }
    NodeFactory nodes = new NodeFactory();
    TaylorTransform taylor = new TaylorTransform(new FoldingAlgebra(nodes), style);
    LaneOperators lanes = new LaneOperators(plan, taylor, optimizer(nodes, style), link(request.sourceClass(), request.method()));
    List<Emitted> emitted = new ArrayList<>();
    List<LaneWrapper> wrappers = new ArrayList<>();
    if (runTimeDimension) {
      lanes.laplacian(emitted, wrappers);
    } else {
      emitted.addAll(compileTimeLaplacian(request, plan.coordinates(), style, false));
    }
    if (request.estimator() != null) {
      lanes.estimators(emitted, wrappers);
    }
    return new Generated(request, emitted, List.of(), wrappers);
  }

  /** The Laplacian's three public methods at a compile-time dimension, and its estimators if asked. */
  private static List<Emitted> compileTimeLaplacian(Request request, List<Coordinate> coordinates, LaneStyle style,
      boolean withEstimators) {
    NodeFactory nodes = new NodeFactory();
    JetProgram program = new TaylorTransform(new FoldingAlgebra(nodes), style)
        .laplacian(request.program(), coordinates, request.collapsed());
    Optimizer optimizer = optimizer(nodes, style);
    String m = request.method();
    String link = link(request.sourceClass(), request.method());
    List<OperatorMethod> methods = List.of(
        OperatorMethod.operator(m + "Laplacian", program, "The Laplacian of " + link + " at the given point.\n"),
        OperatorMethod.operatorWithGradient(m + "Laplacian", program,
            "The Laplacian of " + link + "; writes its gradient into {@code gradientOut} (no allocation).\n"),
        OperatorMethod.evaluate(m + "Evaluate", program,
            "The value, gradient and Laplacian of " + link + ", from one pass.\n"));
    List<Emitted> emitted = new ArrayList<>(methods.stream().map(method -> Emitted.of(method, program, optimizer)).toList());
    if (withEstimators && request.estimator() != null) {
      emitted.addAll(estimators(request, coordinates, new TaylorTransform(new FoldingAlgebra(nodes), style), optimizer,
          link));
    }
    return emitted;
  }

  /** {@code mLaplacianEstimate(params, double[][] v)} and {@code mLaplacianEstimate(params, RandomGenerator rng)}. */
  private static List<Emitted> estimators(Request request, List<Coordinate> coordinates, TaylorTransform taylor,
      Optimizer optimizer, String link) {
    Estimator e = request.estimator();
    FoldingAlgebra algebra = new FoldingAlgebra(taylor.algebra().nodes());
    FreshNames names = new FreshNames(request.program().entry());
    String v = names.fresh("v");
    String rng = names.fresh("rng");
    String name = request.method() + "LaplacianEstimate";
    String about = "An unbiased estimate of the Laplacian of " + link + ": (1/" + e.samples() + ") Σₛ ∂²u[vₛ] over "
        + e.samples() + " directions with E[v vᵀ] = I";
    taylor.reserve(v, rng);
    JetProgram given = taylor.laplacianEstimate(request.program(), coordinates, request.collapsed(),
        RandomDirections.rows(algebra, e, coordinates, v, names.fresh("row")));
    JetProgram drawn = taylor.laplacianEstimate(request.program(), coordinates, request.collapsed(),
        RandomDirections.drawn(algebra, e, coordinates, rng));
    OperatorMethod fromRows = OperatorMethod.operator(name, given, TypeName.get(double[][].class), v,
        about + ", the rows of {@code " + v + "} (" + e.samples() + " rows of length " + coordinates.size()
            + ").\n");
    OperatorMethod fromGenerator = OperatorMethod.operator(name, drawn, ClassName.get("java.util.random", "RandomGenerator"),
        rng, about + ", drawn from {@code " + rng + "} (" + (e.gaussian() ? "Gaussian" : "Rademacher") + ").\n");
    return List.of(Emitted.of(fromRows, given, optimizer), Emitted.of(fromGenerator, drawn, optimizer));
  }

  /** A {@code @LinearPDE} method: its plan → jets → one operator method, and its estimators. */
  private static Generated operator(MethodPlan.Operator plan, LaneStyle style) {
    Request request = plan.request();
    NodeFactory nodes = new NodeFactory();
    FoldingAlgebra algebra = new FoldingAlgebra(nodes);
    Optimizer optimizer = optimizer(nodes, style);
    List<Emitted> emitted = new ArrayList<>();
    List<DrawingDelegate> delegates = new ArrayList<>();
    List<LaneWrapper> wrappers = new ArrayList<>();
    if (plan.columns() != null) {
      DiffusionColumns.add(request, plan.columns(), algebra, optimizer, emitted, wrappers);
    } else {
      SeedPlan seeds = new PlanSeeds(algebra, request.program().entry()).seeds(plan.exact(), request.collapsed());
      JetProgram program = new TaylorTransform(algebra, style).transform(request.program(),
          plan.coordinates(), seeds);
      emitted.add(Emitted.of(OperatorMethod.operator(request.generatedName(), program, "The operator {@code "
          + quoted(request) + "} applied to " + link(request.sourceClass(), request.method()) + " at the given point.\n"), program, optimizer));
    }
    if (plan.estimator() != null) {
      OperatorEstimators.add(request, plan.estimator(), algebra, optimizer, emitted, delegates, wrappers);
    }
    return new Generated(plan.request(), emitted, delegates, wrappers);
  }

  /**
   * The optimizer: direction loops as {@code style} says ({@code -Acollapsar.lanes}), and whatever it
   * says in bodies with a loop or branch too large for any part method (unrolled there, the method
   * would exceed HotSpot's 8000-byte limit and never be compiled).
   */
  private static Optimizer optimizer(NodeFactory nodes, LaneStyle style) {
    return new Optimizer(nodes, style, SizeEstimate::hasUnsplittable);
  }

  /** How generated Javadoc links the user's method. */
  static String link(String sourceClass, String method) {
    return "{@link " + sourceClass + "#" + method + "}";
  }

  /** The operator text, safe inside a Javadoc comment. */
  static String quoted(Request request) {
    return request.operator().replace("*/", "* /");
  }
}

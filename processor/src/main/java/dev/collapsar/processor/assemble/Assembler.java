package dev.collapsar.processor.assemble;

import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.collapsar.processor.emit.BatchCall;
import dev.collapsar.processor.emit.DrawingDelegate;
import dev.collapsar.processor.emit.KernelCall;
import dev.collapsar.processor.emit.LaneWrapper;
import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.emit.Variant;
import dev.collapsar.processor.emit.SizeEstimate;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.LaneStyle;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.processor.opt.Optimizer;
import dev.collapsar.processor.taylor.PlanSeeds;
import dev.collapsar.processor.taylor.RandomDirections;
import dev.collapsar.processor.taylor.SeedPlan;
import dev.collapsar.processor.taylor.TaylorTransform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The last steps of the pipeline for one method: for each public method (and kernel) its plan
 * calls for, transform (jets, {@code taylor}) → optimize ({@code opt}) → the method to emit.
 */
public final class Assembler {
  private Assembler() {}

  /** Every generated method of {@code plan}, with loops shaped as {@code options} say. */
  public static Generated assemble(MethodPlan plan, Options options) {
    Map<String, BatchCall.Block> blocks = new HashMap<>();
    Generated point = plan instanceof MethodPlan.Operator operator ? operator(operator, options, blocks)
        : laplacian((MethodPlan.Laplacian) plan, options, blocks);
    return withBatches(point, coordinateParameters(plan), blocks);
  }

  /**
   * Each public point operator returning a double gets {@code <name>Batch}, over many points: through
   * its batch kernel when {@code blocks} has one for it ({@link BatchKernels}), else point by point.
   */
  private static Generated withBatches(Generated point, Set<String> coordinates, Map<String, BatchCall.Block> blocks) {
    if (coordinates.isEmpty()) {
      return point; // nothing varies from point to point
    }
    List<Variant> variants = new ArrayList<>(point.variants());
    java.util.stream.Stream.concat(point.methods().stream().map(e -> e.method().batch(coordinates)),
            point.variants().stream().map(v -> v.batch(coordinates)))
        .filter(Objects::nonNull)
        .map(batch -> {
          BatchCall.Block block = blocks.get(BatchKernels.key(batch.point(),
              batch.parameters().stream().map(p -> p.name()).toList()));
          return block == null ? batch : batch.blocked(block);
        })
        .forEach(variants::add);
    return new Generated(point.request(), point.methods(), variants);
  }

  /** The parameters that hold the coordinates. */
  private static Set<String> coordinateParameters(MethodPlan plan) {
    Set<String> names = new LinkedHashSet<>();
    plan.coordinates().forEach(c -> names.add(c.parameter()));
    if (plan instanceof MethodPlan.Laplacian l && l.runTimeArray() != null) {
      names.add(l.runTimeArray());
    }
    return names;
  }

  private static Generated laplacian(MethodPlan.Laplacian plan, Options options, Map<String, BatchCall.Block> blocks) {
    LaneStyle style = options.lanes();
    Request request = plan.request();
    boolean runTimeDimension = plan.runTimeArray() != null;
    boolean runTimeSamples = request.estimator() != null && request.estimator().runTime();
    List<Emitted> emitted = new ArrayList<>();
    List<Variant> variants = new ArrayList<>();
    if (!runTimeDimension && !runTimeSamples) {
      compileTimeLaplacian(request, plan.coordinates(), options, true, emitted, variants, blocks);
      return new Generated(request, emitted, variants);
    }
    NodeFactory nodes = new NodeFactory();
    Optimizer optimizer = optimizer(nodes, options);
    TaylorTransform taylor = new TaylorTransform(new FoldingAlgebra(nodes), style, optimizer::fitsUnrolled);
    LaneOperators lanes = new LaneOperators(plan, taylor, optimizer, Javadoc.of(request));
    if (runTimeDimension) {
      lanes.laplacian(emitted, variants);
    } else {
      compileTimeLaplacian(request, plan.coordinates(), options, false, emitted, variants, blocks);
    }
    if (request.estimator() != null) {
      lanes.estimators(emitted, variants);
    }
    return new Generated(request, emitted, variants);
  }

  /**
   * At a compile-time dimension: one kernel, {@code mLaplacianKernel}, behind the three public variants
   * (Laplacian, with gradient, evaluate), and the estimators if asked.
   */
  private static void compileTimeLaplacian(Request request, List<Coordinate> coordinates, Options options,
      boolean withEstimators, List<Emitted> emitted, List<Variant> variants, Map<String, BatchCall.Block> blocks) {
    LaneStyle style = options.lanes();
    NodeFactory nodes = new NodeFactory();
    Optimizer optimizer = optimizer(nodes, options);
    JetProgram program = new TaylorTransform(new FoldingAlgebra(nodes), style, optimizer::fitsUnrolled)
        .laplacian(request.program(), coordinates, request.collapsed());
    String m = request.method();
    Javadoc doc = Javadoc.of(request);
    String kernel = m + "LaplacianKernel";
    emitted.add(Emitted.of(OperatorMethod.laplacianKernel(kernel, program, doc.laplacianKernel()), program, optimizer));
    List<Source.Parameter> parameters = request.program().entry().parameters();
    int d = coordinates.size();
    variants.add(KernelCall.laplacian(m + "Laplacian", kernel, parameters, d, doc.atPoint("")));
    variants.add(KernelCall.withGradient(m + "Laplacian", kernel, parameters, d, doc.withGradient("")));
    variants.add(KernelCall.evaluate(m + "Evaluate", kernel, parameters, d, doc.evaluate(", from one pass")));
    BatchKernels.add(m + "Laplacian", program, List.of(), request, coordinates, options,
        (batch, algebra) -> batch.laplacian(request.program(), coordinates, request.collapsed()), emitted, blocks);
    if (withEstimators && request.estimator() != null) {
      NodeFactory own = new NodeFactory(); // see estimatorNodes
      Optimizer ownOptimizer = optimizer(own, options);
      estimators(request, coordinates, new TaylorTransform(new FoldingAlgebra(own), style, ownOptimizer::fitsUnrolled),
          ownOptimizer, options, doc, emitted, variants, blocks);
    }
  }

  /**
   * {@code mLaplacianEstimate(params, double[][] v)}, and {@code mLaplacianEstimate(params, RandomGenerator rng)},
   * which draws the rows and calls it.
   */
  private static void estimators(Request request, List<Coordinate> coordinates, TaylorTransform taylor,
      Optimizer optimizer, Options options, Javadoc doc, List<Emitted> emitted, List<Variant> variants,
      Map<String, BatchCall.Block> blocks) {
    Estimator e = request.estimator();
    FoldingAlgebra algebra = new FoldingAlgebra(taylor.algebra().nodes());
    FreshNames names = new FreshNames(request.program().entry());
    String v = names.fresh("v");
    String rng = names.fresh("rng");
    String name = request.method() + "LaplacianEstimate";
    String about = doc.estimate(": (1/" + e.samples() + ") Σₛ ∂²u[vₛ] over " + e.samples()
        + " directions with E[v vᵀ] = I");
    taylor.reserve(v);
    JetProgram given = taylor.laplacianEstimate(request.program(), coordinates, request.collapsed(),
        RandomDirections.rows(algebra, e, coordinates, v, names.fresh("row")));
    OperatorMethod fromRows = OperatorMethod.operator(name, given, TypeName.get(double[][].class), v,
        doc.fromRows(about, v, " (" + e.samples() + " rows of length " + coordinates.size() + ")"));
    emitted.add(Emitted.of(fromRows, given, optimizer));
    BatchKernels.add(name, given, List.of(ParameterSpec.builder(double[][].class, v).build()), request, coordinates,
        options, (batch, own) -> batch.reserve(v).laplacianEstimate(request.program(), coordinates, request.collapsed(),
            RandomDirections.rows(own, e, coordinates, v, names.fresh("row"))), emitted, blocks);
    variants.add(new DrawingDelegate(name, request.program().entry().parameters(), rng, e.samples(),
        Integer.toString(coordinates.size()), e.gaussian(), doc.drawn(about, rng, e.gaussian(),
            ", row by row and entry by entry: the same value as the rows variant given those draws")));
  }

  /** A {@code @LinearPDE} method: its plan → jets → one operator method, and its estimators. */
  private static Generated operator(MethodPlan.Operator plan, Options options, Map<String, BatchCall.Block> blocks) {
    LaneStyle style = options.lanes();
    Request request = plan.request();
    NodeFactory nodes = new NodeFactory();
    FoldingAlgebra algebra = new FoldingAlgebra(nodes);
    Optimizer optimizer = optimizer(nodes, options);
    List<Emitted> emitted = new ArrayList<>();
    List<Variant> variants = new ArrayList<>();
    if (plan.columns() != null) {
      DiffusionColumns.add(request, plan.columns(), algebra, optimizer, emitted, variants);
    } else {
      SeedPlan seeds = new PlanSeeds(algebra, request.program().entry()).seeds(plan.exact(), request.collapsed());
      JetProgram program = new TaylorTransform(algebra, style, optimizer::fitsUnrolled).transform(request.program(),
          plan.coordinates(), seeds);
      emitted.add(Emitted.of(OperatorMethod.operator(request.generatedName(), program, Javadoc.of(request).atPoint("")),
          program, optimizer));
      BatchKernels.add(request.generatedName(), program, List.of(), request, plan.coordinates(), options,
          (batch, own) -> batch.transform(request.program(), plan.coordinates(),
              new PlanSeeds(own, request.program().entry()).seeds(plan.exact(), request.collapsed())), emitted, blocks);
    }
    if (plan.estimator() != null) {
      NodeFactory own = new NodeFactory(); // see estimatorNodes
      OperatorEstimators.add(request, plan.estimator(), new FoldingAlgebra(own), optimizer(own, options), options,
          emitted, variants, blocks);
    }
    return new Generated(plan.request(), emitted, variants);
  }

  /*
   * estimatorNodes: an estimator's kernel gets a node factory of its own. Operands of + and · are
   * ordered by when their nodes were made, so with a shared factory the estimator's text would depend
   * on the exact kernel written before it. (When direction loops were found again in per-direction
   * statements, that split the biharmonic estimator's loops at lane 25 and cost 3×; on the lane axis
   * nothing depends on it but the text.)
   */

  /**
   * The optimizer: direction loops as the options say ({@code -Acollapsar.lanes}), and whatever they
   * say in bodies with a loop or branch too large for any part method (unrolled there, the method
   * would exceed HotSpot's 8000-byte limit and never be compiled); layer sweeps with
   * {@code Math.fma} if asked ({@code -Acollapsar.fma}).
   */
  static Optimizer optimizer(NodeFactory nodes, Options options) {
    return new Optimizer(nodes, options.lanes(), SizeEstimate::hasUnsplittable, options.sweeps());
  }
}

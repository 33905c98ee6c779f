package dev.collapsar.processor.assemble;

import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.collapsar.processor.emit.BatchCall;
import dev.collapsar.processor.emit.LaneWrapper;
import dev.collapsar.processor.emit.DrawingDelegate;
import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.emit.Variant;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.processor.opt.Optimizer;
import dev.collapsar.processor.operator.EstimatorPlan;
import dev.collapsar.processor.taylor.EstimatorSeeds;
import dev.collapsar.processor.taylor.PlanSeeds;
import dev.collapsar.processor.taylor.SeedPlan;
import dev.collapsar.processor.taylor.TaylorTransform;
import java.util.List;

/**
 * The randomized estimators of a {@code @LinearPDE} operator: {@code <name>Estimate(params, double[][] v)}
 * over the S rows of v, and {@code <name>Estimate(params, RandomGenerator rng)}, which draws them.
 */
final class OperatorEstimators {
  private OperatorEstimators() {}

  static void add(Request request, EstimatorPlan plan, FoldingAlgebra algebra, Optimizer optimizer, Options options,
      List<Emitted> emitted, List<Variant> variants, java.util.Map<String, BatchCall.Block> blocks) {
    Estimator estimator = request.estimator();
    Source.Function entry = request.program().entry();
    FreshNames names = new FreshNames(entry);
    String rows = names.fresh("v");
    String generator = names.fresh("rng");
    if (estimator.runTime()) {
      runTime(request, plan, algebra, optimizer, names, emitted, variants);
      return;
    }
    SeedPlan seeds = new EstimatorSeeds(algebra, entry).seeds(plan, estimator, request.collapsed(), rows);
    JetProgram program = new TaylorTransform(algebra, optimizer.style(), optimizer::fitsUnrolled).reserve(rows).estimate(request.program(),
        PlanSeeds.coordinates(plan.exact()), seeds, new EstimatorSeeds(algebra, entry).checks(estimator, plan, rows));
    String name = request.generatedName() + "Estimate";
    Javadoc doc = Javadoc.of(request);
    String what = doc.estimate(", from " + estimator.samples() + " random vectors");
    OperatorMethod fromRows = OperatorMethod.operator(name, program, TypeName.get(double[][].class), rows,
        doc.fromRows(what, rows, ", each of length " + describe(plan)));
    emitted.add(Emitted.of(fromRows, program, optimizer));
    BatchKernels.add(name, program, List.of(ParameterSpec.builder(double[][].class, rows).build()), request,
        PlanSeeds.coordinates(plan.exact()), options, (batch, own) -> batch.reserve(rows).estimate(request.program(),
            PlanSeeds.coordinates(plan.exact()), new EstimatorSeeds(own, entry).seeds(plan, estimator,
                request.collapsed(), rows), new EstimatorSeeds(own, entry).checks(estimator, plan, rows)), emitted, blocks);
    variants.add(new DrawingDelegate(name, entry.parameters(), generator, estimator.samples(), length(plan),
        estimator.gaussian(), doc.drawn(what, generator, estimator.gaussian(), "")));
  }

  /**
   * S chosen at run time: a private kernel for one pass of {@link Estimator#RUN_TIME_LANES} vectors
   * (weights c/S, exact terms scaled by 1 in the first pass and 0 after), a wide one of
   * {@link LaneOperators#WIDE_LANES} where its jets roll, and the two public variants.
   */
  private static void runTime(Request request, EstimatorPlan plan, FoldingAlgebra algebra, Optimizer optimizer,
      FreshNames names, List<Emitted> emitted, List<Variant> variants) {
    Estimator estimator = request.estimator();
    int lanes = estimator.lanes();
    String name = request.generatedName() + "Estimate";
    // the wide kernel first, for the reason LaneOperators gives
    String wideKernel = kernel(request, plan, name + "Wide", LaneOperators.WIDE_LANES, algebra, optimizer, names,
        emitted, true);
    LaneWrapper.Wide wide = wideKernel == null ? null : new LaneWrapper.Wide(wideKernel, LaneOperators.WIDE_LANES);
    String kernel = kernel(request, plan, name, lanes, algebra, optimizer, names, emitted, false);
    Source.Function entry = request.program().entry();
    Javadoc doc = Javadoc.of(request);
    String what = doc.estimate(", from S random vectors (in passes of " + LaneOperators.passes(lanes, wide)
        + ", each repeating the primal)");
    LaneWrapper.Kernel k = new LaneWrapper.Kernel(kernel, lanes, wide, entry.parameters(), length(plan), true);
    String rows = names.fresh("v");
    variants.add(LaneWrapper.fromRows(name, k, rows, Estimator.RUN_TIME, estimator.gaussian(),
        doc.fromRows(what, rows, ", each of length " + describe(plan))));
    String generator = names.fresh("rng");
    variants.add(LaneWrapper.drawn(name, k, generator, Estimator.RUN_TIME, names.fresh("samples"),
        estimator.gaussian(), doc.drawn(what, generator, estimator.gaussian(), "")));
  }

  /**
   * The private kernel {@code <name>Lanes(params, double[][] rows, int samples, double exact)}: the
   * plan's randomized parts along {@code lanes} vectors A·rows_l with weights c/samples, plus its
   * exact terms times {@code exact}. Returns the kernel's name; with {@code onlyIfLoops}, null (and
   * nothing emitted) unless its jets became loops over the lanes.
   */
  static String kernel(Request request, EstimatorPlan plan, String name, int lanes, FoldingAlgebra algebra,
      Optimizer optimizer, FreshNames names, List<Emitted> emitted, boolean onlyIfLoops) {
    String kernel = name + "Lanes";
    String rows = names.fresh("rows");
    String samples = names.fresh("samples");
    String exact = names.fresh("exact");
    Source.Function entry = request.program().entry();
    SeedPlan seeds = new EstimatorSeeds(algebra, entry).seeds(plan, lanes, samples, exact, request.collapsed(), rows);
    JetProgram program = new TaylorTransform(algebra, optimizer.style(), optimizer::fitsUnrolled).reserve(rows, samples, exact).estimate(request.program(),
        PlanSeeds.coordinates(plan.exact()), seeds, List.of());
    List<ParameterSpec> extra = List.of(ParameterSpec.builder(double[][].class, rows).build(),
        ParameterSpec.builder(int.class, samples).build(), ParameterSpec.builder(double.class, exact).build());
    OperatorMethod method = OperatorMethod.lanes(kernel, program, extra, null, lanes, Javadoc.of(request).pass(lanes,
        ": the share of these vectors in {@code " + name + "} (weights c/{@code " + samples + "}), plus the exact "
            + "terms times {@code " + exact + "}"));
    Optimizer.Result body = optimizer.optimize(program, method.outputs(), method.parameterNames());
    if (onlyIfLoops && !Optimizer.hasLaneLoops(body.body())) {
      return null;
    }
    emitted.add(new Emitted(method, body, program));
    return kernel;
  }

  /** The random vectors' length as a Java expression: a constant, or the diffusion matrix's columns. */
  static String length(EstimatorPlan plan) {
    if (plan.rowLength() >= 0) {
      return Integer.toString(plan.rowLength());
    }
    return plan.families().get(0).matrix() + "[0].length";
  }

  private static String describe(EstimatorPlan plan) {
    return plan.rowLength() >= 0 ? Integer.toString(plan.rowLength())
        : "R, the number of columns of {@code " + plan.families().get(0).matrix() + "}";
  }
}

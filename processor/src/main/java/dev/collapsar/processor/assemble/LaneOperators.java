package dev.collapsar.processor.assemble;

import dev.collapsar.processor.emit.LaneWrapper;
import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.emit.Variant;
import dev.collapsar.processor.ir.Coordinate;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.opt.Optimizer;
import dev.collapsar.processor.taylor.TaylorTransform;
import java.util.List;

/**
 * The operators whose number of directions is known only at run time: the Laplacian of a
 * {@code double[]} without {@code dim} (blocks of {@link #BASIS_LANES} basis directions), and an
 * estimator with {@code samples = RUN_TIME} (blocks of {@link Estimator#RUN_TIME_LANES} random
 * directions); both with blocks of {@link #WIDE_LANES} first where those jets roll. Each is a private lanes kernel, one pass along a block of directions passed as rows,
 * and public variants that loop over the blocks.
 */
final class LaneOperators {
  /**
   * Basis directions per pass for a run-time dimension: each pass repeats the primal, so wider is
   * cheaper per direction, at the price of padded lanes in the last block and a longer kernel. Up to
   * 16 directions a pass is straight-line code over 16 lanes.
   */
  static final int BASIS_LANES = 16;
  /**
   * Directions per pass of the wide kernel, used while more than {@link #BASIS_LANES} directions
   * remain, when its jets are loops over the lanes (by {@code LaneStyle}; with the default, bodies with
   * local arrays), which C2 vectorizes. Measured on the reference network at D = 50 (same JVM, best
   * of 40): 16-lane passes only 29–37 ms, with the wide kernel 15–22 ms; on a two-layer network of
   * width 64, 32-lane passes only took 0.64–0.75 of the time for D = 24 … 64 but 1.1–1.3× for D ≤ 16,
   * hence both kernels.
   */
  static final int WIDE_LANES = 32;

  private final Request request;
  private final List<Coordinate> coordinates;
  private final String runTimeArray;
  private final TaylorTransform taylor;
  private final Optimizer optimizer;
  private final Javadoc doc;
  private final List<Source.Parameter> parameters;
  private final FreshNames names;

  LaneOperators(MethodPlan.Laplacian plan, TaylorTransform taylor, Optimizer optimizer, Javadoc doc) {
    this.request = plan.request();
    this.coordinates = plan.coordinates();
    this.runTimeArray = plan.runTimeArray();
    this.taylor = taylor;
    this.optimizer = optimizer;
    this.doc = doc;
    this.parameters = request.program().entry().parameters();
    this.names = new FreshNames(request.program().entry());
  }

  /** {@code mLaplacian(params)}, {@code mLaplacian(params, gradientOut)}, {@code mEvaluate(params)}. */
  void laplacian(List<Emitted> emitted, List<Variant> variants) {
    String m = request.method();
    String kernel = m + "LaplacianLanes";
    String rows = names.fresh("rows");
    String out = names.fresh("out");
    // the wide kernel first: built second, its lanes past 16 would meet nodes the narrow one interned
    // earlier and come out in another operand order, which splits its direction loops
    LaneWrapper.Wide wide = null;
    JetProgram wideProgram = taylor.reserve(rows, out).lanes(request.program(), coordinates,
        runTimeArray, request.collapsed(), WIDE_LANES, rows, taylor.algebra().one());
    wide = wide(emitted, m + "LaplacianWideLanes", OperatorMethod.lanes(m + "LaplacianWideLanes", wideProgram, rows,
        out, WIDE_LANES, doc.pass(WIDE_LANES, ", as loops over the lanes: Σ_l ∂²u[rows_l]; writes ∂u[rows_l] and "
            + "the value into {@code out}")), wideProgram);
    JetProgram program = taylor.reserve(rows, out).lanes(request.program(), coordinates,
        runTimeArray, request.collapsed(), BASIS_LANES, rows, taylor.algebra().one());
    add(emitted, OperatorMethod.lanes(kernel, program, rows, out, BASIS_LANES,
        doc.pass(BASIS_LANES, ": Σ_l ∂²u[rows_l]; writes ∂u[rows_l] and the value into {@code out}")), program);
    String dimension = runTimeArray + ".length";
    String note = ". The length of {@code " + runTimeArray + "} is the dimension ("
        + (wide == null ? "" : "blocks of " + WIDE_LANES + " directions per pass while more than " + BASIS_LANES
            + " remain, then ")
        + "blocks of " + BASIS_LANES + ")";
    LaneWrapper.Kernel k = new LaneWrapper.Kernel(kernel, BASIS_LANES, wide, parameters, dimension, false);
    variants.add(LaneWrapper.laplacian(LaneWrapper.Kind.LAPLACIAN, m + "Laplacian", k, doc.atPoint(note)));
    variants.add(LaneWrapper.laplacian(LaneWrapper.Kind.LAPLACIAN_WITH_GRADIENT, m + "Laplacian", k,
        doc.withGradient(note)));
    variants.add(LaneWrapper.laplacian(LaneWrapper.Kind.EVALUATE, m + "Evaluate", k, doc.evaluate(note)));
  }

  /** {@code mLaplacianEstimate(params, v)} and the generator variant, S and/or D chosen at run time. */
  void estimators(List<Emitted> emitted, List<Variant> variants) {
    Estimator e = request.estimator();
    String name = request.method() + "LaplacianEstimate";
    String kernel = name + "Lanes";
    String rows = names.fresh("rows");
    LaneWrapper.Wide wide = null;
    if (e.runTime()) { // the wide kernel first, as for the Laplacian
      JetProgram wideProgram = taylor.reserve(rows).lanes(request.program(), coordinates,
          runTimeArray, request.collapsed(), WIDE_LANES, rows, taylor.algebra().one());
      wide = wide(emitted, name + "WideLanes", OperatorMethod.lanes(name + "WideLanes", wideProgram, rows, null,
          WIDE_LANES, doc.pass(WIDE_LANES, " of the estimate, as loops over the lanes: Σ_l ∂²u[rows_l]")),
          wideProgram);
    }
    JetProgram program = taylor.reserve(rows).lanes(request.program(), coordinates, runTimeArray,
        request.collapsed(), e.lanes(), rows, taylor.algebra().one());
    add(emitted, OperatorMethod.lanes(kernel, program, rows, null, e.lanes(),
        doc.pass(e.lanes(), " of the estimate: Σ_l ∂²u[rows_l]")), program);
    String dimension = runTimeArray != null ? runTimeArray + ".length"
        : Integer.toString(coordinates.size());
    String v = names.fresh("v");
    String rng = names.fresh("rng");
    String samples = e.runTime() ? names.fresh("samples") : null;
    String count = e.runTime() ? "S" : Integer.toString(e.samples());
    String about = doc.estimate(": (1/" + count + ") Σₛ ∂²u[vₛ] over " + count + " directions with E[v vᵀ] = I");
    String passes = e.runTime() ? " (in passes of " + passes(e.lanes(), wide) + " directions, each repeating the "
        + "primal)" : "";
    LaneWrapper.Kernel k = new LaneWrapper.Kernel(kernel, e.lanes(), wide, parameters, dimension, false);
    variants.add(LaneWrapper.fromRows(name, k, v, e.samples(), e.gaussian(), doc.fromRows(about, v, passes)));
    variants.add(LaneWrapper.drawn(name, k, rng, e.samples(), samples, e.gaussian(),
        doc.drawn(about, rng, e.gaussian(), passes)));
  }

  /** How a wrapper's blocks are sized, for its documentation: "8", or "32 while more than 8 remain, then 8". */
  static String passes(int lanes, LaneWrapper.Wide wide) {
    if (wide == null) {
      return Integer.toString(lanes);
    }
    String rest = wide.lanes() + " while more than " + lanes + " remain, then " + lanes;
    for (LaneWrapper.Wide wider = wide.wider(), below = wide; wider != null; below = wider, wider = wider.wider()) {
      int threshold = wider.threshold() > 0 ? wider.threshold() : below.lanes();
      rest = wider.lanes() + " while more than " + threshold + " remain, " + rest;
    }
    return rest;
  }

  /**
   * The wide kernel of {@code program} if its jets became loops over the lanes (else nothing is
   * emitted and null returned).
   */
  private LaneWrapper.Wide wide(List<Emitted> emitted, String name, OperatorMethod method,
      JetProgram program) {
    Optimizer.Result body = optimizer.optimize(program, method.outputs(), method.parameterNames());
    if (!Optimizer.hasLaneLoops(body.body())) {
      return null; // 32 straight-line lanes: no gain over the narrow kernel
    }
    emitted.add(new Emitted(method, body, program));
    return new LaneWrapper.Wide(name, WIDE_LANES);
  }

  private void add(List<Emitted> emitted, OperatorMethod method, JetProgram program) {
    emitted.add(Emitted.of(method, program, optimizer));
  }
}

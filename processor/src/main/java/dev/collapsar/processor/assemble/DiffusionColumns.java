package dev.collapsar.processor.assemble;

import dev.collapsar.processor.emit.LaneWrapper;
import dev.collapsar.processor.emit.Variant;
import dev.collapsar.processor.ir.Estimator;
import dev.collapsar.processor.ir.Request;
import dev.collapsar.processor.opt.FoldingAlgebra;
import dev.collapsar.processor.opt.Optimizer;
import dev.collapsar.processor.operator.EstimatorPlan;
import dev.collapsar.processor.operator.EstimatorPlanner;
import dev.collapsar.processor.operator.OperatorResult;
import dev.collapsar.processor.operator.ResolvedOperator;
import java.util.List;

/**
 * An operator whose second-order part is c·{@code diffusion(S)} (plus first- and zero-order terms,
 * {@code drift}), computed exactly along the R columns of S (DESIGN §4.1): Tr(S Sᵀ∇²u) =
 * Σ_r ∂²u[S e_r]. R is known only at run time, so the operator runs the estimator kernel over blocks
 * of {@link Estimator#RUN_TIME_LANES} basis vectors e_r (each pass repeating the primal), with weight c
 * and the exact terms in the first pass; while more than that remain, over blocks of
 * {@link LaneOperators#WIDE_LANES} in a second kernel when its jets are loops over the lanes; and,
 * for D > {@link LaneOperators#WIDE_LANES} coordinates, while more than max(32, D/2) remain, over
 * blocks of D in a third: the common square S (R = D) is then one pass, not two of 32 with two
 * primals (reference network, D = R = 50, default build, {@code Drift} best call, JDK 17: 8.5 → 4.9
 * ms). Polarization needs D(D+1)/2 directions instead, which is cheaper only for small D (it stays the
 * plan there).
 */
final class DiffusionColumns {
  private DiffusionColumns() {}

  /** The columns plan, or null when the operator is not of this form or polarization is cheaper. */
  static EstimatorPlan plan(ResolvedOperator resolved) {
    OperatorResult<EstimatorPlan> planned = EstimatorPlanner.plan(resolved, true);
    if (!planned.isOk() || planned.value().families().size() != 1) {
      return null;
    }
    EstimatorPlan.Family family = planned.value().families().get(0);
    int d = family.rows().size();
    boolean cheaper = d * (d + 1) / 2 > Estimator.RUN_TIME_LANES;
    return family.kind() == EstimatorPlan.Kind.DIFFUSION && family.order() == 2 && cheaper ? planned.value() : null;
  }

  /** The kernel and the public {@code <name>(params)} that loops over the blocks of columns. */
  static void add(Request request, EstimatorPlan plan, FoldingAlgebra algebra, Optimizer optimizer,
      List<Emitted> emitted, List<Variant> variants) {
    FreshNames names = new FreshNames(request.program().entry());
    int lanes = Estimator.RUN_TIME_LANES;
    // the wide kernels first, for the reason LaneOperators gives
    int dimension = plan.families().get(0).rows().size();
    String dimKernel = dimension > LaneOperators.WIDE_LANES ? OperatorEstimators.kernel(request, plan,
        request.generatedName() + "Dim", dimension, algebra, optimizer, names, emitted, true) : null;
    String wideKernel = OperatorEstimators.kernel(request, plan, request.generatedName() + "Wide",
        LaneOperators.WIDE_LANES, algebra, optimizer, names, emitted, true);
    String kernel = OperatorEstimators.kernel(request, plan, request.generatedName(), lanes, algebra, optimizer, names,
        emitted, false);
    String matrix = plan.families().get(0).matrix();
    LaneWrapper.Wide wide = wideKernel == null ? null : new LaneWrapper.Wide(wideKernel, LaneOperators.WIDE_LANES);
    if (wide != null && dimKernel != null) {
      wide = wide.widenedBy(new LaneWrapper.Wide(dimKernel, dimension, Math.max(LaneOperators.WIDE_LANES,
          dimension / 2), null));
    }
    String passes = "in passes of " + LaneOperators.passes(lanes, wide);
    LaneWrapper.Kernel k = new LaneWrapper.Kernel(kernel, lanes, wide, request.program().entry().parameters(),
        OperatorEstimators.length(plan), true);
    variants.add(LaneWrapper.columns(request.generatedName(), k, Javadoc.of(request).atPoint(
        ", along the columns of {@code " + matrix + "} (" + passes + ", each repeating the primal)")));
  }
}

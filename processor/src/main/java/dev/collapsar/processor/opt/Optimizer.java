package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.LaneStyle;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.SweepStyle;
import java.util.List;

/**
 * Prepares a generated body for printing: shares every value already bound to a local, binds
 * repeated subexpressions to temporaries (common-subexpression elimination), and removes
 * statements whose results no output needs (dead code). Constant folding and structural zeros
 * were already applied while the graph was built ({@link FoldingAlgebra}).
 */
public final class Optimizer {
  private final NodeFactory nodes;
  private final LaneStyle style;
  private final java.util.function.Predicate<List<Statement>> unsplittable;
  private final SweepStyle sweeps;

  /**
   * @param style which optimized bodies get their runs of per-direction statements rolled into loops
   *     ({@link LaneRolling}): all with {@link LaneStyle#LOOPS}; with {@link LaneStyle#AUTO} those
   *     whose local arrays of jets store rows (the transform chose rows because the jets are wide); and
   *     whatever the style, those that {@code unsplittable} says cannot fit a method unrolled
   * @param sweeps how jammed layer sweeps multiply and add ({@link ReductionJam}, {@link LaneSweeps})
   */
  public Optimizer(NodeFactory nodes, LaneStyle style, java.util.function.Predicate<List<Statement>> unsplittable,
      SweepStyle sweeps) {
    this.nodes = nodes;
    this.style = style;
    this.unsplittable = unsplittable;
    this.sweeps = sweeps;
  }

  /** The lane style the transform must lay local arrays out for. */
  public LaneStyle style() {
    return style;
  }

  /** The optimized body; {@code outputs} are rewritten in place to refer to locals. */
  public Result optimize(List<Statement> body, List<Node> outputs) {
    Sharing sharing = new Sharing(nodes, body, outputs);
    List<Statement> shared = sharing.rewrite();
    List<Node> rewrittenOutputs = sharing.rewrittenOutputs();
    List<Statement> live = DeadCode.remove(shared, rewrittenOutputs);
    return new Result(live, rewrittenOutputs);
  }

  /**
   * {@link #optimize(List, List)}, then, for the bodies the lane style selects, runs of
   * per-direction statements become loops over the direction index ({@link LaneRolling});
   * {@code parameters} are names new locals must avoid; {@code lanes} tells which locals hold one
   * direction of a jet and {@code rows} whether local arrays keep jets as rows (the Taylor stage's
   * {@link dev.collapsar.processor.ir.JetProgram#lanes()} and {@link dev.collapsar.processor.ir.JetProgram#rows()}).
   */
  public Result optimize(List<Statement> body, List<Node> outputs, java.util.Set<String> parameters,
      java.util.Map<String, dev.collapsar.processor.ir.LaneTag> lanes, boolean rows) {
    Result optimized = optimize(body, outputs);
    if (!rolls(optimized.body(), rows)) {
      return optimized;
    }
    Result inlined = RowLets.apply(IntInlining.apply(nodes, optimized));
    Result rolled = new LaneRolling(nodes, inlined, parameters, lanes).roll(inlined);
    Result accumulated = RowAccumulators.apply(nodes, rolled, parameters);
    return UnrollAndJam.apply(nodes, accumulated, parameters, unsplittable, sweeps);
  }

  /** Whether an optimized body has loops over the directions: its jets were rolled. */
  public static boolean hasLaneLoops(List<Statement> body) {
    for (int s = 0; s < body.size(); s++) {
      if (LaneLoopShape.at(body, s)
          || body.get(s) instanceof Statement.Loop l && hasLaneLoops(l.body())
          || body.get(s) instanceof Statement.Branch b && (hasLaneLoops(b.then()) || hasLaneLoops(b.otherwise()))) {
        return true;
      }
    }
    return false;
  }

  private boolean rolls(List<Statement> body, boolean rows) {
    return style == LaneStyle.LOOPS || style == LaneStyle.AUTO && rows || unsplittable.test(body);
  }

  /** A body and the outputs, which may now refer to the body's locals. */
  public record Result(List<Statement> body, List<Node> outputs) {}
}

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
   * {@link #optimize(List, List)} for {@code program}'s body, then its loops over the directions:
   * a body computed on a lane axis gets them from {@link DirectionLoops}; a body of per-direction
   * statements that the lane style selects (or that cannot fit a method unrolled) from
   * {@link LaneRolling}, which finds runs of them by the Taylor stage's lane tags. Then direction loops
   * accumulate in place ({@link RowAccumulators}) and layer loops are jammed ({@link UnrollAndJam}).
   * {@code parameters} are names new locals must avoid.
   */
  public Result optimize(dev.collapsar.processor.ir.JetProgram program, List<Node> outputs,
      java.util.Set<String> parameters) {
    Result optimized = optimize(program.body(), outputs);
    Result rolled;
    if (DirectionLoops.hasLanes(optimized.body()) || hasLanes(optimized.outputs())) {
      rolled = DirectionLoops.apply(nodes, IntInlining.apply(nodes, optimized), parameters, program.laneWidths());
    } else if (rolls(optimized.body(), program.rows())) {
      Result inlined = RowLets.apply(IntInlining.apply(nodes, optimized));
      rolled = new LaneRolling(nodes, inlined, parameters, program.lanes()).roll(inlined);
    } else {
      return optimized;
    }
    Result accumulated = RowAccumulators.apply(nodes, rolled, parameters);
    return UnrollAndJam.apply(nodes, accumulated, parameters, unsplittable, sweeps);
  }

  private static boolean hasLanes(List<Node> outputs) {
    List<Statement> lets = outputs.stream().map(o -> (Statement) new Statement.Let("", o)).toList();
    return DirectionLoops.hasLanes(lets);
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

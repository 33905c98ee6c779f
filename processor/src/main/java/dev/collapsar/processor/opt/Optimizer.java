package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.ir.LaneStyle;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.SweepStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a generated body for printing: shares every value already bound to a local, binds
 * repeated subexpressions to temporaries (common-subexpression elimination), and removes
 * statements whose results no output needs (dead code); then writes a body computed on a lane axis
 * as loops over the directions, and shapes those loops. Constant folding and structural zeros were
 * already applied while the graph was built ({@link FoldingAlgebra}).
 */
public final class Optimizer {
  private final NodeFactory nodes;
  private final LaneStyle style;
  private final java.util.function.Predicate<List<Statement>> unsplittable;
  private final SweepStyle sweeps;

  /**
   * @param style which jet groups the Taylor stage computes on a lane axis ({@link LaneStyle})
   * @param unsplittable whether a body has a loop or branch too large for any method (such a body
   *     is computed on a lane axis whatever the style, {@link #fitsUnrolled}; a layer loop is not
   *     jammed where its jammed form would be too large)
   * @param sweeps how jammed layer sweeps multiply and add ({@link ReductionJam}, {@link LaneSweeps})
   */
  public Optimizer(NodeFactory nodes, LaneStyle style, java.util.function.Predicate<List<Statement>> unsplittable,
      SweepStyle sweeps) {
    this.nodes = nodes;
    this.style = style;
    this.unsplittable = unsplittable;
    this.sweeps = sweeps;
  }

  /** The lane style the transform must lay jets out for. */
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
   * {@link #optimize(List, List)} for {@code program}'s body, then, if it was computed on a lane axis,
   * the shape of its direction loops: under {@link LaneStyle#AUTO} a body without rows of local
   * arrays is written lane by lane ({@link LaneUnrolling}: its accumulators live in registers and the
   * seeds' zeros fold), if that fits its methods; any other as loops over the directions
   * ({@link DirectionLoops}), accumulating in place ({@link RowAccumulators}), layer loops jammed
   * ({@link UnrollAndJam}). {@code parameters} are names new locals must avoid.
   */
  public Result optimize(JetProgram program, List<Node> outputs, java.util.Set<String> parameters) {
    Result optimized = optimize(program.body(), outputs);
    if (!DirectionLoops.hasLanes(optimized.body()) && !DirectionLoops.hasLanes(lets(optimized.outputs()))) {
      return optimized;
    }
    if (style == LaneStyle.AUTO && !program.rows()) {
      Result unrolled = LaneUnrolling.apply(nodes, optimized, parameters, program.laneLocals());
      Result shared = optimize(unrolled.body(), unrolled.outputs());
      if (!unsplittable.test(shared.body())) {
        return shared;
      }
    }
    Result rolled = DirectionLoops.apply(nodes, IntInlining.apply(nodes, optimized), parameters, program.laneWidths());
    Result accumulated = RowAccumulators.apply(nodes, rolled, parameters);
    Result jammed = UnrollAndJam.apply(nodes, accumulated, parameters, unsplittable, sweeps);
    return LaneFission.apply(nodes, jammed, parameters);
  }

  /**
   * The batch kernel of {@code program}, a point kernel whose jets run on a lane axis of directions:
   * its direction loops written and accumulating in place as for the point kernel, then lifted to a
   * block of points innermost ({@link PointLift}), the point lanes written as loops, a direction loop
   * over the points flattened into one over all lanes ({@link LoopFlattening}), layer loops jammed.
   * Null when the block's points cannot run in step, when no layer loop could be jammed, or with
   * vector sweeps.
   */
  public Result optimizeBatch(JetProgram program, PointLift.Axis axis, java.util.Set<String> parameters) {
    if (sweeps == SweepStyle.VECTOR) {
      // the point kernel's vector sweeps keep a unit's accumulators in registers over the whole
      // reduction; the lifted block's were slower (reference network, JDK 17, N = 64: 3.41 against
      // 2.51 ms per datum)
      return null;
    }
    Result optimized = optimize(program.body(), List.of(program.operator()));
    Result rolled = DirectionLoops.apply(nodes, IntInlining.apply(nodes, optimized), parameters, program.laneWidths());
    Result accumulated = RowAccumulators.apply(nodes, rolled, parameters);
    Result lifted = PointLift.apply(nodes, accumulated, axis);
    if (lifted == null) {
      return null;
    }
    Result points = DirectionLoops.apply(nodes, lifted, parameters, PointLift.widths(lifted.body(), axis.width()));
    Result flat = LoopFlattening.apply(nodes, points, axis.width());
    Result jammed = UnrollAndJam.apply(nodes, flat, parameters, unsplittable, sweeps);
    if (jammed == flat) {
      // no layer jammed: each multiply-add loads and stores its row, slower than the point kernel
      // (reference network: 0.6x its point method unjammed; the collapsed biharmonic 0.65x)
      return null;
    }
    return LaneFission.apply(nodes, jammed, parameters);
  }

  /**
   * Whether {@code program}, computed without a lane axis, fits the methods it will be written into:
   * no loop or branch of its body, optimized for all its outputs, is too large for one.
   */
  public boolean fitsUnrolled(JetProgram program) {
    List<Node> outputs = new ArrayList<>(program.gradient());
    outputs.add(program.value());
    outputs.add(program.operator());
    return !unsplittable.test(optimize(program.body(), outputs).body());
  }

  private static List<Statement> lets(List<Node> outputs) {
    return outputs.stream().map(o -> (Statement) new Statement.Let("", o)).toList();
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

  /** A body and the outputs, which may now refer to the body's locals. */
  public record Result(List<Statement> body, List<Node> outputs) {}
}

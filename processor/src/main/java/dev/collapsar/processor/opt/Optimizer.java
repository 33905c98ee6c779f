package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.NodeFactory;
import dev.collapsar.processor.ir.Statement;
import java.util.List;

/**
 * Prepares a generated body for printing: shares every value already bound to a local, binds
 * repeated subexpressions to temporaries (common-subexpression elimination), and removes
 * statements whose results no output needs (dead code). Constant folding and structural zeros
 * were already applied while the graph was built ({@link FoldingAlgebra}).
 */
public final class Optimizer {
  private final NodeFactory nodes;

  private final java.util.function.Predicate<List<Statement>> laneLoops;

  /**
   * @param laneLoops which optimized bodies get their runs of per-direction statements rolled into
   *     loops ({@link LaneRolling})
   */
  public Optimizer(NodeFactory nodes, java.util.function.Predicate<List<Statement>> laneLoops) {
    this.nodes = nodes;
    this.laneLoops = laneLoops;
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
   * {@link #optimize(List, List)}, then, for the bodies {@code laneLoops} selects, runs of
   * per-direction statements become loops over the direction index ({@link LaneRolling});
   * {@code parameters} are names new locals must avoid.
   */
  public Result optimize(List<Statement> body, List<Node> outputs, java.util.Set<String> parameters) {
    Result optimized = optimize(body, outputs);
    if (!laneLoops.test(optimized.body())) {
      return optimized;
    }
    Result inlined = IntInlining.apply(nodes, optimized);
    return new LaneRolling(nodes, inlined, parameters).roll(inlined);
  }

  /** A body and the outputs, which may now refer to the body's locals. */
  public record Result(List<Statement> body, List<Node> outputs) {}
}

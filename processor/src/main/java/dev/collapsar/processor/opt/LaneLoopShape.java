package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.List;

/**
 * The shape {@link LaneRolling} gives a loop over directions, three statements:
 * {@code int d; d = 0; while (d < R) { …; d = 1 + d; }} with R a constant.
 */
public final class LaneLoopShape {
  private LaneLoopShape() {}

  /** Whether a direction loop starts at {@code statements[i]}. */
  public static boolean at(List<Statement> statements, int i) {
    if (i < 0 || i + 2 >= statements.size() || !(statements.get(i) instanceof Statement.Declare d) || d.type() != Type.INT
        || !(statements.get(i + 1) instanceof Statement.Set start) || !start.name().equals(d.name())
        || !(start.value() instanceof Node.Const zero) || !zero.is(0)
        || !(statements.get(i + 2) instanceof Statement.Loop loop) || loop.body().isEmpty()) {
      return false;
    }
    return loop.condition() instanceof Node.Apply c && c.operator() == Op.LT && c.argument(0) instanceof Node.Ref r
        && r.name().equals(d.name()) && c.argument(1) instanceof Node.Const && isIncrement(loop, r);
  }

  /** Whether a loop's last statement is {@code i = 1 + i}. */
  static boolean isIncrement(Statement.Loop loop, Node.Ref index) {
    return loop.body().get(loop.body().size() - 1) instanceof Statement.Set step
        && step.name().equals(index.name()) && step.value() instanceof Node.Apply add && add.operator() == Op.ADD
        && add.argument(0) instanceof Node.Const one && one.is(1) && add.argument(1).equals(index);
  }
}

package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.ir.Type;
import java.util.List;

/**
 * The shape {@link DirectionLoops} gives a loop over directions, three statements:
 * {@code int d; d = 0; while (d < R) { …; d = 1 + d; }} with R a constant.
 */
public final class LaneLoopShape {
  private LaneLoopShape() {}

  /** {@code for (int d = 0; d < lanes; d++) { body(d) }} in this shape, over the fresh index {@code d}. */
  static List<Statement> of(dev.collapsar.processor.ir.NodeFactory nodes, String d, int lanes,
      java.util.function.Function<Node, List<Statement>> body) {
    Node.Ref index = nodes.ref(d, Type.INT);
    List<Statement> loop = new java.util.ArrayList<>(body.apply(index));
    loop.add(new Statement.Set(d, nodes.apply(Type.INT, Op.ADD, nodes.constant(1, Type.INT), index)));
    return List.of(new Statement.Declare(d, Type.INT), new Statement.Set(d, nodes.constant(0, Type.INT)),
        new Statement.Loop(nodes.apply(Type.BOOLEAN, Op.LT, index, nodes.constant(lanes, Type.INT)), loop));
  }

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

package dev.collapsar.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Statement;
import dev.collapsar.processor.opt.LaneLoopShape;
import java.util.List;

/**
 * Prints a counted loop {@code int d; d = 0; while (d < n) { …; d = 1 + d; }} (the shape of the
 * optimizer's loops over directions) as {@code for (int d = 0; d < n; d++) { … }}.
 */
final class LaneLoops {
  private LaneLoops() {}

  static boolean isLaneLoop(List<Statement> statements, int i) {
    return LaneLoopShape.at(statements, i);
  }

  static void write(List<Statement> statements, int i, CodeBlock.Builder code) {
    String d = ((Statement.Declare) statements.get(i)).name();
    Statement.Loop loop = (Statement.Loop) statements.get(i + 2);
    Node.Apply condition = (Node.Apply) loop.condition();
    code.beginControlFlow("for (int $N = 0; $N < $L; $N++)", d, d, ExpressionPrinter.print(condition.argument(1)), d);
    List<Statement> body = loop.body().subList(0, loop.body().size() - 1);
    if (body.size() == 1 && body.get(0) instanceof Statement.Set sum && sum.value() instanceof Node.Apply add
        && add.operator() == Op.ADD && add.argument(0) instanceof Node.Ref r && r.name().equals(sum.name())) {
      code.addStatement("$N += $L", sum.name(), ExpressionPrinter.print(add.argument(1)));
    } else {
      BodyWriter.write(body, code);
    }
    code.endControlFlow();
  }
}

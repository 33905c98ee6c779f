package dev.collapsar.processor.opt;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Moves each local that holds a row ({@code double[] t = h_d2[j]}) up to where its inputs are ready.
 * Common-subexpression elimination binds a row where it is first used, which in standard mode is in
 * the middle of the directions' statements (after direction 0's first coefficient, before its
 * second), where it would split their run and keep {@link LaneRolling} from rolling it whole.
 */
final class RowLets {
  private RowLets() {}

  static Optimizer.Result apply(Optimizer.Result optimized) {
    return new Optimizer.Result(block(optimized.body()), optimized.outputs());
  }

  private static List<Statement> block(List<Statement> in) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : in) {
      if (s instanceof Statement.Let let && let.value().type().isArray() && !(let.value() instanceof Node.Ref)) {
        out.add(earliest(out, let), let);
      } else if (s instanceof Statement.Loop loop) {
        out.add(new Statement.Loop(loop.condition(), block(loop.body())));
      } else if (s instanceof Statement.Branch b) {
        out.add(new Statement.Branch(b.condition(), block(b.then()), block(b.otherwise())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** The position after the last statement that defines or assigns anything the row reads (or any loop or branch). */
  private static int earliest(List<Statement> before, Statement.Let let) {
    Set<String> reads = new java.util.HashSet<>();
    Walk.nodes(List.of(let), n -> {
      if (n instanceof Node.Ref r) {
        reads.add(r.name());
      }
    });
    int at = before.size();
    while (at > 0) {
      Statement s = before.get(at - 1);
      if (s instanceof Statement.Loop || s instanceof Statement.Branch || s instanceof Statement.Comment
          || s instanceof Statement.Let l && reads.contains(l.name())
          || s instanceof Statement.Declare d && reads.contains(d.name())
          || s instanceof Statement.Set set && reads.contains(set.name())) {
        break;
      }
      at--;
    }
    return at;
  }
}

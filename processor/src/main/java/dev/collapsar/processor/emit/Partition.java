package dev.collapsar.processor.emit;

import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a top-level body into consecutive chunks of at most a size budget. A declaration of a
 * mutable local stays with the {@code if} that assigns it, so that no chunk ends with a local that
 * is declared but not yet assigned.
 */
final class Partition {
  private Partition() {}

  static List<List<Statement>> cut(List<Statement> body, int budget) {
    List<List<Statement>> chunks = new ArrayList<>();
    List<Statement> current = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < body.size(); i++) {
      int end = unitEnd(body, i);
      List<Statement> unit = body.subList(i, end + 1);
      int unitSize = SizeEstimate.inPart(unit);
      if (!current.isEmpty() && size + unitSize > budget) {
        chunks.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.addAll(unit);
      size += unitSize;
      i = end;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  /**
   * The last statement of the unit starting at {@code start}: a comment goes with what follows it,
   * and declarations of mutable locals go with everything up to the {@code if} that assigns them
   * (temporaries for its condition may stand in between).
   */
  private static int unitEnd(List<Statement> body, int start) {
    int end = start;
    boolean declared = false;
    while (end < body.size() - 1) {
      Statement s = body.get(end);
      declared |= s instanceof Statement.Declare;
      boolean open = s instanceof Statement.Comment || s instanceof Statement.Declare
          || (declared && !(s instanceof Statement.Branch) && !(s instanceof Statement.Loop));
      if (!open) {
        break;
      }
      end++;
    }
    return end;
  }
}

package dev.collapsar.processor.emit;

import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a top-level body into consecutive chunks of at most a size budget. A declaration of a
 * mutable local stays with the statement after it (the {@code if} that assigns it), so that no
 * chunk ends with a local that is declared but not yet assigned.
 */
final class Partition {
  private Partition() {}

  static List<List<Statement>> cut(List<Statement> body, int budget) {
    List<List<Statement>> chunks = new ArrayList<>();
    List<Statement> current = new ArrayList<>();
    int size = 0;
    for (int i = 0; i < body.size(); i++) {
      int end = i;
      while (end < body.size() - 1 && (body.get(end) instanceof Statement.Declare || body.get(end) instanceof Statement.Comment)) {
        end++;
      }
      List<Statement> unit = body.subList(i, end + 1);
      int unitSize = SizeEstimate.of(unit) + 8 * Names.read(unit).size();
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
}

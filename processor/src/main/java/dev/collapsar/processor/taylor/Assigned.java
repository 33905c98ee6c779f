package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Source;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The variables a piece of source code assigns (syntactically, at any depth), in order of appearance. */
final class Assigned {
  private Assigned() {}

  static Set<String> in(List<Source.Stmt> statements) {
    Set<String> names = new LinkedHashSet<>();
    statements.forEach(s -> collect(s, names));
    return names;
  }

  private static void collect(Source.Stmt s, Set<String> names) {
    if (s instanceof Source.Assign a) {
      names.add(a.name());
    } else if (s instanceof Source.Block b) {
      b.statements().forEach(t -> collect(t, names));
    } else if (s instanceof Source.If i) {
      collect(i.then(), names);
      if (i.otherwise() != null) {
        collect(i.otherwise(), names);
      }
    } else if (s instanceof Source.For f) {
      f.init().forEach(t -> collect(t, names));
      f.update().forEach(t -> collect(t, names));
      collect(f.body(), names);
    }
  }
}

package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Source;

/** Whether a statement contains a {@code return} anywhere inside it. */
final class Returns {
  private Returns() {}

  static boolean contains(Source.Stmt s) {
    if (s instanceof Source.Return) {
      return true;
    }
    if (s instanceof Source.Block b) {
      return b.statements().stream().anyMatch(Returns::contains);
    }
    if (s instanceof Source.If i) {
      return contains(i.then()) || (i.otherwise() != null && contains(i.otherwise()));
    }
    if (s instanceof Source.For f) {
      return contains(f.body());
    }
    return false;
  }
}

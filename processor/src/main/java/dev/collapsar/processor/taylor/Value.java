package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Type;

/** What a variable holds during symbolic execution. */
sealed interface Value {

  /** A double: its jet (inactive doubles have an all-zero jet). */
  record Num(Jet jet) implements Value {}

  /** An int or boolean: a plain value-graph node, never differentiated. */
  record Scalar(Node node) implements Value {}

  /**
   * An array parameter: a reference for run-time reads, and, for the differentiated array, the
   * jets of its elements (null for arrays that are not differentiated).
   */
  record Array(Node reference, Type type, Jet[] elements) implements Value {}
}

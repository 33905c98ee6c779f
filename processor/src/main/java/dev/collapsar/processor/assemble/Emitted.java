package dev.collapsar.processor.assemble;

import dev.collapsar.processor.emit.OperatorMethod;
import dev.collapsar.processor.ir.JetProgram;
import dev.collapsar.processor.opt.Optimizer;

/**
 * One generated method with a body: its signature and documentation, the jet program it computes and
 * that program optimized for its outputs.
 */
record Emitted(OperatorMethod method, Optimizer.Result optimized, JetProgram program) {
  /** {@code method} computing {@code program}, optimized by {@code optimizer} for the method's outputs. */
  static Emitted of(OperatorMethod method, JetProgram program, Optimizer optimizer) {
    return new Emitted(method, optimizer.optimize(program, method.outputs(), method.parameterNames()), program);
  }
}

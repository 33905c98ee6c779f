package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Node;

/**
 * The Taylor rule of one primitive along one direction, in standard form: from the coefficient
 * vectors (0..K) of the inputs, the coefficient vector of the output. Every rule is written once,
 * for any K; {@link JetArithmetic} derives the collapsed form from it, because the top coefficient
 * of every rule is linear in the inputs' top coefficients (DESIGN §3).
 */
@FunctionalInterface
interface Rule {
  /**
   * @param inputs {@code inputs[i][k]} is the k-th coefficient of input i (k = 0 the primal)
   * @param order K, the last coefficient to compute
   * @return the output's coefficients 0..K
   */
  Node[] apply(Algebra algebra, Node[][] inputs, int order);
}

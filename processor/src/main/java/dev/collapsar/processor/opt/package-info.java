/**
 * The optimizer: constant folding, algebraic identities and structural zeros while the value graph
 * is built ({@link dev.collapsar.processor.opt.FoldingAlgebra}); common-subexpression elimination
 * and dead-code removal on generated bodies ({@link dev.collapsar.processor.opt.Optimizer}).
 * Imports {@code ir} only.
 */
package dev.collapsar.processor.opt;

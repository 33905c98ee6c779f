/**
 * The optimizer: constant folding, algebraic identities and structural zeros while the value graph
 * is built ({@link dev.collapsar.processor.opt.FoldingAlgebra}); common-subexpression elimination
 * and dead-code removal on generated bodies ({@link dev.collapsar.processor.opt.Optimizer}); and,
 * for wide jets ({@link dev.collapsar.processor.ir.LaneStyle}), the lane axis the Taylor stage computed
 * them on written as loops over the direction index ({@link dev.collapsar.processor.opt.DirectionLoops},
 * one-hot seeds kept sparse by {@link dev.collapsar.processor.opt.OneHotWrites} and
 * {@link dev.collapsar.processor.opt.OneHots}) or, where loops do not pay, lane by lane
 * ({@link dev.collapsar.processor.opt.LaneUnrolling}), a
 * layer's units summing straight into their own coefficient rows
 * ({@link dev.collapsar.processor.opt.RowAccumulators}) and independent layer loops run four units at
 * a time ({@link dev.collapsar.processor.opt.UnrollAndJam}) and two steps of their reduction at a time
 * ({@link dev.collapsar.processor.opt.ReductionJam}), or, with {@code -Acollapsar.vector=true}, the
 * whole reduction as one {@link dev.collapsar.processor.ir.Statement.LaneSweep}
 * ({@link dev.collapsar.processor.opt.LaneSweeps}); sweeps of several rows per unit split into one
 * loop per row ({@link dev.collapsar.processor.opt.LaneFission},
 * {@link dev.collapsar.processor.opt.SourceGroups}). A batch kernel of such a body is the same
 * body with its direction loops written, lifted to a block of points innermost
 * ({@link dev.collapsar.processor.opt.PointLift}), the point lanes written as loops by a second
 * {@link dev.collapsar.processor.opt.DirectionLoops}, and direction × point loops flattened into one
 * ({@link dev.collapsar.processor.opt.LoopFlattening}) before the same jams
 * ({@link dev.collapsar.processor.opt.Optimizer#optimizeBatch}). Imports {@code ir} only.
 */
package dev.collapsar.processor.opt;

/**
 * The Taylor stage: symbolic execution of the source subset over jets. Each primitive has one
 * standard-form rule valid for every order ({@link dev.collapsar.processor.taylor.Rules}, with the
 * calculus in {@link dev.collapsar.processor.taylor.FirstDerivatives}); collapsing is derived from
 * the rules in {@link dev.collapsar.processor.taylor.JetArithmetic}. A group rolled into loops is
 * computed on a lane axis, once for all its directions (a jet keeps one node per order with a value
 * per lane, {@link dev.collapsar.processor.ir.Lanes}; its seeds in lane form,
 * {@link dev.collapsar.processor.taylor.LaneSeeds}). A batch kernel computes a block of points on a
 * lane axis of points instead ({@link dev.collapsar.processor.taylor.PointAxis}: every value, the
 * primal too, with a value per point; {@link dev.collapsar.processor.taylor.PointDependence} says
 * whether the points can run in step). Imports {@code ir} and
 * {@code diag}, and the direction plans of {@code operator} that it seeds jets from.
 */
package dev.collapsar.processor.taylor;

package dev.collapsar.processor.operator;

/** {@code weight · ∂u/∂x_coordinate}: a term {@code c*D[a]}. Costs no jet (see {@link OperatorPlan}). */
public record FirstOrderTerm(int coordinate, Coefficient weight) {}

package dev.collapsar.processor.operator;

import java.util.List;

/**
 * {@code weight · b·∇u} for the {@code double[]} parameter {@code vectorParameter} = b, whose entry r
 * belongs to coordinate {@code rowCoordinates.get(r)}. Costs no jet (see {@link OperatorPlan}).
 */
public record DriftTerm(String vectorParameter, Coefficient weight, List<Integer> rowCoordinates) {

  public DriftTerm {
    rowCoordinates = List.copyOf(rowCoordinates);
  }
}

package dev.collapsar.processor.operator;

import java.util.List;

/**
 * Second-order directions known only at run time: the R columns of the {@code double[][]} parameter
 * {@code matrixParameter} (shape: {@code rowCoordinates.size()} × R). The operator contains
 * {@code weight · Σ_columns ∂²u[column]} = {@code weight · Tr(S Sᵀ ∇²u)}; entry r of a column is the
 * component along coordinate {@code rowCoordinates.get(r)}.
 *
 * <p>Randomized estimators (DESIGN §4.4) will add directions drawn at run time in the same way; a
 * sibling type will carry them.
 */
public record RuntimeDirections(String matrixParameter, Coefficient weight, List<Integer> rowCoordinates) {

  public RuntimeDirections {
    rowCoordinates = List.copyOf(rowCoordinates);
  }
}

package dev.collapsar.processor.operator;

import java.util.List;

/**
 * A resolved operator atom; terms with equal atoms are combined, so atoms compare by value.
 * Coordinates are positions in {@link ResolvedOperator#coordinates()}.
 */
public sealed interface Atom {

  /** The derivative order: 0 for {@code u}, 2 for {@code laplacian} and {@code diffusion}, … */
  int order();

  /** {@code u}. */
  record Value() implements Atom {
    @Override
    public int order() {
      return 0;
    }
  }

  /**
   * {@code D[...]}: the mixed partial over these coordinates, sorted ascending (partials commute, so
   * {@code D[x,y]} and {@code D[y,x]} are one atom); repeated for higher multiplicity.
   */
  record Partial(List<Integer> coordinates) implements Atom {
    public Partial {
      coordinates = coordinates.stream().sorted().toList();
    }

    @Override
    public int order() {
      return coordinates.size();
    }
  }

  /** {@code laplacian}: Σ ∂²/∂xᵢ² over the space coordinates. */
  record Laplacian() implements Atom {
    @Override
    public int order() {
      return 2;
    }
  }

  /** {@code biharmonic}: Σ ∂⁴/∂xᵢ²∂xⱼ² over the space coordinates. */
  record Biharmonic() implements Atom {
    @Override
    public int order() {
      return 4;
    }
  }

  /** {@code diffusion(S)}: Tr(S Sᵀ ∇²u), S a {@code double[][]} of shape (space coordinates) × R. */
  record Diffusion(String matrix) implements Atom {
    @Override
    public int order() {
      return 2;
    }
  }

  /** {@code drift(b)}: b·∇u, b a {@code double[]} over the space coordinates. */
  record Drift(String vector) implements Atom {
    @Override
    public int order() {
      return 1;
    }
  }
}

package dev.collapsar;

import java.util.Arrays;

/**
 * The value, gradient and Laplacian of a function at one point, computed in one pass by a generated
 * {@code <m>Evaluate} method.
 *
 * @param value the function value u(x)
 * @param gradient ∇u(x), one entry per differentiated coordinate, in declaration order
 * @param laplacian Δu(x)
 */
public record LaplacianResult(double value, double[] gradient, double laplacian) {

  /** Copies {@code gradient} so that the record stays immutable. */
  public LaplacianResult {
    gradient = gradient.clone();
  }

  /** Returns a copy of the gradient. */
  @Override
  public double[] gradient() {
    return gradient.clone();
  }

  /** Returns ∂u/∂xᵢ without copying the gradient. */
  public double gradient(int i) {
    return gradient[i];
  }

  /** The number of differentiated coordinates. */
  public int dimension() {
    return gradient.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LaplacianResult r
        && Double.compare(value, r.value) == 0
        && Double.compare(laplacian, r.laplacian) == 0
        && Arrays.equals(gradient, r.gradient);
  }

  @Override
  public int hashCode() {
    return (Double.hashCode(value) * 31 + Arrays.hashCode(gradient)) * 31 + Double.hashCode(laplacian);
  }

  @Override
  public String toString() {
    return "LaplacianResult[value=" + value + ", gradient=" + Arrays.toString(gradient)
        + ", laplacian=" + laplacian + "]";
  }
}

package dev.collapsar.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The work {@link SideBySide} divides by to report GFLOP/s, counted by hand: the reference network's
 * forward pass has 50·768 + 768·768 + 768·512 + 512·512 + 512 = 1,284,096 multiply-adds at D = 50 and
 * 1,249,536 at D = 5; a collapsed Laplacian-like sweep sends 52 rows through them (value, 50
 * directions, the sum), the collapsed biharmonic 77 (value, 3 × 25, the 4th coefficient), its
 * estimator over 16 rows 50.
 */
class ReferenceOperatorsTest {
  @Test
  void theForwardPassesMultiplyAddsAtBothDimensions() {
    assertEquals(1_284_096, ReferenceOperators.multiplyAdds(50));
    assertEquals(1_249_536, ReferenceOperators.multiplyAdds(5));
  }

  @Test
  void flopsPerDatumAreTwiceTheRowsTimesTheMultiplyAdds() {
    assertEquals(2.0 * 52 * 1_284_096, ReferenceOperators.of("laplacian", 1).flops());
    assertEquals(2.0 * 52 * 1_284_096, ReferenceOperators.of("diffusion", 1).flops());
    assertEquals(2.0 * 52 * 1_284_096, ReferenceOperators.of("estimate", 1).flops());
    assertEquals(2.0 * 77 * 1_249_536, ReferenceOperators.of("biharmonic", 1).flops());
    assertEquals(2.0 * 50 * 1_249_536, ReferenceOperators.of("biharmonicEstimate", 1).flops());
    assertEquals(5, ReferenceOperators.of("biharmonicEstimate", 1).dimension());
  }

  @Test
  void anUnknownOperatorNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReferenceOperators.of("hessian", 1));
    assertEquals("unknown operator hessian: laplacian, standard, diffusion, estimate, biharmonic, "
        + "biharmonicStandard or biharmonicEstimate", e.getMessage());
  }
}

package dev.collapsar.processor.operator;

/**
 * Choices the planner leaves open, for tests and benchmarks; {@link #DEFAULT} is what the processor
 * uses.
 *
 * @param secondOrder how to plan mixed second derivatives
 * @param mixed how to plan mixed third and fourth derivatives
 * @param biharmonic which plan {@code biharmonic} expands to
 * @param perJetCost the fixed cost of one jet in the cost estimate, in units of one nonzero seed
 *     component (see {@link PlanCost})
 */
public record PlanOptions(SecondOrderPlan secondOrder, MixedPlan mixed, BiharmonicPlan biharmonic, int perJetCost) {

  /** Automatic choices by cost, the D²-jet biharmonic, a per-jet cost of 8 seed entries. */
  public static final PlanOptions DEFAULT = new PlanOptions(SecondOrderPlan.AUTO, MixedPlan.AUTO, BiharmonicPlan.SPARSE_D2, 8);

  public PlanOptions {
    java.util.Objects.requireNonNull(secondOrder);
    java.util.Objects.requireNonNull(mixed);
    java.util.Objects.requireNonNull(biharmonic);
    if (perJetCost < 0) {
      throw new IllegalArgumentException("perJetCost " + perJetCost);
    }
  }

  public PlanOptions with(SecondOrderPlan plan) {
    return new PlanOptions(plan, mixed, biharmonic, perJetCost);
  }

  public PlanOptions with(MixedPlan plan) {
    return new PlanOptions(secondOrder, plan, biharmonic, perJetCost);
  }

  public PlanOptions with(BiharmonicPlan plan) {
    return new PlanOptions(secondOrder, mixed, plan, perJetCost);
  }

  public PlanOptions withPerJetCost(int cost) {
    return new PlanOptions(secondOrder, mixed, biharmonic, cost);
  }

  /** Mixed second derivatives (DESIGN §4.1); see {@link SecondOrderPlanner}. */
  public enum SecondOrderPlan {
    /** Per coupled block of coordinates, the cheapest applicable plan by {@link PlanCost}. */
    AUTO,
    /** eₐ+e_b besides the basis eₐ, e_b (DESIGN §4.1): exact, any coefficients, one extra jet per pair. */
    POLARIZATION,
    /** eₐ+e_b and eₐ−e_b: exact, any coefficients, two jets per pair but no basis jets needed. */
    SIGNED_POLARIZATION,
    /**
     * Exact rank decomposition of the constant coefficient matrix (symmetric LDLᵀ in fractions):
     * rank-many integer directions, triangular, so sparser than eigenvectors; blocks with a parameter
     * coefficient fall back to polarization.
     */
    LDL,
    /**
     * Eigenvectors of the constant coefficient matrix (DESIGN §4.1), scaled by √|λ| so that weights are
     * ±1: rank-many dense directions, rounded; blocks with a parameter coefficient fall back to polarization.
     */
    EIGEN
  }

  /** Mixed third and fourth derivatives; see {@link MixedDerivatives}. */
  public enum MixedPlan {
    /** Per order, the cheaper of the two by {@link PlanCost}. */
    AUTO,
    /** Griewank–Utke–Walther interpolation (DESIGN §4.2). */
    INTERPOLATION,
    /** The polarization identity with ± signs: fewer jets for most multiplicities. */
    SIGNED_POLARIZATION
  }

  /** Expansions of {@code biharmonic} (DESIGN §4.3); see {@link BiharmonicPlans}. */
  public enum BiharmonicPlan {
    /** D² directions eᵢ and eᵢ ± eⱼ (the eᵢ drop out at D = 4). */
    SPARSE_D2,
    /** The reference implementation's D + D(D−1) + D(D−1)/2 directions 4eₐ, 3eₐ+e_b, 2eₐ+2e_b. */
    REFERENCE
  }
}

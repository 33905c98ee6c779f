package dev.collapsar.processor;

import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.operator.PlanOptions;
import java.util.Locale;
import java.util.Map;

/**
 * Processor options that pin the operator planner's choices, for comparisons and benchmarks:
 * {@code -Acollapsar.plan.secondOrder=AUTO|POLARIZATION|EIGEN},
 * {@code -Acollapsar.plan.mixed=<MixedPlan>}, {@code -Acollapsar.plan.biharmonic=SPARSE_D2|REFERENCE};
 * and how per-direction code is written: {@code -Acollapsar.lanes=UNROLLED|LOOPS}. Without them the
 * planner picks by its cost estimate (and the D² biharmonic plan) and directions are unrolled.
 */
final class PlanChoice {
  static final String SECOND_ORDER = "collapsar.plan.secondOrder";
  static final String MIXED = "collapsar.plan.mixed";
  static final String BIHARMONIC = "collapsar.plan.biharmonic";
  static final String LANES = "collapsar.lanes";

  /** How the statements of the D directions are written. */
  enum Lanes {
    /** D straight-line statements (the default: fastest on JDK 17 and 25, see the README). */
    UNROLLED,
    /** One loop over the direction index with the coefficients in per-thread arrays. */
    LOOPS
  }

  private PlanChoice() {}

  static PlanOptions from(Map<String, String> options) {
    PlanOptions plan = PlanOptions.DEFAULT;
    if (options.containsKey(SECOND_ORDER)) {
      plan = plan.with(value(PlanOptions.SecondOrderPlan.class, SECOND_ORDER, options));
    }
    if (options.containsKey(MIXED)) {
      plan = plan.with(value(PlanOptions.MixedPlan.class, MIXED, options));
    }
    if (options.containsKey(BIHARMONIC)) {
      plan = plan.with(value(PlanOptions.BiharmonicPlan.class, BIHARMONIC, options));
    }
    return plan;
  }

  /** Whether {@code -Acollapsar.lanes=LOOPS} asks for loops over the direction index. */
  static boolean laneLoops(Map<String, String> options) {
    return options.containsKey(LANES) && value(Lanes.class, LANES, options) == Lanes.LOOPS;
  }

  private static <E extends Enum<E>> E value(Class<E> type, String option, Map<String, String> options) {
    String value = String.valueOf(options.get(option)).trim().toUpperCase(Locale.ROOT);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new CollapsarException(Messages.badOption(option, options.get(option),
          java.util.Arrays.toString(type.getEnumConstants())), null);
    }
  }
}

package dev.collapsar.processor.assemble;

import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.LaneStyle;
import dev.collapsar.processor.ir.SweepStyle;
import dev.collapsar.processor.operator.PlanOptions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The processor options, read once per method: those that pin the operator planner's choices, for
 * comparisons and benchmarks ({@code -Acollapsar.plan.secondOrder=AUTO|POLARIZATION|EIGEN},
 * {@code -Acollapsar.plan.mixed=<MixedPlan>}, {@code -Acollapsar.plan.biharmonic=SPARSE_D2|REFERENCE}),
 * how per-direction code is written ({@code -Acollapsar.lanes=AUTO|UNROLLED|LOOPS}), and whether dense
 * layer sweeps use {@code Math.fma} ({@code -Acollapsar.fma=true}) or kernels on
 * {@code jdk.incubator.vector} ({@code -Acollapsar.vector=true}, where that module is visible to the
 * compilation). Without them the planner picks by its cost estimate (and the D² biharmonic plan),
 * directions are rolled into loops where the jets are wide ({@link LaneStyle#AUTO}), and no
 * {@code Math.fma} is written.
 *
 * @param plan the planner's pinned choices
 * @param lanes how per-direction code is written
 * @param sweeps how jammed layer sweeps multiply and add: {@code Math.fma} rounds once per multiply-add
 *     instead of twice (about 1.1× faster on JDK 17 and 25), vector kernels too (2× and more:
 *     benchmarks/README.md)
 */
public record Options(PlanOptions plan, LaneStyle lanes, SweepStyle sweeps) {
  static final String SECOND_ORDER = "collapsar.plan.secondOrder";
  static final String MIXED = "collapsar.plan.mixed";
  static final String BIHARMONIC = "collapsar.plan.biharmonic";
  static final String LANES = "collapsar.lanes";
  static final String FMA = "collapsar.fma";
  static final String VECTOR = "collapsar.vector";

  /** The option names the processor declares. */
  public static Set<String> names() {
    return Set.of(SECOND_ORDER, MIXED, BIHARMONIC, LANES, FMA, VECTOR);
  }

  /**
   * The options in {@code options}; a value that names no choice is a {@link CollapsarException}.
   * {@code vectorModule}: whether {@code jdk.incubator.vector} is visible to the compilation (without
   * it {@code -Acollapsar.vector=true} leaves the sweeps as the other options say).
   */
  public static Options from(Map<String, String> options, boolean vectorModule) {
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
    LaneStyle lanes = options.containsKey(LANES) ? value(LaneStyle.class, LANES, options) : LaneStyle.AUTO;
    boolean fma = on(FMA, options);
    SweepStyle sweeps = on(VECTOR, options) && vectorModule ? SweepStyle.VECTOR : fma ? SweepStyle.FMA : SweepStyle.PLAIN;
    return new Options(plan, lanes, sweeps);
  }

  /** Whether {@code -Acollapsar.vector=true} asks for vector kernels (checked like {@link #from}). */
  public static boolean vectorRequested(Map<String, String> options) {
    return on(VECTOR, options);
  }

  private static boolean on(String option, Map<String, String> options) {
    return options.containsKey(option) && value(Switch.class, option, options) == Switch.TRUE;
  }

  /** The values of a yes-or-no option. */
  private enum Switch { TRUE, FALSE }

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

package dev.collapsar.processor.operator;

/**
 * The operator stage in one call: text → {@link OperatorSyntax} → {@link ResolvedOperator} →
 * {@link OperatorPlan}, stopping at the first step that fails.
 */
public final class Operators {
  private Operators() {}

  /** The plan for {@code text} on a method with {@code signature}, or the errors (syntax errors first). */
  public static OperatorResult<OperatorPlan> plan(String text, OperatorSignature signature, PlanOptions options) {
    OperatorResult<ResolvedOperator> resolved = resolve(text, signature);
    return resolved.isOk() ? OperatorResult.of(OperatorPlanner.plan(resolved.value(), options)) : resolved.propagate();
  }

  /** {@link #plan(String, OperatorSignature, PlanOptions)} with {@link PlanOptions#DEFAULT}. */
  public static OperatorResult<OperatorPlan> plan(String text, OperatorSignature signature) {
    return plan(text, signature, PlanOptions.DEFAULT);
  }

  /**
   * Only the coordinates of {@code text} ({@code @Laplacian} is the text {@code laplacian}); its terms are
   * not collected, so a lone array whose length is read at run time is fine.
   */
  public static OperatorResult<CoordinateResolver.Coordinates> coordinates(String text, OperatorSignature signature) {
    OperatorResult<OperatorSyntax> tree = OperatorParser.parse(text);
    return tree.isOk() ? CoordinateResolver.resolve(signature, OperatorUses.of(tree.value())) : tree.propagate();
  }

  /** Parses and resolves {@code text}. */
  public static OperatorResult<ResolvedOperator> resolve(String text, OperatorSignature signature) {
    OperatorResult<OperatorSyntax> tree = OperatorParser.parse(text);
    return tree.isOk() ? OperatorResolver.resolve(tree.value(), signature) : tree.propagate();
  }
}

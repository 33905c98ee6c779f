package dev.collapsar.processor.diag;

/**
 * Thrown by a stage that meets input it cannot accept, deep inside a recursive walk where returning
 * a problem would clutter every caller. Carries the {@link Problem} and an opaque site (a tree the
 * frontend understands, or null for the annotation); caught per method by the entry class.
 */
public final class CollapsarException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final transient Object site;

  public CollapsarException(Problem problem, Object site) {
    super(problem.render(), null, false, false);
    this.problem = problem;
    this.site = site;
  }

  public Problem problem() {
    return problem;
  }

  /** Where the problem is; the frontend's own key (a source tree), or null for the annotation. */
  public Object site() {
    return site;
  }
}

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
  /** Further problems of the same method, found after this one (all of a method's errors are reported). */
  private final transient java.util.List<CollapsarException> others;

  public CollapsarException(Problem problem, Object site) {
    this(problem, site, java.util.List.of());
  }

  private CollapsarException(Problem problem, Object site, java.util.List<CollapsarException> others) {
    super(problem.render(), null, false, false);
    this.problem = problem;
    this.site = site;
    this.others = others;
  }

  /** One exception carrying all of {@code problems} (at least one), each with its own site, in order. */
  public static CollapsarException all(java.util.List<CollapsarException> problems) {
    java.util.List<CollapsarException> flat = new java.util.ArrayList<>();
    for (CollapsarException e : problems) {
      flat.addAll(e.each());
    }
    CollapsarException first = flat.get(0);
    return new CollapsarException(first.problem, first.site, java.util.List.copyOf(flat.subList(1, flat.size())));
  }

  /** This problem and the others it carries, each as an exception with one problem and its site. */
  public java.util.List<CollapsarException> each() {
    java.util.List<CollapsarException> all = new java.util.ArrayList<>();
    all.add(others.isEmpty() ? this : new CollapsarException(problem, site));
    all.addAll(others);
    return all;
  }

  public Problem problem() {
    return problem;
  }

  /** Where the problem is; the frontend's own key (a source tree), or null for the annotation. */
  public Object site() {
    return site;
  }
}

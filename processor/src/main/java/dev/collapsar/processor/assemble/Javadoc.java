package dev.collapsar.processor.assemble;

import dev.collapsar.processor.ir.Request;

/**
 * The documentation of generated methods, worded in one place: every public variant and private
 * kernel of a method is described from what it computes (its subject: "the Laplacian of {@link C#m}")
 * and how it is called.
 */
final class Javadoc {
  private final String link;
  private final String subject;

  private Javadoc(String link, String subject) {
    this.link = link;
    this.subject = subject;
  }

  /** For {@code request}: "the Laplacian of {@link C#m}", or "{@code <operator>} applied to {@link C#m}". */
  static Javadoc of(Request request) {
    String link = "{@link " + request.sourceClass() + "#" + request.method() + "}";
    return new Javadoc(link, request.annotation() == Request.Annotation.LAPLACIAN ? "the Laplacian of " + link
        : "the operator {@code " + request.operator().replace("*/", "* /") + "} applied to " + link);
  }

  /** "The Laplacian of {@link C#m} at the given point." and {@code more}. */
  String atPoint(String more) {
    return capitalized(subject) + " at the given point" + more + ".\n";
  }

  /** The variant that also writes the gradient into the caller's {@code gradientOut}. */
  String withGradient(String more) {
    return capitalized(subject) + "; writes its gradient into {@code gradientOut} (no allocation)" + more + ".\n";
  }

  /** The variant that returns value, gradient and Laplacian. */
  String evaluate(String more) {
    return "The value, gradient and Laplacian of " + link + more + ".\n";
  }

  /** The private kernel behind a Laplacian's variants. */
  String laplacianKernel() {
    return capitalized(subject) + " at the given point; writes the gradient and the value into the arrays given "
        + "(each unless null).\n";
  }

  /** "An unbiased estimate of the Laplacian of {@link C#m}", and how ({@code how}). */
  String estimate(String how) {
    return "An unbiased estimate of " + subject + how;
  }

  /** An estimate over the rows of {@code rows}. */
  String fromRows(String estimate, String rows, String more) {
    return estimate + ", the rows of {@code " + rows + "}" + more + ".\n";
  }

  /** An estimate over vectors drawn from {@code generator}. */
  String drawn(String estimate, String generator, boolean gaussian, String more) {
    return estimate + ", drawn from {@code " + generator + "} (" + (gaussian ? "Gaussian" : "Rademacher") + ")" + more
        + ".\n";
  }

  /** One pass of a blocked operator's kernel along {@code lanes} directions. */
  String pass(int lanes, String more) {
    return "One pass of " + subject + " along " + lanes + " directions" + more + ".\n";
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

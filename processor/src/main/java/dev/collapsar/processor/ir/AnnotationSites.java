package dev.collapsar.processor.ir;

/**
 * Where the parts of an annotation are, as opaque handles that only the frontend's reporter reads, so
 * that a problem found by a later stage (the operator text, {@code wrt}, {@code dim}) is reported at the
 * annotation value it concerns. An attribute the user did not write has the annotation's site.
 *
 * @param value the annotation's {@code value} (the operator text; a problem there adds its column)
 * @param wrt its {@code wrt}
 * @param dim its {@code dim}
 * @param annotation the annotation as a whole
 */
public record AnnotationSites(Object value, Object wrt, Object dim, Object annotation) {}

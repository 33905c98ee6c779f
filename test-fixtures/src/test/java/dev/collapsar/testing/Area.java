package dev.collapsar.testing;

/** A test type that compiled sources implement, to check that loaded classes see the test's own types. */
public interface Area {
  /** The area. */
  double area();
}

package dev.collapsar.processor.frontend;

/**
 * What to write instead of a JDK call outside {@code java.lang.Math}: the usual ones have a direct
 * rewrite inside the subset.
 */
final class JdkCalls {
  private JdkCalls() {}

  static String rewrite(String type, String name) {
    String call = type + "." + name;
    switch (call) {
      case "Double.compare": case "Float.compare":
        return "Compare directly: Double.compare(a, b) < 0 is a < b, > 0 is a > b, == 0 is a == b.";
      case "Double.max": case "Double.min":
        return "Write Math." + name + "(a, b).";
      case "Double.sum":
        return "Write a + b.";
      case "Double.isNaN":
        return "Write x != x (true only for NaN).";
      case "Double.isFinite": case "Double.isInfinite":
        return "Compare with Double.MAX_VALUE: Math.abs(x) <= Double.MAX_VALUE is finite.";
      case "Double.valueOf": case "Double.parseDouble":
        return "Use the double value itself, or pass it in as a parameter.";
      case "Integer.max": case "Integer.min":
        return "Write Math." + name + "(a, b), or a < b ? a : b.";
      default:
        break;
    }
    if (type.equals("Arrays") || type.equals("IntStream") || type.equals("DoubleStream") || type.equals("Stream")) {
      return "Loop over the array instead: double s = 0; for (int i = 0; i < a.length; i++) { s += a[i]; }.";
    }
    if (type.equals("System") || type.equals("Objects")) {
      return "Remove the call from the differentiated method; do it before or after calling the operator.";
    }
    return "Of the JDK, only java.lang.Math and StrictMath functions can be differentiated; write the computation "
        + "with them, or as a static helper method of this class.";
  }
}

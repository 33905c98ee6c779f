package dev.collapsar.processor.frontend;

import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.ir.MathFn;
import dev.collapsar.processor.ir.Source;
import java.util.List;
import java.util.Optional;

/** Resolves calls of {@code java.lang.Math} and {@code StrictMath} by name and arity. */
final class MathCalls {
  private MathCalls() {}

  static boolean isMathClass(String owner) {
    return owner.equals("Math") || owner.equals("StrictMath")
        || owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath");
  }

  static Source.Expr call(String owner, String name, List<Source.Expr> args, Object site) {
    Optional<MathFn> fn = MathFn.byJavaName(name, args.size());
    if (fn.isEmpty()) {
      throw new CollapsarException(Messages.unsupportedCall(owner + "." + name + "(" + (args.isEmpty() ? "" : "...") + ")",
          hint(name)), site);
    }
    return new Source.MathCall(fn.get(), args, site);
  }

  private static String hint(String name) {
    switch (name) {
      case "random": return "Random numbers cannot be differentiated; pass them in as parameters.";
      case "fma": return "Write a * b + c.";
      case "log2": return "Write Math.log(x) / Math.log(2).";
      default: return "Supported: sin cos tan asin acos atan atan2 sinh cosh tanh exp expm1 log log1p log10 sqrt cbrt pow "
          + "hypot abs signum min max floor ceil rint toRadians toDegrees.";
    }
  }
}

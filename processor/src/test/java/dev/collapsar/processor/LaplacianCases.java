package dev.collapsar.processor;

import dev.collapsar.testing.Oracle;
import java.util.List;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The behavioural suite's functions: together they use every supported statement, expression and
 * {@code Math} function. Each is written twice, as Java for the processor and on derivative
 * structures for the oracle; the two are independent codings of the same mathematics.
 */
final class LaplacianCases {
  private LaplacianCases() {}

  static final String HELPERS = """
        static final double SCALE = 1.5;
        static final int STEPS = 4;

        static double bump(double a, double b) {
          return a * Math.exp(-b * b);
        }

        static double twice(double a) {
          return 2 * bump(a, a / 3);
        }
      """;

  private static final String XY = "(double x, double y)";

  static List<LaplacianCase> all() {
    return List.of(
        c("polynomial", XY, "return x * x * y + 3 * x - y * y * y / 2;",
            v -> v[0].multiply(v[0]).multiply(v[1]).add(v[0].multiply(3)).subtract(v[1].pow(3).divide(2)), -2, 2),
        c("sinCos", XY, "return Math.sin(x) * Math.cos(y);", v -> v[0].sin().multiply(v[1].cos()), -3, 3),
        c("tangent", XY, "return Math.tan(x * y);", v -> v[0].multiply(v[1]).tan(), -1, 1),
        c("arcSine", XY, "return Math.asin(x * y);", v -> v[0].multiply(v[1]).asin(), -0.9, 0.9),
        c("arcCosine", XY, "return Math.acos(0.5 * x - 0.3 * y);",
            v -> v[0].multiply(0.5).subtract(v[1].multiply(0.3)).acos(), -1, 1),
        c("arcTangent", XY, "return Math.atan(x / (1 + y * y));",
            v -> v[0].divide(v[1].multiply(v[1]).add(1)).atan(), -3, 3),
        c("arcTangent2", XY, "return Math.atan2(y, x + 2.5);", v -> v[1].atan2(v[0].add(2.5)), -2, 2),
        c("arcTangent2Steep", XY, "return Math.atan2(3 + y, x);", v -> v[1].add(3).atan2(v[0]), -2, 2),
        c("hyperbolic", XY, "return Math.sinh(x) + Math.cosh(x * y);",
            v -> v[0].sinh().add(v[0].multiply(v[1]).cosh()), -2, 2),
        c("tanh", XY, "return Math.tanh(2 * x - y);", v -> v[0].multiply(2).subtract(v[1]).tanh(), -2, 2),
        c("exponential", XY, "return Math.exp(x - y * y);", v -> v[0].subtract(v[1].multiply(v[1])).exp(), -2, 2),
        c("expm1", XY, "return Math.expm1(x * y);", v -> v[0].multiply(v[1]).expm1(), -1, 1),
        c("logarithm", XY, "return Math.log(x * x + y * y);",
            v -> v[0].multiply(v[0]).add(v[1].multiply(v[1])).log(), 0.5, 2),
        c("log1p", XY, "return Math.log1p(x * y);", v -> v[0].multiply(v[1]).log1p(), 0, 2),
        c("log10", XY, "return Math.log10(1 + x * x * y * y);",
            v -> v[0].multiply(v[0]).multiply(v[1]).multiply(v[1]).add(1).log10(), -2, 2),
        c("squareRoot", XY, "return Math.sqrt(1 + x * x + 2 * y * y);",
            v -> v[0].multiply(v[0]).add(v[1].multiply(v[1]).multiply(2)).add(1).sqrt(), -2, 2),
        c("cubeRoot", XY, "return Math.cbrt(x * y + 3);", v -> v[0].multiply(v[1]).add(3).cbrt(), 0.5, 2),
        c("powerConstant", XY, "return Math.pow(x, 3.5) * Math.pow(y, -2);",
            v -> v[0].pow(3.5).multiply(v[1].pow(-2.0)), 0.5, 2),
        c("powerInteger", XY, "return Math.pow(x + y, 3) - Math.pow(x, 2);",
            v -> v[0].add(v[1]).pow(3).subtract(v[0].pow(2)), -2, 2),
        c("powerVariable", XY, "return Math.pow(x, y);", v -> v[0].pow(v[1]), 0.5, 2),
        c("hypotenuse", XY, "return Math.hypot(x, 2 * y);", v -> v[0].hypot(v[1].multiply(2)), 0.5, 2),
        c("absolute", XY, "return Math.abs(x - 0.1) * y * y + Math.abs(y * x);",
            v -> v[0].subtract(0.1).abs().multiply(v[1]).multiply(v[1]).add(v[1].multiply(v[0]).abs()), -2, 2),
        c("minMax", XY, "return Math.max(x, y) * Math.min(x * x, y);",
            v -> max(v[0], v[1]).multiply(min(v[0].multiply(v[0]), v[1])), -2, 2),
        c("piecewiseConstant", XY,
            "return Math.floor(3 * x) + x * Math.signum(y) + Math.rint(y) * x * x + Math.ceil(y) * y;",
            v -> v[0].multiply(3).floor().add(v[0].multiply(v[1].sign())).add(v[1].rint().multiply(v[0]).multiply(v[0]))
                .add(v[1].ceil().multiply(v[1])), -2, 2),
        c("angles", XY, "return Math.sin(Math.toRadians(x * 60)) + Math.toDegrees(y) * 0.01 * y;",
            v -> v[0].multiply(60).toRadians().sin().add(v[1].toDegrees().multiply(0.01).multiply(v[1])), -2, 2),
        c("quotients", XY, "return -(x / (1 + y * y)) / (2 - x);",
            v -> v[0].divide(v[1].multiply(v[1]).add(1)).negate().divide(v[0].negate().add(2)), -1, 1),
        c("localsAndCompound", XY,
            "double a = x * y; a += Math.sin(a); a *= x; a -= y; a /= 2; double b; b = a * a; return b;",
            v -> {
              DerivativeStructure a = v[0].multiply(v[1]);
              a = a.add(a.sin()).multiply(v[0]).subtract(v[1]).divide(2);
              return a.multiply(a);
            }, -2, 2),
        c("intsAndBooleans", XY,
            "int n = 3; boolean positive = x > 0; double r = n * x; if (positive && n > 2) { r = r * y; } "
                + "n++; return r + n / 2 + (double) n;",
            v -> {
              DerivativeStructure r = v[0].multiply(3);
              if (v[0].getValue() > 0) {
                r = r.multiply(v[1]);
              }
              return r.add(2).add(4);
            }, -2, 2),
        c("ifElseReturns", XY,
            "if (x * y > 0.2) { return Math.exp(x); } else { return Math.cos(y) * x; }",
            v -> v[0].getValue() * v[1].getValue() > 0.2 ? v[0].exp() : v[1].cos().multiply(v[0]), -2, 2),
        c("conditionalExpression", XY, "return x > y ? x * x * y : Math.sin(x + y);",
            v -> v[0].getValue() > v[1].getValue() ? v[0].multiply(v[0]).multiply(v[1]) : v[0].add(v[1]).sin(), -2, 2),
        c("constantLoop", XY,
            "double s = 0; for (int i = 1; i <= STEPS; i++) { s += Math.pow(x, i) / i * y; } return s;",
            v -> {
              DerivativeStructure s = v[0].getField().getZero();
              for (int i = 1; i <= 4; i++) {
                s = s.add(v[0].pow(i).divide(i).multiply(v[1]));
              }
              return s;
            }, -2, 2),
        c("nestedLoopsWithBranch", XY,
            "double s = 1; for (int i = 0; i < 3; i++) { for (int j = 0; j < 3; j += 1) { "
                + "if (x > j * 0.3) { s += x * y * i; } else { s -= Math.sin(y * j); } } } return s * s;",
            v -> {
              DerivativeStructure s = v[0].getField().getOne();
              for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                  s = v[0].getValue() > j * 0.3 ? s.add(v[0].multiply(v[1]).multiply(i)) : s.subtract(v[1].multiply(j).sin());
                }
              }
              return s.multiply(s);
            }, -2, 2),
        c("helpers", XY, "return bump(x, y) + twice(y) * x;",
            v -> bump(v[0], v[1]).add(bump(v[1], v[1].divide(3)).multiply(2).multiply(v[0])), -2, 2),
        c("constants", XY, "return SCALE * x * y + Math.PI * x + Math.E + StrictMath.exp(x) * StrictMath.sin(y);",
            v -> v[0].multiply(v[1]).multiply(1.5).add(v[0].multiply(Math.PI)).add(Math.E).add(v[0].exp().multiply(v[1].sin())),
            -2, 2),
        c("earlyReturn", XY, "if (x < 0) return y * y * x; double z = x * y; z = z * z + 1; return z / (1 + x);",
            v -> {
              if (v[0].getValue() < 0) {
                return v[1].multiply(v[1]).multiply(v[0]);
              }
              DerivativeStructure z = v[0].multiply(v[1]);
              return z.multiply(z).add(1).divide(v[0].add(1));
            }, -0.9, 2),
        c("threeDimensions", "(double x, double y, double z)",
            "double r = Math.sqrt(x * x + y * y + z * z); return Math.exp(-r) * (1 + x * z);",
            v -> v[0].multiply(v[0]).add(v[1].multiply(v[1])).add(v[2].multiply(v[2])).sqrt().negate().exp()
                .multiply(v[0].multiply(v[2]).add(1)), 0.2, 2),
        new LaplacianCase("arrayCoordinates", "dim = 4", "(double[] r)",
            "double s = 0; for (int i = 0; i < r.length; i++) { s += r[i] * r[i] * (i + 1); } return Math.exp(-s / 4) + r[0] * r[3];",
            4, v -> {
              DerivativeStructure s = v[0].getField().getZero();
              for (int i = 0; i < 4; i++) {
                s = s.add(v[i].multiply(v[i]).multiply(i + 1));
              }
              return s.divide(4).negate().exp().add(v[0].multiply(v[3]));
            }, -1.5, 1.5));
  }

  private static LaplacianCase c(String name, String declaration, String body, Oracle.DsFunction oracle, double lo, double hi) {
    int dimension = declaration.split(",").length;
    return new LaplacianCase(name, "", declaration, body, dimension, oracle, lo, hi);
  }

  private static DerivativeStructure bump(DerivativeStructure a, DerivativeStructure b) {
    return a.multiply(b.multiply(b).negate().exp());
  }

  private static DerivativeStructure max(DerivativeStructure a, DerivativeStructure b) {
    return a.getValue() >= b.getValue() ? a : b;
  }

  private static DerivativeStructure min(DerivativeStructure a, DerivativeStructure b) {
    return a.getValue() <= b.getValue() ? a : b;
  }
}

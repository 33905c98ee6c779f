package dev.collapsar.processor.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed {@code @LinearPDE} annotations: a fixed list (empty text, unbalanced brackets,
 * {@code D[]}, order 5, unknown names, {@code diffusion} of a scalar, trailing operators, bad names,
 * length and nesting limits…), seeded mutations of valid operators that always break them, and
 * random token soup with at least one token that no operator may contain. The method they annotate
 * is {@code u(double x, double y, double k, double[] b, double[][] S)}.
 */
final class BadOperatorTexts {

  /**
   * One annotation. {@code id} is the expected diagnostic id, or null where any operator id will do
   * (mutations and soup, whose first error depends on where the damage landed).
   */
  record OperatorCase(String name, String text, String wrt, String generatedName, String id) {
    /** The annotation as Java source, on one line. */
    String annotation() {
      StringBuilder a = new StringBuilder("@LinearPDE(value = ").append(javaString(text));
      if (wrt != null) {
        a.append(", wrt = ").append(wrt);
      }
      if (generatedName != null) {
        a.append(", name = ").append(javaString(generatedName));
      }
      return a.append(')').toString();
    }

    @Override
    public String toString() {
      return name + ": " + annotation();
    }
  }

  static final String WRT_XY = "{\"x\", \"y\"}";
  static final List<String> OPERATOR_IDS = List.of("OperatorSyntax", "OperatorVariable", "OperatorOrder",
      "OperatorArgument", "OperatorCoefficient");

  private static final String[] ATOMS = {"u", "D[x]", "D[y]", "D[x,y]", "D[x,x]", "D[y,y,y]", "D[x,x,y,y]", "laplacian",
      "biharmonic"};
  private static final String[] COEFFICIENTS = {"", "0.5*", "k*", "-3*", "k*k*", "(1/k)*", "x*", "2.5e-1*", "-(k/2)*"};
  private static final String[] SOUP = {"D[", "]", "x", "y", "k", ",", "+", "-", "*", "/", "(", ")", "u", "laplacian",
      "biharmonic", "0.5", "2", "diffusion(", "drift(", "S", "b", "D[x]", "D[x,y]", "[", "1e-3", "b[0]"};
  /** Tokens that make any text invalid: characters outside the operator alphabet, and D[]. */
  private static final String[] POISON = {"#", ";", "{", "}", "@", "?", "%", "&", "=", "!", "~", "'", "\\", "`", "∂", "|",
      "^", "<", ">", "\"", "D[]", ":"};

  private BadOperatorTexts() {}

  static List<OperatorCase> fixed() {
    List<OperatorCase> c = new ArrayList<>();
    String syntax = "OperatorSyntax";
    c.add(new OperatorCase("empty", "", WRT_XY, null, syntax));
    c.add(new OperatorCase("blank", "   ", WRT_XY, null, syntax));
    c.add(new OperatorCase("D[]", "D[]", WRT_XY, null, syntax));
    c.add(new OperatorCase("D[] alone, no wrt", "D[]", null, null, syntax));
    c.add(new OperatorCase("unclosed D[", "D[x", WRT_XY, null, syntax));
    c.add(new OperatorCase("extra ]", "D[x]]", WRT_XY, null, syntax));
    c.add(new OperatorCase("D without brackets", "D x", WRT_XY, null, syntax));
    c.add(new OperatorCase("trailing comma in D", "D[x,]", WRT_XY, null, syntax));
    c.add(new OperatorCase("leading comma in D", "D[,x]", WRT_XY, null, syntax));
    c.add(new OperatorCase("D with parentheses", "D(x)", WRT_XY, null, syntax));
    c.add(new OperatorCase("unclosed parenthesis", "(0.5*D[x,x]", WRT_XY, null, syntax));
    c.add(new OperatorCase("extra parenthesis", "0.5*D[x,x])", WRT_XY, null, syntax));
    c.add(new OperatorCase("unbalanced nesting", "((k)*u", WRT_XY, null, syntax));
    c.add(new OperatorCase("order 5", "D[x,x,x,x,x]", WRT_XY, null, "OperatorOrder"));
    c.add(new OperatorCase("order 6 mixed", "D[x,y,x,y,x,y]", WRT_XY, null, "OperatorOrder"));
    c.add(new OperatorCase("order 5 in a sum", "laplacian + D[x,x,x,y,y]", WRT_XY, null, "OperatorOrder"));
    c.add(new OperatorCase("order 5 without wrt", "D[x,x,x,x,x]", null, null, "OperatorOrder"));
    c.add(new OperatorCase("unknown variable", "D[z]", WRT_XY, null, "OperatorVariable"));
    c.add(new OperatorCase("unknown variable without wrt", "D[x,q]", null, null, "OperatorVariable"));
    c.add(new OperatorCase("variable outside wrt", "D[k]", WRT_XY, null, "OperatorVariable"));
    c.add(new OperatorCase("array variable, not an array", "D[x[0]]", WRT_XY, null, "OperatorVariable"));
    c.add(new OperatorCase("element of a weight array", "D[b[1]]", WRT_XY, null, "OperatorVariable"));
    c.add(new OperatorCase("negative index", "D[b[-1]]", WRT_XY, null, syntax));
    c.add(new OperatorCase("unknown coefficient", "q*D[x]", WRT_XY, null, "OperatorCoefficient"));
    c.add(new OperatorCase("array coefficient", "b*D[x]", WRT_XY, null, "OperatorCoefficient"));
    c.add(new OperatorCase("division by zero", "1/0*D[x]", WRT_XY, null, "OperatorCoefficient"));
    c.add(new OperatorCase("diffusion of a scalar", "diffusion(x)", WRT_XY, null, "OperatorArgument"));
    c.add(new OperatorCase("diffusion of a vector", "diffusion(b)", WRT_XY, null, "OperatorArgument"));
    c.add(new OperatorCase("diffusion of an unknown name", "diffusion(Q)", WRT_XY, null, "OperatorArgument"));
    c.add(new OperatorCase("drift of a scalar", "drift(k)", WRT_XY, null, "OperatorArgument"));
    c.add(new OperatorCase("drift of a matrix", "drift(S)", WRT_XY, null, "OperatorArgument"));
    c.add(new OperatorCase("diffusion of nothing", "diffusion()", WRT_XY, null, syntax));
    c.add(new OperatorCase("unclosed drift", "drift(b", WRT_XY, null, syntax));
    c.add(new OperatorCase("trailing +", "D[x] +", WRT_XY, null, syntax));
    c.add(new OperatorCase("trailing -", "D[x,x] -", WRT_XY, null, syntax));
    c.add(new OperatorCase("trailing *", "D[x] *", WRT_XY, null, syntax));
    c.add(new OperatorCase("trailing /", "u /", WRT_XY, null, syntax));
    c.add(new OperatorCase("leading *", "* D[x]", WRT_XY, null, syntax));
    c.add(new OperatorCase("two atoms side by side", "D[x] D[y]", WRT_XY, null, syntax));
    c.add(new OperatorCase("two atoms multiplied", "D[x]*D[y]", WRT_XY, null, syntax));
    c.add(new OperatorCase("u squared", "u*u", WRT_XY, null, syntax));
    c.add(new OperatorCase("division by an atom", "u/D[x]", WRT_XY, null, syntax));
    c.add(new OperatorCase("coefficient without an atom", "2*x + D[x]", WRT_XY, null, syntax));
    c.add(new OperatorCase("number without an atom", "u + 3", WRT_XY, null, syntax));
    c.add(new OperatorCase("malformed exponent", "1e*u", WRT_XY, null, syntax));
    c.add(new OperatorCase("two decimal points", "1.2.3*u", WRT_XY, null, syntax));
    c.add(new OperatorCase("hexadecimal", "0x10*u", WRT_XY, null, syntax));
    c.add(new OperatorCase("function call", "sin(x)*u", WRT_XY, null, syntax));
    c.add(new OperatorCase("laplacian over an unknown variable", "laplacian(x, z)", WRT_XY, null, "OperatorVariable"));
    c.add(new OperatorCase("laplacian over a variable twice", "laplacian(x, x)", WRT_XY, null, syntax));
    c.add(new OperatorCase("laplacian over nothing", "laplacian()", WRT_XY, null, syntax));
    c.add(new OperatorCase("unclosed biharmonic", "biharmonic(x, y", WRT_XY, null, syntax));
    c.add(new OperatorCase("partial sign", "∂x u", WRT_XY, null, syntax));
    c.add(new OperatorCase("superscript", "D[x]²", WRT_XY, null, syntax));
    c.add(new OperatorCase("semicolon", "D[x]; u", WRT_XY, null, syntax));
    c.add(new OperatorCase("equation", "D[x] = u", WRT_XY, null, syntax));
    c.add(new OperatorCase("too deep", "(".repeat(100) + "k" + ")".repeat(100) + "*u", WRT_XY, null, syntax));
    c.add(new OperatorCase("too long", "u" + " + u".repeat(1500), WRT_XY, null, syntax));
    c.add(new OperatorCase("name with a dash", "D[x,x]", WRT_XY, "not-a-name", "BadName"));
    c.add(new OperatorCase("name with a space", "D[x,x]", WRT_XY, "u xx", "BadName"));
    c.add(new OperatorCase("name with parentheses", "D[x,x]", WRT_XY, "uxx()", "BadName"));
    c.add(new OperatorCase("keyword as name", "D[x,x]", WRT_XY, "class", "BadName"));
    c.add(new OperatorCase("name starting with a digit", "D[x,x]", WRT_XY, "2u", "BadName"));
    return c;
  }

  /** A valid operator in x and y (with wrt = {x, y}). */
  static String validOperator(Random random) {
    int terms = 1 + random.nextInt(4);
    StringBuilder op = new StringBuilder();
    for (int i = 0; i < terms; i++) {
      if (i > 0) {
        op.append(random.nextBoolean() ? " + " : " - ");
      }
      op.append(COEFFICIENTS[random.nextInt(COEFFICIENTS.length)]).append(ATOMS[random.nextInt(ATOMS.length)]);
    }
    return op.toString();
  }

  /** A mutation of {@code valid} that no longer parses or resolves. */
  static String mutate(String valid, Random random) {
    switch (random.nextInt(11)) {
      case 0: return valid + new String[] {" +", " -", " *", " /", " + (", ","}[random.nextInt(6)];
      case 1: {
        int close = valid.lastIndexOf(']');
        return close < 0 ? valid + " + D[x" : valid.substring(0, close) + valid.substring(close + 1);
      }
      case 2: return valid + (random.nextBoolean() ? ")" : "]");
      case 3: return "(" + valid;
      case 4: {
        int at = random.nextInt(valid.length() + 1);
        return valid.substring(0, at) + POISON[random.nextInt(POISON.length)] + valid.substring(at);
      }
      case 5: return valid.contains("D[") ? valid.replaceFirst("D\\[[^\\]]*\\]", "D[]") : valid + " + D[]";
      case 6: return valid + (random.nextBoolean() ? " + D[x,x,y,x,y]" : " - 2*D[y,y,y,y,y,y]");
      case 7: return valid + new String[] {" + D[z]", " + D[x,q]", " + q*u", " + D[k]"}[random.nextInt(4)];
      case 8: return valid + new String[] {" + D[x]*D[y]", " + u/D[x]", " + 2*x", " + D[x] D[y]"}[random.nextInt(4)];
      case 9: return valid + " + 1/0*u";
      default: return valid.contains(" + ") ? valid.replaceFirst(" \\+ ", " + * ") : "* " + valid;
    }
  }

  /** Random tokens with at least one poison token among them. */
  static String soup(Random random) {
    List<String> tokens = new ArrayList<>();
    int n = random.nextInt(10);
    for (int i = 0; i < n; i++) {
      tokens.add(SOUP[random.nextInt(SOUP.length)]);
    }
    tokens.add(random.nextInt(tokens.size() + 1), POISON[random.nextInt(POISON.length)]);
    StringBuilder text = new StringBuilder();
    for (String token : tokens) {
      if (text.length() > 0 && random.nextBoolean()) {
        text.append(' ');
      }
      text.append(token);
    }
    return text.toString();
  }

  /** {@code s} as a Java string literal. */
  static String javaString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        default:
          if (ch < 0x20 || ch > 0x7e) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
      }
    }
    return out.append('"').toString();
  }
}

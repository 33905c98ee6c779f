package dev.collapsar.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * A random function of the supported subset, kept as a small tree so that it can be printed as Java
 * for the processor and evaluated on derivative structures for the oracle: two independent readings
 * of one program. Every function application is guarded to stay inside its domain.
 */
final class RandomProgram {
  /** Expressions over the parameters, the locals and an optional loop index. */
  interface Expr {
    String java();

    DerivativeStructure eval(Env env);
  }

  /** Statements. */
  interface Stmt {
    void java(StringBuilder out, String indent);

    /** Executes; returns a value when the statement returned. */
    DerivativeStructure exec(Env env);
  }

  /** Variables during evaluation. */
  static final class Env {
    final java.util.Map<String, DerivativeStructure> doubles = new java.util.HashMap<>();
    final java.util.Map<String, Integer> ints = new java.util.HashMap<>();
    Expr helper;
  }

  final String name;
  final int dimension;
  final List<Stmt> body;
  /** A helper method the body may call, over parameters a and b; null when none. */
  final Expr helper;
  /** The operator of a {@code @LinearPDE} program; null for {@code @Laplacian}. */
  final RandomOperators.Operator operator;

  RandomProgram(String name, int dimension, List<Stmt> body, Expr helper, RandomOperators.Operator operator) {
    this.name = name;
    this.dimension = dimension;
    this.body = body;
    this.helper = helper;
    this.operator = operator;
  }

  /** The same program with top-level statement {@code i} removed (for minimizing a failure). */
  RandomProgram without(int i) {
    List<Stmt> fewer = new ArrayList<>(body);
    fewer.remove(i);
    return new RandomProgram(name, dimension, fewer, helper, operator);
  }

  static String helperName(String program) {
    return "h" + program;
  }

  /** Every program also takes {@code int n}, the bound of its run-time loops; tests pass this value. */
  static final String RUNTIME_BOUND_NAME = "n";
  static final int RUNTIME_BOUND = 3;
  /** Every program also reads a weight array {@code w} (not differentiated) of this length. */
  static final String WEIGHTS_NAME = "w";
  static final double[] WEIGHTS = {0.5, -1.25, 0.75, 2.0};

  static String parameter(int i) {
    return "x" + i;
  }

  String java() {
    StringBuilder out = new StringBuilder();
    if (helper != null) {
      out.append("  static double ").append(helperName(name)).append("(double a, double b) {\n    return ")
          .append(helper.java()).append(";\n  }\n\n");
    }
    if (operator == null) {
      out.append("  @Laplacian\n");
    } else {
      List<String> wrt = new ArrayList<>();
      for (int i = 0; i < dimension; i++) {
        wrt.add("\"" + parameter(i) + "\"");
      }
      out.append("  @LinearPDE(value = \"").append(operator.text()).append("\", wrt = {")
          .append(String.join(", ", wrt)).append("})\n");
    }
    out.append("  static double ").append(name).append('(');
    for (int i = 0; i < dimension; i++) {
      out.append(i > 0 ? ", " : "").append("double ").append(parameter(i));
    }
    out.append(", int ").append(RUNTIME_BOUND_NAME).append(", double[] ").append(WEIGHTS_NAME).append(") {\n");
    for (Stmt s : body) {
      s.java(out, "    ");
    }
    return out.append("  }\n").toString();
  }

  DerivativeStructure eval(DerivativeStructure[] x) {
    Env env = new Env();
    env.helper = helper;
    env.ints.put(RUNTIME_BOUND_NAME, RUNTIME_BOUND);
    for (int i = 0; i < dimension; i++) {
      env.doubles.put(parameter(i), x[i]);
    }
    for (Stmt s : body) {
      DerivativeStructure r = s.exec(env);
      if (r != null) {
        return r;
      }
    }
    throw new IllegalStateException("no return");
  }

  /** Builds random programs. */
  static final class Generator {
    private final SplittableRandom random;
    private final List<String> doubles = new ArrayList<>();
    private final List<String> ints = new ArrayList<>();
    private int locals;
    private int depth;

    Generator(long seed) {
      this.random = new SplittableRandom(seed);
    }

    private String helperName;
    private boolean inHelper;

    RandomProgram program(String name) {
      int dimension = 1 + random.nextInt(4);
      Expr helper = null;
      if (random.nextInt(3) == 0) {
        doubles.add("a");
        doubles.add("b");
        inHelper = true; // the helper sees only a and b
        helper = expression(3);
        inHelper = false;
        doubles.clear();
        helperName = helperName(name);
      }
      for (int i = 0; i < dimension; i++) {
        doubles.add(parameter(i));
      }
      List<Stmt> body = new ArrayList<>();
      int statements = 1 + random.nextInt(5);
      for (int i = 0; i < statements; i++) {
        body.add(statement(true));
      }
      if (random.nextInt(4) == 0) {
        Expr c = comparison();
        Expr e = expression(3);
        body.add(Stmts.earlyReturn(c, e));
      }
      body.add(Stmts.ret(expression(3)));
      RandomOperators.Operator operator = null;
      if (random.nextBoolean()) {
        List<String> variables = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
          variables.add(parameter(i));
        }
        operator = RandomOperators.generate(random, variables, null, 0);
      }
      return new RandomProgram(name, dimension, body, helper, operator);
    }

    private Stmt statement(boolean topLevel) {
      int kind = random.nextInt(depth > 1 ? 2 : 5);
      switch (kind) {
        case 0: {
          String v = "v" + locals++;
          Stmt s = Stmts.declare(v, expression(3));
          doubles.add(v);
          return s;
        }
        case 1: {
          String target = pick(doubles);
          String op = new String[] {"=", "+=", "-=", "*="}[random.nextInt(4)];
          return Stmts.assign(target, op, expression(2));
        }
        case 2: {
          depth++;
          List<Stmt> then = block();
          List<Stmt> otherwise = random.nextBoolean() ? block() : null;
          depth--;
          return Stmts.ifElse(comparison(), then, otherwise);
        }
        case 3: {
          depth++;
          String index = "i" + locals++;
          int bound = random.nextBoolean() ? -1 : 1 + random.nextInt(4); // −1: to the run-time n
          ints.add(index);
          List<Stmt> body = block();
          ints.remove(index);
          depth--;
          return Stmts.loop(index, bound, body);
        }
        default: {
          String v = "v" + locals++;
          Stmt s = Stmts.declare(v, expression(4));
          doubles.add(v);
          return s;
        }
      }
    }

    /** A block may only assign variables declared before it (declarations inside stay inside). */
    private List<Stmt> block() {
      int visible = doubles.size();
      List<Stmt> statements = new ArrayList<>();
      int n = 1 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        statements.add(statement(false));
      }
      while (doubles.size() > visible) {
        doubles.remove(doubles.size() - 1);
      }
      return statements;
    }

    private Expr comparison() {
      return Exprs.compare(expression(2), random.nextBoolean() ? ">" : "<=", expression(1));
    }

    Expr expression(int budget) {
      if (budget <= 0 || random.nextInt(4) == 0) {
        return leaf();
      }
      int kind = random.nextInt(10);
      if (kind < 4) {
        String op = new String[] {"+", "-", "*", "/"}[kind];
        return Exprs.binary(expression(budget - 1), op, expression(budget - 1));
      }
      if (kind == 8 && helperName != null) {
        return Exprs.call(helperName, expression(budget - 1), expression(budget - 1));
      }
      if (kind < 9) {
        return Exprs.function(Exprs.FUNCTIONS.get(random.nextInt(Exprs.FUNCTIONS.size())),
            expression(budget - 1), expression(budget - 2));
      }
      return Exprs.negate(expression(budget - 1));
    }

    private Expr leaf() {
      if (!inHelper && random.nextInt(6) == 0) {
        // an element of the weight array: by a constant, or by a loop index (every loop has ≤ 4 trips)
        return ints.isEmpty() || random.nextBoolean() ? Exprs.weight(Integer.toString(random.nextInt(WEIGHTS.length)))
            : Exprs.weight(pick(ints));
      }
      int kind = random.nextInt(ints.isEmpty() ? 4 : 5);
      if (kind == 4) {
        return Exprs.intVariable(pick(ints));
      }
      if (kind == 3) {
        return Exprs.constant(Math.round(random.nextDouble(-3, 3) * 4) / 4.0);
      }
      return Exprs.variable(pick(doubles));
    }

    private String pick(List<String> names) {
      return names.get(random.nextInt(names.size()));
    }
  }
}

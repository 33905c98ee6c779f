package dev.collapsar.processor.fuzz;

import dev.collapsar.processor.fuzz.RandomProgram.Expr;
import dev.collapsar.processor.fuzz.RandomProgram.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Builds random programs of the supported subset: scalar or array coordinates (with and without
 * {@code dim}, up to 40 of them so that methods split), locals, branches, constant and run-time loops
 * (nested, to n or to an array's length), local arrays of constant and run-time length with element
 * writes, layer loops that end in {@code h = z}, aliases between local arrays, weights read with
 * run-time indices, helper calls and early returns; operators: the Laplacian, random {@code D[…]}
 * operators up to order 4, estimators along given directions, and {@code diffusion}/{@code drift}.
 * Every array index is in bounds by construction: each int variable carries the bound it stays under.
 */
final class ProgramGenerator {
  /** An int loop index and the bound it stays under. */
  private record Index(String name, int bound) {}

  /** An array in scope and its length; the coordinates are never written. */
  private record Array(String name, int length, String lengthText, boolean local) {}

  private final SplittableRandom random;
  private final List<String> doubles = new ArrayList<>();
  private final List<Index> ints = new ArrayList<>();
  private final List<Array> arrays = new ArrayList<>();
  private final Set<String> constructs = new TreeSet<>();
  private Shape shape;
  private int locals;
  private int depth;
  private int runTimeLoops;
  private String helperName;
  private boolean inHelper;

  ProgramGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  RandomProgram program(String name) {
    shape = shape();
    Expr helper = null;
    if (random.nextInt(3) == 0) {
      doubles.add("a");
      doubles.add("b");
      inHelper = true; // the helper sees only a and b
      helper = expression(3);
      inHelper = false;
      doubles.clear();
      helperName = RandomProgram.helperName(name);
      constructs.add("helper call");
    }
    if (shape.array()) {
      arrays.add(new Array("x", shape.dimension(), "x.length", false));
    } else {
      doubles.addAll(shape.coordinates());
    }
    List<Stmt> body = new ArrayList<>();
    int statements = 1 + random.nextInt(5);
    for (int i = 0; i < statements; i++) {
      body.add(statement());
    }
    if (random.nextInt(4) == 0) {
      body.add(Stmts.earlyReturn(comparison(), expression(3)));
      constructs.add("early return");
    }
    body.add(Stmts.ret(expression(3)));
    return new RandomProgram(name, shape, body, helper, Set.copyOf(constructs));
  }

  private Shape shape() {
    int k = random.nextInt(20);
    Shape.Kind kind = k < 7 ? Shape.Kind.LAPLACIAN : k < 14 ? Shape.Kind.OPERATOR : k < 17 ? Shape.Kind.ESTIMATE
        : Shape.Kind.DIFFUSION;
    boolean secondOrder = kind == Shape.Kind.LAPLACIAN || kind == Shape.Kind.ESTIMATE;
    boolean array = random.nextBoolean();
    boolean dimGiven = !array || !secondOrder || random.nextInt(3) > 0;
    int dimension = 1 + random.nextInt(4);
    if (array && secondOrder && random.nextInt(6) == 0) {
      dimension = 12 + random.nextInt(29); // large enough to split methods and to need several lane blocks
      constructs.add("dimension 12..40");
    }
    constructs.add(!array ? "scalar coordinates" : dimGiven ? "double[] coordinates with dim"
        : "double[] coordinates of run-time length");
    constructs.add(kind.name().toLowerCase(java.util.Locale.ROOT));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      names.add(array ? "x[" + i + "]" : "x" + i);
    }
    RandomOperators.Operator operator = kind == Shape.Kind.OPERATOR
        || kind == Shape.Kind.DIFFUSION && random.nextBoolean() ? RandomOperators.generate(random, names, null, 0) : null;
    double[][] directions = kind == Shape.Kind.ESTIMATE
        ? Shape.gaussianRows(random, 1 + random.nextInt(random.nextInt(4) == 0 ? 12 : 4), dimension) : null;
    Shape.Diffusion diffusion = kind == Shape.Kind.DIFFUSION
        ? new Shape.Diffusion(Shape.gaussianRows(random, dimension, 1 + random.nextInt(4)),
            Shape.gaussianRows(random, 1, dimension)[0], weight(), weight()) : null;
    return new Shape(dimension, array, dimGiven, kind, operator, directions, diffusion);
  }

  private double weight() {
    double w = Math.round(random.nextDouble(-3, 3) * 4) / 4.0;
    return w == 0 ? 1.5 : w;
  }

  private Stmt statement() {
    int kind = random.nextInt(depth > 1 ? 2 : 9);
    switch (kind) {
      case 0: return declare(3);
      case 1: return doubles.isEmpty() ? declare(2) : Stmts.assign(pick(doubles), op(), expression(2));
      case 2: return branch();
      case 3: return loop();
      case 4: return declare(4);
      case 5: return newArray();
      case 6: return elementWrite();
      case 7: return depth == 0 ? layerLoop() : alias();
      default: return alias();
    }
  }

  private Stmt declare(int budget) {
    String v = "v" + locals++;
    Stmt s = Stmts.declare(v, expression(budget));
    doubles.add(v);
    return s;
  }

  private String op() {
    return new String[] {"=", "+=", "-=", "*="}[random.nextInt(4)];
  }

  private Stmt branch() {
    depth++;
    List<Stmt> then = block();
    List<Stmt> otherwise = random.nextBoolean() ? block() : null;
    depth--;
    constructs.add("branch");
    return Stmts.ifElse(comparison(), then, otherwise);
  }

  /** A loop to a constant, to n, or over an array's length. */
  private Stmt loop() {
    depth++;
    String index = "i" + locals++;
    int choice = random.nextInt(3);
    String bound;
    int limit;
    if (choice == 0) {
      limit = 1 + random.nextInt(4);
      bound = Integer.toString(limit);
    } else if (choice == 1 || arrays.isEmpty()) {
      limit = Shape.RUNTIME_BOUND;
      bound = Shape.BOUND;
    } else {
      Array a = pickArray(false);
      limit = a.length();
      bound = a.lengthText();
    }
    boolean runTime = choice != 0;
    if (runTime) {
      constructs.add(++runTimeLoops > 1 && depth > 1 ? "nested run-time loops" : "run-time loop");
    }
    ints.add(new Index(index, limit));
    List<Stmt> body = block();
    ints.remove(ints.size() - 1);
    if (runTime) {
      runTimeLoops--;
    }
    depth--;
    return Stmts.loop(index, bound, body);
  }

  /** {@code double[] h = new double[len];} and a loop that fills it. */
  private Stmt newArray() {
    String name = "h" + locals++;
    int choice = random.nextInt(3);
    Array array;
    if (choice == 0 || arrays.isEmpty()) {
      int length = choice == 0 ? 1 + random.nextInt(4) : Shape.RUNTIME_BOUND;
      String text = choice == 0 ? Integer.toString(length) : Shape.BOUND;
      array = new Array(name, length, name + ".length", true);
      constructs.add(choice == 0 ? "local array of constant length" : "local array of run-time length");
      return fill(array, Stmts.newArray(name, text));
    }
    Array other = pickArray(false);
    array = new Array(name, other.length(), name + ".length", true);
    constructs.add("local array of run-time length");
    return fill(array, Stmts.newArray(name, other.lengthText()));
  }

  private Stmt fill(Array array, Stmt declaration) {
    String i = "i" + locals++;
    ints.add(new Index(i, array.length()));
    Expr value = expression(2);
    ints.remove(ints.size() - 1);
    arrays.add(array);
    constructs.add("element write");
    return Stmts.sequence(List.of(declaration,
        Stmts.loop(i, array.lengthText(), List.of(Stmts.setElement(array.name(), i, "=", value)))));
  }

  private Stmt elementWrite() {
    Array a = pickArray(true);
    if (a == null) {
      return newArray();
    }
    constructs.add("element write");
    return Stmts.setElement(a.name(), index(a.length()), op(), expression(2));
  }

  /**
   * {@code for (l < n) { z = new double[h.length]; for (i) { a = m[l][i]; for (j) a += m[i][j]·h[j];
   * z[i] = f(a); } h = z; }}: the layer loop of a network, over a local array h.
   */
  private Stmt layerLoop() {
    Array h = pickArray(true);
    if (h == null) {
      return newArray();
    }
    String l = "l" + locals++;
    String z = "z" + locals++;
    String i = "i" + locals++;
    String j = "j" + locals++;
    String a = "a" + locals++;
    Stmt sum = Stmts.loop(j, h.lengthText(), List.of(Stmts.assign(a, "+=",
        Exprs.binary(Exprs.matrix(i, j), "*", Exprs.element(h.name(), j)))));
    ints.add(new Index(i, h.length()));
    doubles.add(a);
    Expr activation = random.nextBoolean() ? Exprs.function(Exprs.FUNCTIONS.get(9), Exprs.variable(a), Exprs.constant(0))
        : Exprs.binary(Exprs.variable(a), "+", expression(2));
    doubles.remove(a);
    ints.remove(ints.size() - 1);
    Stmt unit = Stmts.loop(i, z + ".length", List.of(Stmts.declare(a, Exprs.matrix(l, i)), sum,
        Stmts.setElement(z, i, "=", activation)));
    constructs.add("layer loop h = z");
    return Stmts.loop(l, Shape.BOUND, List.of(Stmts.newArray(z, h.lengthText()), unit, Stmts.alias(h.name(), z)));
  }

  /** {@code h = g} between two local arrays of the same length. */
  private Stmt alias() {
    Array target = pickArray(true);
    if (target == null) {
      return declare(2);
    }
    List<Array> same = arrays.stream().filter(a -> a.local() && a.length() == target.length()
        && !a.name().equals(target.name())).toList();
    if (same.isEmpty()) {
      return elementWrite();
    }
    constructs.add("array alias");
    return Stmts.alias(target.name(), same.get(random.nextInt(same.size())).name());
  }

  /** A block may only assign variables declared before it (declarations inside stay inside). */
  private List<Stmt> block() {
    int visibleDoubles = doubles.size();
    int visibleArrays = arrays.size();
    List<Stmt> statements = new ArrayList<>();
    int n = 1 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      statements.add(statement());
    }
    doubles.subList(visibleDoubles, doubles.size()).clear();
    arrays.subList(visibleArrays, arrays.size()).clear();
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
    if (!inHelper) {
      int kind = random.nextInt(8);
      if (kind == 0) { // weights: w by a constant or a small index, m by any index
        List<Index> small = ints.stream().filter(i -> i.bound() <= Shape.WEIGHTS.length).toList();
        return small.isEmpty() || random.nextBoolean() ? Exprs.weight(Integer.toString(random.nextInt(Shape.WEIGHTS.length)))
            : Exprs.weight(small.get(random.nextInt(small.size())).name());
      }
      if (kind == 1) {
        return Exprs.matrix(index(Shape.MATRIX_SIZE), index(Shape.MATRIX_SIZE));
      }
      if ((kind <= 4 || doubles.isEmpty()) && !arrays.isEmpty()) {
        Array a = pickArray(false);
        return Exprs.element(a.name(), index(a.length()));
      }
      if (kind == 5 && !ints.isEmpty()) {
        return Exprs.intVariable(ints.get(random.nextInt(ints.size())).name());
      }
    }
    if (doubles.isEmpty() || random.nextInt(5) == 0) {
      return Exprs.constant(Math.round(random.nextDouble(-3, 3) * 4) / 4.0);
    }
    return Exprs.variable(pick(doubles));
  }

  /** An index below {@code length}: a loop index whose bound allows it, or a constant. */
  private String index(int length) {
    List<Index> fitting = ints.stream().filter(i -> i.bound() <= length).toList();
    if (!fitting.isEmpty() && random.nextInt(3) > 0) {
      return fitting.get(random.nextInt(fitting.size())).name();
    }
    return Integer.toString(random.nextInt(Math.min(length, 4)));
  }

  /** A random array in scope (only local ones if {@code local}), or null if there is none. */
  private Array pickArray(boolean local) {
    List<Array> candidates = local ? arrays.stream().filter(Array::local).toList() : arrays;
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  private String pick(List<String> names) {
    return names.get(random.nextInt(names.size()));
  }
}

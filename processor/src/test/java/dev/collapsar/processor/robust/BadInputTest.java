package dev.collapsar.processor.robust;

import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.processor.robust.BadConstructs.Construct;
import dev.collapsar.processor.robust.BadOperatorTexts.OperatorCase;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Bad input (issue 7, item 2): every construct of {@link BadConstructs}, placed at seeded random
 * positions (start, middle, inside an if, inside an else, inside a constant loop, inside a helper,
 * inside a helper of another class of the same file, inside a helper that two annotated methods
 * share, inside a helper of a nested class)
 * of small random valid bodies under {@code @Laplacian} or {@code @LinearPDE}, and every malformed
 * operator of {@link BadOperatorTexts}. Each case is one class in its own file, so that its errors
 * can be told from its neighbours' in one compilation of many files. For each case:
 *
 * <ul>
 *   <li>the source is valid Java: javac without Collapsar compiles it without error;
 *   <li>with the construct replaced by {@code t = t + 1.0;} (or the operator by a valid one) the
 *       processor accepts it and generates code, so the construct alone is what is rejected;
 *   <li>with Collapsar, exactly one error: {@code [Collapsar/Id]} with an id that
 *       {@code docs/diagnostics.md} documents (never {@code InternalError}), the expected id, a full
 *       sentence, the pointer to the docs, on the line of the offending construct (the annotation's
 *       line for operator text), and no generated class;
 *   <li>the processor never throws (compile-testing would rethrow it here).
 * </ul>
 *
 * <p>{@code -Dcollapsar.badInput.seed=S} draws other bodies, positions and operators;
 * {@code -Dcollapsar.badInput.positions=7} puts every construct at every position (default 3 of the 7
 * without known defects);
 * {@code -Dcollapsar.badInput.print=true} prints every case with its error.
 * A construct listed in {@link #KNOWN_DEFECTS} is still compiled and checked, but its failures are
 * printed instead of failing the test (and a known defect that passes is reported as fixed).
 */
class BadInputTest {
  private static final int BATCH = 40;
  private static final String CONTROL_STATEMENT = "t = t + 1.0;";

  /**
   * Constructs or positions (by name) whose diagnostic is known to be wrong, with what is wrong.
   * Each must be fixed in the processor's frontend before landing; the test prints them on every
   * run. Known-defect positions are tried with every construct; the others are drawn at random.
   */
  static final Map<String, String> KNOWN_DEFECTS = Map.of();

  /** Where a construct is placed. */
  enum Position {
    START, MIDDLE, IN_IF, IN_ELSE, IN_LOOP, IN_HELPER, IN_OTHER_CLASS,
    /** In a helper that u and a second annotated method v both call. */
    IN_SHARED_HELPER,
    /** In a helper of a static nested class, called as {@code Helpers.helper(...)}. */
    IN_NESTED_CLASS
  }

  /** A case without its bad construct, which must compile; {@code known} as for {@link Case}. */
  record Control(String source, String known) {}

  /** One compiled class: its source, the line of the expected error and the ids accepted there. */
  record Case(String className, String source, long line, Set<String> ids, String known, String description,
      String pending) {}

  /**
   * A sentence: it starts with a capital letter, or with code such as {@code @LinearPDE} or
   * {@code name = "…"}, has at least three words, and ends with a period.
   */
  private static final Pattern FULL_SENTENCE =
      Pattern.compile("^(?:[A-Z@`]|[a-z]\\w* = )\\S*(?: \\S+){2,}\\.$", Pattern.DOTALL);

  private static final Pattern DOC_ID = Pattern.compile("^### (\\w+)\\s*$", Pattern.MULTILINE);

  @Test
  void everyUnsupportedConstructGivesOneClearError() throws IOException {
    long seed = Long.getLong("collapsar.badInput.seed", 20261207L);
    int positionsPerConstruct = Integer.getInteger("collapsar.badInput.positions", 3);
    Random random = new Random(seed);
    List<Case> bad = new ArrayList<>();
    List<Control> controls = new ArrayList<>();
    int index = 0;
    for (Construct construct : BadConstructs.all()) {
      List<Position> positions = new ArrayList<>();
      List<Position> known = new ArrayList<>();
      for (Position p : Position.values()) {
        (KNOWN_DEFECTS.containsKey(p.name()) ? known : positions).add(p);
      }
      java.util.Collections.shuffle(positions, random);
      positions = new ArrayList<>(positions.subList(0, Math.min(positionsPerConstruct, positions.size())));
      positions.addAll(known);
      for (Position position : positions) {
        JavaCase j = new JavaCase(construct, position, random.nextLong(), random.nextInt(3) == 0);
        String name = "Case" + index++;
        String defect = KNOWN_DEFECTS.getOrDefault(construct.name(), KNOWN_DEFECTS.get(position.name()));
        bad.add(new Case(name, j.source(name, false), line(j.source(name, false)), Set.of(construct.id()),
            defect, construct.name() + " at " + position + (j.pde ? " (@LinearPDE)" : ""), construct.pending()));
        controls.add(new Control(j.source("Control" + (index - 1), true), defect));
      }
    }
    run("unsupported constructs", bad, controls);
  }

  @Test
  void everyMalformedOperatorGivesOneClearError() throws IOException {
    long seed = Long.getLong("collapsar.badInput.seed", 20261207L);
    Random random = new Random(seed ^ 0x5DEECE66DL);
    List<OperatorCase> operators = new ArrayList<>(BadOperatorTexts.fixed());
    Set<String> anyOperatorId = new LinkedHashSet<>(BadOperatorTexts.OPERATOR_IDS);
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String base = BadOperatorTexts.validOperator(random);
      valid.add(base);
      operators.add(new OperatorCase("mutation of " + base, BadOperatorTexts.mutate(base, random), BadOperatorTexts.WRT_XY,
          null, null));
    }
    for (int i = 0; i < 50; i++) {
      operators.add(new OperatorCase("soup", BadOperatorTexts.soup(random), random.nextBoolean() ? BadOperatorTexts.WRT_XY : null,
          null, null));
    }
    List<Case> bad = new ArrayList<>();
    List<Control> controls = new ArrayList<>();
    for (int i = 0; i < operators.size(); i++) {
      OperatorCase o = operators.get(i);
      String name = "Op" + i;
      String source = operatorSource(name, o.annotation() + " " + BadConstructs.MARK, new Random(random.nextLong()));
      bad.add(new Case(name, source, line(source), o.id() == null ? anyOperatorId : Set.of(o.id()),
          KNOWN_DEFECTS.get(o.name()), o.toString(), ""));
    }
    for (int i = 0; i < valid.size(); i++) {
      String annotation = new OperatorCase("valid", valid.get(i), BadOperatorTexts.WRT_XY, null, null).annotation();
      controls.add(new Control(operatorSource("OpControl" + i, annotation, new Random(i)), null));
    }
    controls.add(new Control(operatorSource("OpControlNamed",
        "@LinearPDE(value = \"D[x,x]\", wrt = {\"x\", \"y\"}, name = \"uxx\")", new Random(1)), null));
    run("malformed operators", bad, controls);
  }

  // ---- running and checking

  private void run(String what, List<Case> cases, List<Control> controls) throws IOException {
    Set<String> documented = documentedIds();
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    Map<String, List<String>> knownFailures = new TreeMap<>();
    Set<String> knownPassing = new java.util.TreeSet<>();
    Map<String, Integer> byId = new TreeMap<>();
    for (int from = 0; from < cases.size(); from += BATCH) {
      List<Case> batch = cases.subList(from, Math.min(cases.size(), from + BATCH));
      Map<String, String> sources = new LinkedHashMap<>();
      batch.forEach(c -> sources.put("bad." + c.className(), c.source()));
      assertValidJava(sources);
      CompiledSources compiled = CollapsarCompiler.with(CollapsarProcessor::new).compile(sources);
      int attributed = 0;
      for (Case c : batch) {
        List<Diagnostic<? extends JavaFileObject>> errors = errorsOf(compiled, c.className());
        attributed += errors.size();
        List<String> problems = problems(c, errors, compiled, documented);
        if (errors.size() == 1) {
          byId.merge(idOf(errors.get(0).getMessage(Locale.ROOT)), 1, Integer::sum);
        }
        if (Boolean.getBoolean("collapsar.badInput.print")) {
          System.out.println(c.description() + "\n  " + describe(errors).trim());
        }
        if (c.known() != null) {
          if (problems.isEmpty()) {
            knownPassing.add(c.description());
          } else {
            knownFailures.computeIfAbsent(c.known(), k -> new ArrayList<>()).add(c.description() + ": " + problems);
          }
        } else if (!problems.isEmpty()) {
          failures.add(c.description() + " (" + c.className() + "):\n    " + String.join("\n    ", problems)
              + (c.pending().isEmpty() ? "" : "\n    NOTE: " + c.pending()) + "\n" + numbered(c.source()));
        }
      }
      if (attributed != compiled.errors().size()) {
        failures.add("errors outside the cases' files:\n" + compiled.describeDiagnostics());
      }
    }
    for (int from = 0; from < controls.size(); from += BATCH) {
      checkControls(controls.subList(from, Math.min(controls.size(), from + BATCH)), knownFailures);
    }
    System.out.printf("bad input, %s: %d cases, %d controls in %.1f s; errors by id: %s%n", what, cases.size(),
        controls.size(), (System.nanoTime() - start) / 1e9, byId);
    knownFailures.forEach((defect, list) -> System.out.println("KNOWN DEFECT (skipped in " + list.size()
        + " cases): " + defect + "\n  for example " + String.join("\n  ", list.subList(0, Math.min(3, list.size())))));
    knownPassing.forEach(c -> System.out.println("KNOWN DEFECT NOW PASSES, remove it from KNOWN_DEFECTS: " + c));
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " of " + cases.size() + " cases fail:\n" + String.join("\n", failures));
    }
  }

  private static List<String> problems(Case c, List<Diagnostic<? extends JavaFileObject>> errors, CompiledSources compiled,
      Set<String> documented) {
    List<String> problems = new ArrayList<>();
    if (compiled.hasGeneratedSource("bad." + c.className() + "Operators")) {
      problems.add("a class was generated for it");
    }
    if (errors.size() != 1) {
      problems.add("expected exactly one error, got " + errors.size() + ": " + describe(errors));
      return problems;
    }
    Diagnostic<? extends JavaFileObject> error = errors.get(0);
    String message = error.getMessage(Locale.ROOT);
    String id = idOf(message);
    if (id == null) {
      problems.add("the message does not start with [Collapsar/Id]: " + message);
      return problems;
    }
    if (id.equals("InternalError") || !documented.contains(id)) {
      problems.add("id " + id + (id.equals("InternalError") ? " (a processor failure)" : " is not in docs/diagnostics.md")
          + ": " + message);
    } else if (!c.ids().contains(id)) {
      problems.add("expected id " + c.ids() + ", got " + id + ": " + message);
    }
    String sentence = sentence(message);
    if (!FULL_SENTENCE.matcher(sentence).matches()) {
      problems.add("not a full sentence: \"" + sentence + "\"");
    }
    if (!message.endsWith("(Collapsar docs: diagnostics, " + id + ")")) {
      problems.add("does not end with the name of its entry in the diagnostics docs: " + message);
    }
    if (!message.contains(" Hint: ") || message.contains("README") || message.contains("docs/")) {
      problems.add("has no hint of its own (or sends the user to a file): " + message);
    }
    if (error.getLineNumber() != c.line()) {
      problems.add("on line " + error.getLineNumber() + ", expected line " + c.line() + ": " + message);
    }
    return problems;
  }

  private static String idOf(String message) {
    Matcher m = Pattern.compile("^\\[Collapsar/(\\w+)\\] ").matcher(message);
    return m.find() ? m.group(1) : null;
  }

  /** The message between the tag and the hint (or the docs pointer). */
  private static String sentence(String message) {
    String body = message.substring(message.indexOf("] ") + 2);
    for (String end : new String[] {" Hint: ", " (Collapsar docs: "}) {
      int at = body.indexOf(end);
      if (at >= 0) {
        body = body.substring(0, at);
      }
    }
    return body.trim();
  }

  private static List<Diagnostic<? extends JavaFileObject>> errorsOf(CompiledSources c, String className) {
    List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      if (d.getSource() != null && d.getSource().toUri().getPath().endsWith("/" + className + ".java")) {
        errors.add(d);
      }
    }
    return errors;
  }

  private static String describe(List<Diagnostic<? extends JavaFileObject>> errors) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : errors) {
      out.append("\n      line ").append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT));
    }
    return out.toString();
  }

  /** javac alone (a processor that claims nothing) must accept every case: only Collapsar rejects them. */
  private static void assertValidJava(Map<String, String> sources) {
    CompiledSources plain = CollapsarCompiler.with(NoProcessor::new).compile(sources);
    if (!plain.errors().isEmpty()) {
      throw new AssertionError("the generator produced invalid Java:\n" + plain.describeDiagnostics());
    }
  }

  /**
   * With the construct replaced by a plain statement, the processor accepts every method and
   * generates code. A failing control of a known defect is recorded in {@code knownFailures}.
   */
  private static void checkControls(List<Control> controls, Map<String, List<String>> knownFailures) {
    Map<String, Control> byName = new LinkedHashMap<>();
    Map<String, String> sources = new LinkedHashMap<>();
    for (Control control : controls) {
      Matcher m = Pattern.compile("final class (\\w+)").matcher(control.source());
      m.find();
      byName.put(m.group(1), control);
      sources.put("bad." + m.group(1), control.source());
    }
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).compile(sources);
    List<String> failures = new ArrayList<>();
    byName.forEach((name, control) -> {
      List<Diagnostic<? extends JavaFileObject>> errors = errorsOf(c, name);
      if (errors.isEmpty() && c.hasGeneratedSource("bad." + name + "Operators")) {
        return;
      }
      String problem = "control " + name + (errors.isEmpty() ? " generated no code" : " is rejected:" + describe(errors));
      if (control.known() != null) {
        knownFailures.computeIfAbsent(control.known(), k -> new ArrayList<>()).add(problem);
      } else {
        failures.add(problem + "\n" + numbered(control.source()));
      }
    });
    if (!failures.isEmpty()) {
      throw new AssertionError("a control (a case without its bad construct) does not compile:\n"
          + String.join("\n", failures));
    }
  }

  private static long line(String source) {
    String[] lines = source.split("\n", -1);
    long found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(BadConstructs.MARK)) {
        if (found >= 0) {
          throw new IllegalStateException("two markers in\n" + source);
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new IllegalStateException("no marker in\n" + source);
    }
    return found;
  }

  private static String numbered(String source) {
    StringBuilder out = new StringBuilder();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("    %3d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }

  private static Set<String> documentedIds() throws IOException {
    Path docs = Path.of("..", "docs", "diagnostics.md");
    if (!Files.exists(docs)) {
      docs = Path.of("docs", "diagnostics.md");
    }
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = DOC_ID.matcher(Files.readString(docs));
    while (m.find()) {
      ids.add(m.group(1));
    }
    if (ids.size() < 20) {
      throw new AssertionError("docs/diagnostics.md lists only " + ids);
    }
    return ids;
  }

  // ---- sources

  /** One construct at one position of a random valid body. */
  private static final class JavaCase {
    private final Construct construct;
    private final Position position;
    private final long seed;
    final boolean pde;

    JavaCase(Construct construct, Position position, long seed, boolean pde) {
      this.construct = construct;
      this.position = position;
      this.seed = seed;
      this.pde = pde;
    }

    String source(String className, boolean control) {
      Bodies body = new Bodies(new Random(seed));
      boolean other = position == Position.IN_OTHER_CLASS;
      boolean nested = position == Position.IN_NESTED_CLASS;
      boolean shared = position == Position.IN_SHARED_HELPER;
      String holder = other ? className + "Helpers" : nested ? "Helpers" : className;
      String snippet = control ? CONTROL_STATEMENT
          : construct.statement().replace("{C}", holder).replace("{U}", className);
      String members = construct.members().replace("{C}", holder).replace("{U}", className);
      if (control) {
        members = members.replace(BadConstructs.MARK, "");
      }
      StringBuilder s = new StringBuilder("package bad;\n\nimport dev.collapsar.*;\nimport java.util.Objects;\n\n")
          .append("final class ").append(className).append(" {\n");
      if (other || nested) {
        s.append("  // helpers: ").append(holder).append('\n');
      } else {
        s.append(members);
      }
      if (position == Position.IN_HELPER || shared) {
        helper(s, snippet);
      }
      s.append(pde ? "  @LinearPDE(value = \"laplacian + 0.5*D[x] - u\", wrt = {\"x\", \"y\"})\n" : "  @Laplacian(wrt = {\"x\", \"y\"})\n")
          .append("  static double u(double x, double y, int n, double[] w) {\n")
          .append("    double t = ").append(body.expression(2)).append(";\n");
      body.names.add("t");
      if (position == Position.START) {
        s.append("    ").append(snippet).append('\n');
      }
      body.statements(s, 1 + body.random.nextInt(3));
      switch (position) {
        case MIDDLE: s.append("    ").append(snippet).append('\n'); break;
        case IN_IF: s.append("    if (x > y) {\n      ").append(snippet).append("\n    }\n"); break;
        case IN_ELSE: s.append("    if (x > y) {\n      t = t + 1;\n    } else {\n      ").append(snippet).append("\n    }\n"); break;
        case IN_LOOP: s.append("    for (int iw = 0; iw < 3; iw++) {\n      ").append(snippet).append("\n    }\n"); break;
        case IN_HELPER: case IN_SHARED_HELPER: s.append("    t = t + helper(x, y, n, w);\n"); break;
        case IN_OTHER_CLASS: case IN_NESTED_CLASS:
          s.append("    t = t + ").append(holder).append(".helper(x, y, n, w);\n");
          break;
        default: break;
      }
      body.statements(s, body.random.nextInt(3));
      s.append("    return ").append(body.expression(1)).append(" * t;\n  }\n");
      if (shared) {
        s.append("  @Laplacian(wrt = {\"x\", \"y\"})\n  static double v(double x, double y, int n, double[] w) {\n")
            .append("    return helper(x, y, n, w) * x;\n  }\n");
      }
      if (nested) {
        s.append("  static final class Helpers {\n").append(members);
        helper(s, snippet);
        s.append("  }\n");
      }
      s.append("}\n");
      if (other) {
        s.append("\nfinal class ").append(holder).append(" {\n").append(members);
        helper(s, snippet);
        s.append("}\n");
      }
      return s.toString();
    }

    private void helper(StringBuilder s, String snippet) {
      s.append("  static double helper(double x, double y, int n, double[] w) {\n    double t = x * y + 0.5;\n");
      Bodies helperBody = new Bodies(new Random(~seed));
      helperBody.names.add("t");
      helperBody.statements(s, 1);
      s.append("    ").append(snippet).append("\n    return t;\n  }\n");
    }
  }

  /** The method of an operator case: a random smooth body in x, y and k. */
  private static String operatorSource(String className, String annotation, Random random) {
    Bodies body = new Bodies(random);
    body.names.add("k");
    StringBuilder s = new StringBuilder("package bad;\n\nimport dev.collapsar.*;\n\nfinal class ").append(className)
        .append(" {\n  ").append(annotation).append('\n')
        .append("  static double u(double x, double y, double k, double[] b, double[][] S) {\n")
        .append("    double t = ").append(body.expression(2)).append(";\n");
    body.names.add("t");
    body.statements(s, random.nextInt(3));
    return s.append("    return t * (k + ").append(body.expression(2)).append(");\n  }\n}\n").toString();
  }

  /** Random statements and expressions of the supported subset, over x, y, t and the locals they declare. */
  private static final class Bodies {
    final Random random;
    final List<String> names = new ArrayList<>(List.of("x", "y"));
    private int locals;

    Bodies(Random random) {
      this.random = random;
    }

    String expression(int depth) {
      if (depth == 0 || random.nextInt(4) == 0) {
        return random.nextInt(3) == 0 ? new String[] {"0.5", "1.25", "2.0", "3"}[random.nextInt(4)]
            : names.get(random.nextInt(names.size()));
      }
      switch (random.nextInt(6)) {
        case 0: return "(" + expression(depth - 1) + " + " + expression(depth - 1) + ")";
        case 1: return "(" + expression(depth - 1) + " - " + expression(depth - 1) + ")";
        case 2: return expression(depth - 1) + " * " + expression(depth - 1);
        case 3: return "Math." + new String[] {"sin", "cos", "tanh", "atan"}[random.nextInt(4)] + "(" + expression(depth - 1) + ")";
        case 4: return "Math.exp(0.1 * " + expression(depth - 1) + ")";
        default: return "(x > y ? " + expression(depth - 1) + " : " + expression(depth - 1) + ")";
      }
    }

    void statements(StringBuilder s, int count) {
      for (int i = 0; i < count; i++) {
        s.append("    ").append(statement()).append('\n');
      }
    }

    private String statement() {
      switch (random.nextInt(5)) {
        case 0: {
          String name = "a" + locals++;
          String line = "double " + name + " = " + expression(2) + ";";
          names.add(name);
          return line;
        }
        case 1: return "t = t + " + expression(2) + ";";
        case 2: return random.nextBoolean() ? "t *= 0.75;" : "t -= " + expression(1) + ";";
        case 3: return "if (" + expression(1) + " > " + expression(1) + ") { t = " + expression(2) + "; } else { t = t - 0.5; }";
        default: {
          String index = "b" + locals++;
          return "for (int " + index + " = 0; " + index + " < 3; " + index + "++) { t = t + 0.25 * " + expression(1) + "; }";
        }
      }
    }
  }

  /** A processor that claims nothing: compiling with it is compiling with javac alone. */
  static final class NoProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }
}

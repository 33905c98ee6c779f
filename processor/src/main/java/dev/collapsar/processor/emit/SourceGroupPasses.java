package dev.collapsar.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.collapsar.processor.ir.FreshName;
import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of a {@link Statement.LaneSweep} on 512-bit vectors whose rows fall into groups that read
 * sources of their own: one pass over the reduction index per group, each over all the lanes of its
 * rows (the last vector ending at the row's end), instead of blocks of a few vectors of every row.
 * The collapsed biharmonic's jammed units are such a sweep: four units × three Taylor coefficients,
 * each coefficient's four rows reading that coefficient's source row. Its blocks took three passes
 * (two vectors, one, the last lanes) that each read all three sources' cache lines at their lanes, 21
 * lines of 64 bytes per step of the index where the rows hold 12, and the two-vector block held 24
 * accumulators, 6 sources and 4 broadcast weights, more than the 32 registers. Here each pass holds
 * 16 accumulators and reads each line of its source once: reference network, JDK 17, one core,
 * {@code BatchVsPoint biharmonic 64 8}, 5.52–5.61 → 3.88–4.18 ms per point (the jars in turn); against
 * PyTorch at 64 points 0.97–1.00× → 1.61× (benchmarks/README.md, "One pass per source row").
 *
 * <p>A sweep of one group runs the same way, one pass over whole rows, where its blocks took more
 * than one: the collapsed Laplacian's four units of one 50-lane row are 28 accumulators in one pass
 * instead of a block of five vectors and a pass of the last lanes with the scalar sums, which read
 * the row's lines a second time. Edited by hand into the generated source and measured
 * ({@code BatchVsPoint laplacian 64 12}, three interleaved runs): 2.49–2.55 → 2.27–2.41 ms.
 *
 * <p>Planned where it applies at compile time (a row as wide as a vector, blocks that take more than
 * one pass, a group's accumulators and source vectors within 30 registers: the rule of the blocks,
 * whose weights C2 broadcasts again from memory where they do not fit) and taken at run time where
 * the vectors have 8 lanes and {@code VECTOR_REGISTERS} is 32; the blocks stay the path elsewhere.
 * The scalar sums run in a loop of their own. Same values: per lane, the same multiply-adds in the
 * same order.
 */
final class SourceGroupPasses {
  private static final ClassName VECTOR = ClassName.get("jdk.incubator.vector", "DoubleVector");
  /** Doubles in a 512-bit vector: the only width planned for (AVX-512's 32 registers). */
  static final int LANES = 8;
  private static final int REGISTERS = 32;
  /** Registers left for the weights' broadcasts, as for the blocks ({@code LaneSweepWriter}). */
  private static final int RESERVED = 2;

  private final Statement.LaneSweep sweep;
  private final List<List<Statement.LaneSweep.Row>> groups;
  private final int vectors;

  private SourceGroupPasses(Statement.LaneSweep sweep, List<List<Statement.LaneSweep.Row>> groups) {
    this.sweep = sweep;
    this.groups = groups;
    this.vectors = (sweep.width() + LANES - 1) / LANES;
  }

  /** The plan of {@code sweep}, or null where the blocks are as good (or the only way). */
  static SourceGroupPasses of(Statement.LaneSweep sweep, int widestBlock) {
    int width = sweep.width();
    boolean onePassOfBlocks = width % LANES == 0 && width / LANES <= widestBlock;
    List<List<Statement.LaneSweep.Row>> groups = groups(sweep.rows());
    if (width < LANES || onePassOfBlocks) {
      return null;
    }
    SourceGroupPasses plan = new SourceGroupPasses(sweep, groups);
    return plan.registers() <= REGISTERS - RESERVED ? plan : null;
  }

  /** The groups, in the order of their first rows. */
  int size() {
    return groups.size();
  }

  /** Vector registers the largest group's pass keeps: its accumulators and one vector per source. */
  int registers() {
    int most = 0;
    for (List<Statement.LaneSweep.Row> group : groups) {
      most = Math.max(most, group.size() * vectors + sources(group).size());
    }
    return most;
  }

  /** The condition under which the sweep takes this plan, given its vector length's local. */
  String condition(String length) {
    return length + " == " + LANES + " && " + LaneSweepWriter.REGISTERS_FIELD + " >= " + REGISTERS;
  }

  /** The body of group {@code g}'s method: its accumulators loaded, the index loop, the stores. */
  CodeBlock pass(int g) {
    List<Statement.LaneSweep.Row> rows = groups.get(g);
    Set<String> used = new HashSet<>(Names.read(List.of(sweep)));
    used.add(sweep.index());
    Statement.declared(sweep.step(), used);
    String length = fresh("vectorLength", used);
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("int $N = $T.SPECIES_PREFERRED.length()", length, VECTOR);
    String[][] accumulators = new String[rows.size()][vectors];
    for (int r = 0; r < rows.size(); r++) {
      for (int v = 0; v < vectors; v++) {
        accumulators[r][v] = fresh("acc" + r + "_" + v, used);
        code.addStatement("$T $N = $T.fromArray($T.SPECIES_PREFERRED, $N, $L)", VECTOR, accumulators[r][v], VECTOR,
            VECTOR, rows.get(r).target().name(), offset(v, length));
      }
    }
    code.beginControlFlow("for (int $N = $L; $N < $L; $N++)", sweep.index(), ExpressionPrinter.print(sweep.start()),
        sweep.index(), ExpressionPrinter.print(sweep.bound()), sweep.index());
    Set<String> needed = new HashSet<>(sources(rows));
    factors(rows).forEach(f -> Names.read(f.node(), needed));
    BodyWriter.write(stepFor(sweep.step(), needed), code);
    Map<String, String> factors = new LinkedHashMap<>();
    for (Factor f : factors(rows)) {
      factors.put(f.text(), fresh("factor" + factors.size(), used));
      code.addStatement("$T $N = $T.broadcast($T.SPECIES_PREFERRED, $L)", VECTOR, factors.get(f.text()), VECTOR,
          VECTOR, f.text());
    }
    List<String> sources = new ArrayList<>(sources(rows));
    for (int v = 0; v < vectors; v++) {
      Map<String, String> loaded = new LinkedHashMap<>();
      for (int s = 0; s < sources.size(); s++) {
        loaded.put(sources.get(s), fresh("src" + s + "_" + v, used));
        code.addStatement("$T $N = $T.fromArray($T.SPECIES_PREFERRED, $N, $L)", VECTOR, loaded.get(sources.get(s)),
            VECTOR, VECTOR, sources.get(s), offset(v, length));
      }
      for (int r = 0; r < rows.size(); r++) {
        for (Statement.LaneSweep.Term term : rows.get(r).terms()) {
          code.addStatement("$N = $N.fma($N, $N)", accumulators[r][v], loaded.get(term.source().name()),
              factors.get(ExpressionPrinter.print(term.coefficient())), accumulators[r][v]);
        }
      }
    }
    code.endControlFlow();
    for (int r = 0; r < rows.size(); r++) {
      for (int v = 0; v < vectors; v++) {
        code.addStatement("$N.intoArray($N, $L)", accumulators[r][v], rows.get(r).target().name(), offset(v, length));
      }
    }
    return code.build();
  }

  /**
   * The statements of {@code step} that {@code needed} depends on, in order: a pass loads only its own
   * sources. All of them where the step is more than lets (and comments, dropped).
   */
  static List<Statement> stepFor(List<Statement> step, Set<String> needed) {
    if (!step.stream().allMatch(s -> s instanceof Statement.Let || s instanceof Statement.Comment)) {
      return step;
    }
    Set<String> wanted = new HashSet<>(needed);
    List<Statement> kept = new ArrayList<>();
    for (int i = step.size() - 1; i >= 0; i--) {
      if (step.get(i) instanceof Statement.Let let && wanted.contains(let.name())) {
        kept.add(0, let);
        wanted.addAll(Names.read(List.of(let)));
      }
    }
    return kept;
  }

  /** Vector {@code v} of a row starts at {@code v} vectors, the last at the row's end minus one vector. */
  private String offset(int v, String length) {
    if (v == vectors - 1) {
      return "(" + sweep.width() + " - " + length + ")";
    }
    return v == 0 ? "0" : v == 1 ? length : v + " * " + length;
  }

  /** Rows in one group when they read a source in common, transitively; groups in first-row order. */
  private static List<List<Statement.LaneSweep.Row>> groups(List<Statement.LaneSweep.Row> rows) {
    int[] parent = new int[rows.size()];
    Map<String, Integer> firstReader = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      parent[r] = r;
      for (String source : sources(List.of(rows.get(r)))) {
        Integer first = firstReader.putIfAbsent(source, r);
        if (first != null) {
          parent[root(parent, r)] = root(parent, first);
        }
      }
    }
    Map<Integer, List<Statement.LaneSweep.Row>> groups = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      groups.computeIfAbsent(root(parent, r), k -> new ArrayList<>()).add(rows.get(r));
    }
    return new ArrayList<>(groups.values());
  }

  private static int root(int[] parent, int r) {
    while (parent[r] != r) {
      r = parent[r];
    }
    return r;
  }

  private static Set<String> sources(List<Statement.LaneSweep.Row> rows) {
    Set<String> sources = new LinkedHashSet<>();
    rows.forEach(r -> r.terms().forEach(t -> sources.add(t.source().name())));
    return sources;
  }

  private record Factor(String text, dev.collapsar.processor.ir.Node node) {}

  /** The distinct coefficients of the rows' terms, by their printed form. */
  private static List<Factor> factors(List<Statement.LaneSweep.Row> rows) {
    Map<String, Factor> factors = new LinkedHashMap<>();
    rows.forEach(r -> r.terms().forEach(t -> factors.putIfAbsent(ExpressionPrinter.print(t.coefficient()),
        new Factor(ExpressionPrinter.print(t.coefficient()), t.coefficient()))));
    return new ArrayList<>(factors.values());
  }

  private static String fresh(String base, Set<String> used) {
    String name = FreshName.of(base, "_", used::contains);
    used.add(name);
    return name;
  }
}

package dev.collapsar.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Statement.LaneSweep} on {@code jdk.incubator.vector}: the lanes in blocks of up to
 * six vectors of the platform's preferred width, each block's accumulators loaded once, kept in
 * registers while the reduction index runs, stored once (a matrix product's micro-kernel); the last
 * lanes as a block that ends at the row's end ({@link Store#LATER}; a masked load is 5× slower on
 * JDK 17). Lanes no vector covers run scalar, with {@code Math.fma}, so that every path gives the
 * same values.
 */
final class LaneSweepWriter {
  private static final ClassName VECTOR = ClassName.get("jdk.incubator.vector", "DoubleVector");
  /**
   * The generated class's field that says how many vector registers the sweeps plan their blocks for:
   * 32 where the preferred vectors are 512 bits wide (AVX-512), else 16 (AVX2 has 16; so has SSE, and
   * NEON's 32 are only assumed to be 16: blocks that fit never spill), or the system property
   * {@code collapsar.vectorRegisters}. Blocks planned for 32 spill on AVX2 (measured below).
   */
  static final String REGISTERS_FIELD = "VECTOR_REGISTERS";
  /**
   * Vector registers a block may hold at once, its accumulators and its sources' vectors: the
   * platform's minus two (one holds a broadcast). Measured on the reference network (four rows, one
   * source, 50 lanes, AMD EPYC, JDK 17), AVX-512: blocks of 6 vectors 2.8–3.2 ms per Laplacian, of 4
   * 3.5–3.7, of 5 like 6, of 7 (spilling) 4.8; with {@code -XX:UseAVX=2} (16 registers): blocks of 6
   * 9.6–10.5 ms, of 3 17.5, of 2 5.7–6.1 (the default build there: 5.7–6.0).
   */
  private static final int RESERVED = 2;
  private static final int WIDE = 32;
  private static final int NARROW = 16;
  private static final int MAX_VECTORS = 6;
  /**
   * Independent accumulators the last lanes' block needs to keep the multiply-add units busy (two
   * units, four cycles of latency): with four rows, two vectors per row, not one, which left that pass
   * waiting on its chains. With 16 registers four (one vector per row: 5.7–6.1 ms against 6.1–6.5 with
   * eight, whose accumulators and the scalar sums riding in that pass do not fit).
   */
  private static final int CHAINS = 8;
  private static final int NARROW_CHAINS = 4;

  private final Statement.LaneSweep sweep;
  private final CodeBlock.Builder code;
  private final Set<String> used = new HashSet<>();
  private final Map<String, Node.Ref> sources = new LinkedHashMap<>();
  private final String length;
  private final String lane;
  private final String count;
  private final String widest;
  private final Map<String, String> names = new java.util.HashMap<>();

  private LaneSweepWriter(Statement.LaneSweep sweep, CodeBlock.Builder code) {
    this.sweep = sweep;
    this.code = code;
    Names.read(List.of(sweep)).forEach(used::add);
    used.add(sweep.index());
    Statement.declared(sweep.step(), used);
    Statement.declared(sweep.scalars(), used);
    sweep.rows().forEach(r -> r.terms().forEach(t -> sources.putIfAbsent(t.source().name(), t.source())));
    this.length = fresh("vectorLength");
    this.lane = fresh("d");
    this.count = fresh("vectors");
    this.widest = fresh("widest");
  }

  /**
   * The body of the sweep's method: the last lanes' block, the calls of the block methods
   * ({@code block} + number of vectors, called with the sweep's {@code arguments} and the first lane)
   * over the other lanes, the last lanes stored; or, when the row is a whole number of vectors or
   * narrower than the last lanes' block, the calls and the lanes left over, scalar.
   */
  static CodeBlock sweep(Statement.LaneSweep sweep, String block, String group, List<String> arguments) {
    CodeBlock.Builder code = CodeBlock.builder();
    new LaneSweepWriter(sweep, code).sweep(block, group, String.join(", ", arguments));
    return code.build();
  }

  /**
   * The plan of one pass per source group on 512-bit vectors ({@link SourceGroupPasses}), or null where
   * the blocks serve as well.
   */
  static SourceGroupPasses groupPasses(Statement.LaneSweep sweep) {
    return SourceGroupPasses.of(sweep, blockSizes(sweep).get(0));
  }

  /** The body of the method of one block of {@code vectors} vectors per row, from the lane parameter. */
  static CodeBlock block(Statement.LaneSweep sweep, int vectors) {
    CodeBlock.Builder code = CodeBlock.builder();
    LaneSweepWriter writer = new LaneSweepWriter(sweep, code);
    code.addStatement("int $N = $T.SPECIES_PREFERRED.length()", writer.length, VECTOR);
    writer.block(vectors, writer.lane, Store.NOW);
    return code.build();
  }

  /** The block methods' extra parameter, the first lane. */
  static String laneParameter(Statement.LaneSweep sweep) {
    return new LaneSweepWriter(sweep, CodeBlock.builder()).lane;
  }

  /**
   * The block sizes, in vectors per row: as many as 32 registers allow, then one fewer, and so on; the
   * fewer blocks, the fewer passes over the reduction index (each loads the weights again). At run
   * time the sweep starts with the widest its platform's registers hold ({@link #REGISTERS_FIELD}).
   * One method each: in one method of 4.3 kB C1 ran out of virtual registers, and a method C1 cannot
   * compile for profiling waited at its first tier with every vector an object (1.3 MB per call of a
   * small network, never compiled by C2 in its run).
   */
  static List<Integer> blockSizes(Statement.LaneSweep sweep) {
    int widest = Math.max(1, Math.min(MAX_VECTORS, (WIDE - RESERVED) / registersPerVector(sweep)));
    List<Integer> sizes = new ArrayList<>();
    for (int vectors = widest; vectors >= 1; vectors--) {
      sizes.add(vectors);
    }
    return sizes;
  }

  /** The registers one vector per row takes: an accumulator per row and a vector per source. */
  private static int registersPerVector(Statement.LaneSweep sweep) {
    return sweep.rows().size()
        + (int) sweep.rows().stream().flatMap(r -> r.terms().stream()).map(t -> t.source().name()).distinct().count();
  }

  /**
   * {@code private static final int VECTOR_REGISTERS}: the registers the platform's vectors have, or
   * the system property {@code collapsar.vectorRegisters} ({@link #REGISTERS_FIELD}).
   */
  static com.palantir.javapoet.FieldSpec registersField() {
    return com.palantir.javapoet.FieldSpec.builder(int.class, REGISTERS_FIELD, javax.lang.model.element.Modifier.PRIVATE,
            javax.lang.model.element.Modifier.STATIC, javax.lang.model.element.Modifier.FINAL)
        .addJavadoc("Vector registers the layer sweeps plan their blocks for: 32 with 512-bit vectors (AVX-512), else 16"
            + " (AVX2); {@code -Dcollapsar.vectorRegisters=n} overrides.\n")
        .initializer("Integer.getInteger($S, $T.SPECIES_PREFERRED.vectorBitSize() >= 512 ? $L : $L)",
            "collapsar.vectorRegisters", VECTOR, WIDE, NARROW)
        .build();
  }

  private void sweep(String block, String group, String arguments) {
    code.addStatement("int $N = $T.SPECIES_PREFERRED.length()", length, VECTOR);
    SourceGroupPasses groups = groupPasses(sweep);
    if (groups != null) {
      code.beginControlFlow("if ($L)", groups.condition(length));
      for (int g = 1; g <= groups.size(); g++) {
        code.addStatement("$N$L($L)", group, g, arguments);
      }
      scalarSums();
      code.nextControlFlow("else");
    }
    blocks(block, arguments);
    if (groups != null) {
      code.endControlFlow();
    }
    for (int k = 0; k < sweep.carried().size(); k++) {
      code.addStatement("$N[$L] = $N", sweep.carry().name(), k, sweep.carried().get(k).name());
    }
  }

  /** The sweep on blocks of vectors, the last lanes' block sized for the platform's registers. */
  private void blocks(String block, String arguments) {
    code.addStatement("int $N = Math.min($L, ($N - $L) / $L)", widest, MAX_VECTORS, REGISTERS_FIELD, RESERVED,
        registersPerVector(sweep));
    code.addStatement("int $N = 0", lane);
    code.addStatement("int $N", count);
    int wide = tail(CHAINS);
    int narrow = tail(NARROW_CHAINS);
    if (wide == narrow) {
      lanes(wide, block, arguments);
    } else {
      code.beginControlFlow("if ($N >= $L)", REGISTERS_FIELD, WIDE);
      lanes(wide, block, arguments);
      code.nextControlFlow("else");
      lanes(narrow, block, arguments);
      code.endControlFlow();
    }
  }

  /** Vectors per row of the last lanes' block: enough for {@code chains} independent accumulators. */
  private int tail(int chains) {
    return Math.min(MAX_VECTORS, (chains + sweep.rows().size() - 1) / sweep.rows().size());
  }

  /**
   * All lanes: the last ones as a block of {@code tail} vectors ending at the row's end when the row is
   * not a whole number of vectors, the others in blocks, the scalar sums in the last lanes' pass.
   */
  private void lanes(int tail, String block, String arguments) {
    int width = sweep.width();
    String tailStart = "(" + width + " - " + span(tail) + ")";
    code.beginControlFlow("if ($L <= $L && $L % $N != 0)", span(tail), width, width, length);
    block(tail, tailStart, Store.LATER);
    code.addStatement("$N = ($L + $N - 1) / $N", count, tailStart, length, length);
    calls(block, arguments);
    stores(tail, tailStart);
    code.nextControlFlow("else");
    code.addStatement("$N = $L / $N", count, width, length);
    calls(block, arguments);
    scalar();
    scalarSums();
    code.endControlFlow();
  }

  /** The scalar sums in a pass of their own, with only the step's statements they read. */
  private void scalarSums() {
    if (!sweep.scalars().isEmpty()) {
      indexLoop();
      BodyWriter.write(SourceGroupPasses.stepFor(sweep.step(), Names.read(sweep.scalars())), code);
      BodyWriter.write(sweep.scalars(), code);
      code.endControlFlow();
    }
  }

  private void indexLoop() {
    code.beginControlFlow("for (int $N = $L; $N < $L; $N++)", sweep.index(), ExpressionPrinter.print(sweep.start()),
        sweep.index(), ExpressionPrinter.print(sweep.bound()), sweep.index());
  }

  /**
   * The block methods over the first {@code count} vectors of each row, greedily ({@link #blockSizes}),
   * from the widest the platform's registers hold.
   */
  private void calls(String block, String arguments) {
    for (int vectors : blockSizes(sweep)) {
      String fits = vectors == 1 ? "" : " && " + widest + " >= " + vectors;
      code.beginControlFlow("for (; $N >= $L$L; $N -= $L, $N += $L)", count, vectors, fits, count, vectors, lane,
          span(vectors));
      code.addStatement("$N$L($L, $N)", block, vectors, arguments, lane);
      code.endControlFlow();
    }
  }

  private String span(int vectors) {
    return vectors == 1 ? length : vectors + " * " + length;
  }

  /**
   * When a block's accumulators go back to their rows. The last lanes of a row whose width is not a
   * multiple of the vector length are a block of vectors ending at the row's end, computed before the
   * other blocks and stored after them: the lanes it shares with the last of those get the same values
   * twice (the same multiply-adds from the same start), so neither a mask nor a lane copy is needed.
   */
  private enum Store { NOW, LATER }

  /** One block of {@code vectors} vectors per row from lane {@code base}, its index loop inside. */
  private void block(int vectors, String base, Store store) {
    List<List<String>> accumulators = new ArrayList<>();
    for (int r = 0; r < sweep.rows().size(); r++) {
      List<String> names = new ArrayList<>();
      for (int v = 0; v < vectors; v++) {
        names.add(name((store == Store.LATER ? "tail" : "acc") + r + "_" + v));
        code.addStatement("$T $N = $T.fromArray($T.SPECIES_PREFERRED, $N, $L)", VECTOR, names.get(v), VECTOR, VECTOR,
            sweep.rows().get(r).target().name(), offset(base, v));
      }
      accumulators.add(names);
    }
    indexLoop();
    BodyWriter.write(sweep.step(), code);
    Map<String, List<String>> loaded = new LinkedHashMap<>();
    int s = 0;
    for (Node.Ref source : sources.values()) {
      List<String> names = new ArrayList<>();
      for (int v = 0; v < vectors; v++) {
        names.add(name("src" + s + "_" + v));
        code.addStatement("$T $N = $T.fromArray($T.SPECIES_PREFERRED, $N, $L)", VECTOR, names.get(v), VECTOR, VECTOR,
            source.name(), offset(base, v));
      }
      loaded.put(source.name(), names);
      s++;
    }
    for (int r = 0; r < sweep.rows().size(); r++) {
      List<Statement.LaneSweep.Term> terms = sweep.rows().get(r).terms();
      for (int t = 0; t < terms.size(); t++) {
        String factor = name("factor" + r + "_" + t);
        code.addStatement("$T $N = $T.broadcast($T.SPECIES_PREFERRED, $L)", VECTOR, factor, VECTOR, VECTOR,
            ExpressionPrinter.print(terms.get(t).coefficient()));
        for (int v = 0; v < vectors; v++) {
          String accumulator = accumulators.get(r).get(v);
          code.addStatement("$N = $N.fma($N, $N)", accumulator, loaded.get(terms.get(t).source().name()).get(v), factor,
              accumulator);
        }
      }
    }
    if (store == Store.LATER) { // the scalar sums ride in this pass, whose few chains leave room
      BodyWriter.write(sweep.scalars(), code);
    }
    code.endControlFlow();
    if (store == Store.NOW) {
      stores(vectors, base);
    }
  }

  private void stores(int vectors, String base) {
    for (int r = 0; r < sweep.rows().size(); r++) {
      for (int v = 0; v < vectors; v++) {
        code.addStatement("$N.intoArray($N, $L)", accumulatorName(r, v, base), sweep.rows().get(r).target().name(),
            offset(base, v));
      }
    }
  }

  private String accumulatorName(int row, int vector, String base) {
    return name((base.equals(lane) ? "acc" : "tail") + row + "_" + vector);
  }

  /**
   * The lanes no vector covers (all of them when a row is narrower than the vectors, or than the last
   * lanes' block): lane by lane, the index inside, {@code Math.fma} as the vectors.
   */
  private void scalar() {
    code.beginControlFlow("for (; $N < $L; $N++)", lane, sweep.width(), lane);
    code.beginControlFlow("for (int $N = $L; $N < $L; $N++)", sweep.index(), ExpressionPrinter.print(sweep.start()),
        sweep.index(), ExpressionPrinter.print(sweep.bound()), sweep.index());
    BodyWriter.write(sweep.step(), code);
    for (Statement.LaneSweep.Row row : sweep.rows()) {
      for (Statement.LaneSweep.Term term : row.terms()) {
        String target = row.target().name();
        code.addStatement("$N[$N] = Math.fma($L, $N[$N], $N[$N])", target, lane,
            ExpressionPrinter.print(term.coefficient()), term.source().name(), lane, target, lane);
      }
    }
    code.endControlFlow();
    code.endControlFlow();
  }

  private String offset(String base, int vector) {
    return vector == 0 ? base : vector == 1 ? base + " + " + length : base + " + " + vector + " * " + length;
  }

  /** One fresh name per role, the same in every block (the blocks are sibling scopes). */
  private String name(String role) {
    return names.computeIfAbsent(role, this::fresh);
  }

  private String fresh(String base) {
    String name = dev.collapsar.processor.ir.FreshName.of(base, "_", used::contains);
    used.add(name);
    return name;
  }
}

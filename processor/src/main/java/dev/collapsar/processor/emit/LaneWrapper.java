package dev.collapsar.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.collapsar.processor.ir.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A public operator that runs its private lanes kernel once per block of directions: the basis
 * blocks e_base … e_base+L−1 of a run-time dimension, or blocks of L random vectors when the number
 * of samples is chosen at run time. Each pass recomputes the primal (the price of not knowing the
 * count at compile time); padded lanes carry zero directions, which add exactly nothing. The rows
 * live in a per-thread buffer, so a call allocates nothing after warm-up.
 *
 * @param kind which public method
 * @param name the public method's name
 * @param kernel the lanes kernel's name
 * @param parameters the user's parameters
 * @param dimension the directions' length as a Java int expression (a constant or {@code x.length})
 * @param lanes L, the kernel's directions per pass
 * @param extra the estimator's directions parameter ({@code v} or {@code rng}); null otherwise
 * @param samples S, or −1 when the caller passes it ({@code samplesName})
 * @param samplesName the generator variant's {@code int} samples parameter when S is chosen at run time
 * @param gaussian Gaussian (otherwise Rademacher) draws
 * @param weighted whether the kernel takes S and an exact-terms scale (1 in the first pass, else 0)
 *     and returns its weighted share of the estimate, rather than the plain Σ_l ∂²u[rows_l]
 * @param javadoc the method's documentation
 * @param wide a wider kernel for the basis blocks while more than {@code lanes} directions remain, or null
 */
public record LaneWrapper(Kind kind, String name, String kernel, List<Source.Parameter> parameters, String dimension,
    int lanes, String extra, int samples, String samplesName, boolean gaussian, boolean weighted, String javadoc,
    Wide wide) implements Variant {

  /**
   * A wider lanes kernel of {@code lanes} directions per pass, with its own rows and out buffer, used
   * while more than {@code threshold} directions remain (0: more than the next narrower kernel's
   * lanes); {@code wider}, a wider one still, or null.
   */
  public record Wide(String kernel, int lanes, int threshold, Wide wider) {
    public Wide(String kernel, int lanes) {
      this(kernel, lanes, 0, null);
    }

    /** This kernel with {@code wider} above it. */
    public Wide widenedBy(Wide wider) {
      return new Wide(kernel, lanes, threshold, wider);
    }
  }

  /** One kernel of a wrapper, narrowest first: its name, lanes, buffers, and when it runs. */
  record Level(String kernel, int lanes, String rows, String out, int threshold) {}

  /** The wrapper's kernels, narrowest first, with the buffers {@code local} names for them. */
  java.util.List<Level> levels(Locals local) {
    java.util.List<Level> levels = new ArrayList<>();
    levels.add(new Level(kernel, lanes, local.rows, local.out, 0));
    int below = lanes;
    int k = 0;
    for (Wide level = wide; level != null; level = level.wider(), k++) {
      levels.add(new Level(level.kernel(), level.lanes(), local.wideRows(k), local.wideOut(k),
          level.threshold() > 0 ? level.threshold() : below));
      below = level.lanes();
    }
    return levels;
  }

  /** The public methods a lanes kernel backs. */
  public enum Kind { LAPLACIAN, LAPLACIAN_WITH_GRADIENT, EVALUATE, ESTIMATE_FROM_ROWS, ESTIMATE_DRAWN, EXACT_COLUMNS }

  /**
   * The lanes kernel a wrapper calls, and how.
   *
   * @param name the kernel's name
   * @param lanes L, its directions per pass
   * @param wide a wider kernel for while more than L directions remain, or null
   * @param parameters the user's parameters
   * @param dimension the directions' length as a Java int expression
   * @param weighted whether the kernel takes S and an exact-terms scale and returns its weighted share
   */
  public record Kernel(String name, int lanes, Wide wide, List<Source.Parameter> parameters, String dimension,
      boolean weighted) {}

  /** {@code mLaplacian(params)}, {@code mLaplacian(params, gradientOut)} or {@code mEvaluate(params)}. */
  public static LaneWrapper laplacian(Kind kind, String name, Kernel k, String javadoc) {
    return new LaneWrapper(kind, name, k.name(), k.parameters(), k.dimension(), k.lanes(), null, -1, null, false,
        k.weighted(), javadoc, k.wide());
  }

  /** An estimate over the S rows of the caller's {@code double[][] rows}. */
  public static LaneWrapper fromRows(String name, Kernel k, String rows, int samples, boolean gaussian,
      String javadoc) {
    return new LaneWrapper(Kind.ESTIMATE_FROM_ROWS, name, k.name(), k.parameters(), k.dimension(), k.lanes(), rows,
        samples, null, gaussian, k.weighted(), javadoc, k.wide());
  }

  /** An estimate over S directions drawn from {@code generator}; S is the {@code int samplesName} when not null. */
  public static LaneWrapper drawn(String name, Kernel k, String generator, int samples, String samplesName,
      boolean gaussian, String javadoc) {
    return new LaneWrapper(Kind.ESTIMATE_DRAWN, name, k.name(), k.parameters(), k.dimension(), k.lanes(), generator,
        samples, samplesName, gaussian, k.weighted(), javadoc, k.wide());
  }

  /** An exact operator along the columns of a matrix, in blocks of basis vectors. */
  public static LaneWrapper columns(String name, Kernel k, String javadoc) {
    return new LaneWrapper(Kind.EXACT_COLUMNS, name, k.name(), k.parameters(), k.dimension(), k.lanes(), null, 1,
        null, true, k.weighted(), javadoc, k.wide());
  }

  /** Whether the kernel writes gradient lanes and the value into an {@code out} buffer. */
  public boolean needsOut() {
    return kind == Kind.LAPLACIAN || kind == Kind.LAPLACIAN_WITH_GRADIENT || kind == Kind.EVALUATE;
  }

  @Override
  public String signatureKey() {
    return Variant.key(name, publicParameters());
  }

  @Override
  public BatchCall batch(Set<String> coordinates) {
    boolean point = kind != Kind.LAPLACIAN_WITH_GRADIENT && kind != Kind.EVALUATE;
    return point ? BatchCall.of(name, publicParameters(), coordinates) : null;
  }

  private List<ParameterSpec> publicParameters() {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name).addParameters(OperatorMethod.parameterSpecs(parameters));
    addExtraParameters(method);
    return method.build().parameters();
  }

  void addTo(TypeSpec.Builder type, Set<String> fields) {
    Locals local = new Locals(parameters, extra, samplesName);
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(javadoc)
        .returns(kind == Kind.EVALUATE ? ClassNames.LAPLACIAN_RESULT : TypeName.DOUBLE)
        .addParameters(OperatorMethod.parameterSpecs(parameters));
    addExtraParameters(method);
    method.addStatement("int $N = $L", local.n, dimension);
    for (Level level : levels(local)) {
      buffers(method, type, fields, level.kernel(), level.lanes(), local.n, level.rows(), level.out());
    }
    new LaneLoop(this, local).addTo(method);
    type.addMethod(method.build());
  }

  /** The per-thread rows (and out buffer) of one kernel, as locals. */
  private void buffers(MethodSpec.Builder method, TypeSpec.Builder type, Set<String> fields, String kernelName,
      int width, String n, String rowsLocal, String outLocal) {
    method.addStatement("double[][] $N = $N.rows($N.get(), $N)", rowsLocal, LaneRows.CLASS,
        field(type, fields, kernelName, "ROWS", "new double[" + width + "][0]"), n);
    if (needsOut()) {
      method.addStatement("double[] $N = $N.get()", outLocal,
          field(type, fields, kernelName, "OUT", "new double[" + (width + 1) + "]"));
    }
  }

  private void addExtraParameters(MethodSpec.Builder method) {
    if (kind == Kind.LAPLACIAN_WITH_GRADIENT) {
      method.addParameter(double[].class, "gradientOut");
    } else if (kind == Kind.ESTIMATE_FROM_ROWS) {
      method.addParameter(double[][].class, extra);
    } else if (kind == Kind.ESTIMATE_DRAWN) {
      method.addParameter(ParameterSpec.builder(DrawingDelegate.RANDOM_GENERATOR, extra).build());
      if (samplesName != null) {
        method.addParameter(int.class, samplesName);
      }
    }
  }

  /** A per-thread buffer of the kernel, declared once. */
  private String field(TypeSpec.Builder type, Set<String> fields, String kernelName, String suffix, String creation) {
    String field = kernelName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_" + suffix;
    if (fields.add(field)) {
      TypeName element = suffix.equals("OUT") ? ArrayTypeName.of(TypeName.DOUBLE)
          : ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE));
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassNames.THREAD_LOCAL, element), field,
          Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.withInitial(() -> $L)", ClassNames.THREAD_LOCAL, creation).build());
    }
    return field;
  }

  /** The wrapper's own locals, named so that no parameter is shadowed. */
  static final class Locals {
    final String n;
    final String rows;
    final String out;
    final String sum;
    final String base;
    final String count;
    final String gradient;
    private final List<String> wideRows = new ArrayList<>();
    private final List<String> wideOut = new ArrayList<>();
    private final Set<String> taken;
    final String value;
    final List<String> arguments = new ArrayList<>();

    Locals(List<Source.Parameter> parameters, String extra, String samplesName) {
      Set<String> taken = new HashSet<>(List.of("gradientOut"));
      parameters.forEach(p -> taken.add(p.name()));
      parameters.forEach(p -> arguments.add(p.name()));
      if (extra != null) {
        taken.add(extra);
      }
      if (samplesName != null) {
        taken.add(samplesName);
      }
      n = fresh("n", taken);
      rows = fresh("rows", taken);
      out = fresh("out", taken);
      sum = fresh("sum", taken);
      base = fresh("base", taken);
      count = fresh("count", taken);
      gradient = fresh("gradient", taken);
      wideRows.add(fresh("wideRows", taken));
      wideOut.add(fresh("wideOut", taken));
      value = fresh("value", taken);
      this.taken = taken;
    }

    /** The rows of the k-th wider kernel ({@code wideRows}, {@code widestRows}, then numbered). */
    String wideRows(int k) {
      return level(wideRows, "Rows", k);
    }

    String wideOut(int k) {
      return level(wideOut, "Out", k);
    }

    private String level(List<String> names, String suffix, int k) {
      while (names.size() <= k) {
        names.add(fresh((names.size() == 1 ? "widest" : "wide" + names.size()) + suffix, taken));
      }
      return names.get(k);
    }

    private static String fresh(String name, Set<String> taken) {
      String chosen = dev.collapsar.processor.ir.FreshName.of(name, "", taken::contains);
      taken.add(chosen);
      return chosen;
    }
  }
}

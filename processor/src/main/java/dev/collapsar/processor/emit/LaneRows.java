package dev.collapsar.processor.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.Arrays;
import javax.lang.model.element.Modifier;

/**
 * The generated nested class {@code LaneRows}: fills a lanes kernel's per-thread rows with the next
 * block of directions (basis vectors, the caller's rows, or fresh draws) and scatters the lanes'
 * gradient entries back. Rows past the last direction are zero, so they contribute nothing.
 */
final class LaneRows {
  static final String CLASS = "LaneRows";

  private LaneRows() {}

  static void addTo(TypeSpec.Builder type) {
    type.addType(TypeSpec.classBuilder(CLASS)
        .addJavadoc("Blocks of directions for the lanes kernels, in per-thread rows.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addMethod(rows())
        .addMethod(basis())
        .addMethod(copy())
        .addMethod(draw())
        .addMethod(scatter())
        .build());
  }

  private static MethodSpec.Builder helper(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.STATIC);
  }

  private static MethodSpec rows() {
    return helper("rows").returns(double[][].class)
        .addJavadoc("This thread's rows, grown (once) to at least n entries each.\n")
        .addParameter(double[][].class, "rows").addParameter(int.class, "n")
        .beginControlFlow("if (rows[0].length < n)")
        .beginControlFlow("for (int l = 0; l < rows.length; l++)")
        .addStatement("rows[l] = new double[n]")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return rows").build();
  }

  private static MethodSpec basis() {
    return helper("basis")
        .addJavadoc("Row l becomes the basis vector e_(base + l), or zero past n.\n")
        .addParameter(double[][].class, "rows").addParameter(int.class, "base").addParameter(int.class, "n")
        .beginControlFlow("for (int l = 0; l < rows.length; l++)")
        .addStatement("$T.fill(rows[l], 0, n, 0.0)", Arrays.class)
        .beginControlFlow("if (base + l < n)")
        .addStatement("rows[l][base + l] = 1.0")
        .endControlFlow()
        .endControlFlow().build();
  }

  private static MethodSpec copy() {
    return helper("copy")
        .addJavadoc("Row l becomes the caller's row base + l (checked to have length n), or zero past the last.\n")
        .addParameter(double[][].class, "rows").addParameter(double[][].class, "v")
        .addParameter(int.class, "base").addParameter(int.class, "n")
        .beginControlFlow("for (int l = 0; l < rows.length; l++)")
        .beginControlFlow("if (base + l >= v.length)")
        .addStatement("$T.fill(rows[l], 0, n, 0.0)", Arrays.class)
        .addStatement("continue")
        .endControlFlow()
        .beginControlFlow("if (v[base + l].length != n)")
        .addStatement("throw new $T($S + (base + l) + $S + n + $S + v[base + l].length)",
            IllegalArgumentException.class, "direction ", " needs length ", ", has ")
        .endControlFlow()
        .addStatement("$T.arraycopy(v[base + l], 0, rows[l], 0, n)", System.class)
        .endControlFlow().build();
  }

  private static MethodSpec draw() {
    return helper("draw")
        .addJavadoc("Rows of fresh draws (directions base, base + 1, … in order, entry by entry), zero past count.\n")
        .addParameter(double[][].class, "rows").addParameter(DrawingDelegate.RANDOM_GENERATOR, "rng")
        .addParameter(int.class, "base").addParameter(int.class, "count").addParameter(int.class, "n")
        .addParameter(boolean.class, "gaussian")
        .beginControlFlow("for (int l = 0; l < rows.length; l++)")
        .beginControlFlow("for (int i = 0; i < n; i++)")
        .addStatement("rows[l][i] = base + l >= count ? 0.0 : gaussian ? rng.nextGaussian() : rng.nextBoolean() ? 1.0 : -1.0")
        .endControlFlow()
        .endControlFlow().build();
  }

  private static MethodSpec scatter() {
    return helper("scatter")
        .addJavadoc("The lanes' first coefficients (∂u/∂x_(base + l)) into the gradient.\n")
        .addParameter(double[].class, "out").addParameter(double[].class, "gradient")
        .addParameter(int.class, "base").addParameter(int.class, "n")
        .beginControlFlow("for (int l = 0; l < out.length - 1 && base + l < n; l++)")
        .addStatement("gradient[base + l] = out[l]")
        .endControlFlow().build();
  }
}

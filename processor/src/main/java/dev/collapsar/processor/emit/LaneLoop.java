package dev.collapsar.processor.emit;

import com.palantir.javapoet.MethodSpec;

/** The body of a {@link LaneWrapper}: the loop over blocks of directions and what it accumulates. */
final class LaneLoop {
  private final LaneWrapper w;
  private final LaneWrapper.Locals local;

  LaneLoop(LaneWrapper wrapper, LaneWrapper.Locals local) {
    this.w = wrapper;
    this.local = local;
  }

  void addTo(MethodSpec.Builder method) {
    switch (w.kind()) {
      case ESTIMATE_FROM_ROWS, ESTIMATE_DRAWN -> estimate(method);
      case EXACT_COLUMNS -> columns(method);
      default -> basis(method);
    }
  }

  /** Δu = Σ over basis blocks; the gradient is scattered from each block's lanes. */
  private void basis(MethodSpec.Builder method) {
    String gradient = w.kind() == LaneWrapper.Kind.EVALUATE ? local.gradient : "gradientOut";
    if (w.kind() == LaneWrapper.Kind.LAPLACIAN_WITH_GRADIENT) {
      method.beginControlFlow("if (gradientOut.length < $N)", local.n)
          .addStatement("throw new $T($S + $N + $S + gradientOut.length)", IllegalArgumentException.class,
              "gradientOut needs length ", local.n, ", has ")
          .endControlFlow();
    } else if (w.kind() == LaneWrapper.Kind.EVALUATE) {
      method.addStatement("double[] $N = new double[$N]", gradient, local.n);
    }
    boolean evaluate = w.kind() == LaneWrapper.Kind.EVALUATE;
    method.addStatement("double $N = 0.0", local.sum);
    if (evaluate) {
      method.addStatement("double $N = 0.0", local.value);
    }
    method.addStatement("int $N = 0", local.base).beginControlFlow("do");
    widest(method, local.n, level -> pass(method, level.kernel(), level.lanes(), level.rows(), level.out(), gradient));
    method.endControlFlow("while ($N < $N)", local.base, local.n);
    if (evaluate) {
      method.addStatement("return new $T($N, $N, $N)", ClassNames.LAPLACIAN_RESULT, local.value, gradient, local.sum);
    } else {
      method.addStatement("return $N", local.sum);
    }
  }

  /**
   * One pass of the widest kernel that the directions left ({@code total} − base) call for: a wider
   * kernel while more than its threshold remain (padded lanes cost what real ones do, and every pass
   * repeats the primal), the narrowest otherwise.
   */
  private void widest(MethodSpec.Builder method, String total, java.util.function.Consumer<LaneWrapper.Level> pass) {
    java.util.List<LaneWrapper.Level> levels = w.levels(local);
    for (int i = levels.size() - 1; i >= 1; i--) {
      String test = i == levels.size() - 1 ? "if ($N - $N > $L)" : "else if ($N - $N > $L)";
      if (i == levels.size() - 1) {
        method.beginControlFlow(test, total, local.base, levels.get(i).threshold());
      } else {
        method.nextControlFlow(test, total, local.base, levels.get(i).threshold());
      }
      pass.accept(levels.get(i));
    }
    if (levels.size() > 1) {
      method.nextControlFlow("else");
    }
    pass.accept(levels.get(0));
    if (levels.size() > 1) {
      method.endControlFlow();
    }
  }

  /** One block: basis rows, the kernel, the gradient lanes (and the value) out, the next base. */
  private void pass(MethodSpec.Builder method, String kernel, int lanes, String rows, String out, String gradient) {
    method.addStatement("$N.basis($N, $N, $N)", LaneRows.CLASS, rows, local.base, local.n)
        .addStatement("$N += $N($L, $N, $N)", local.sum, kernel, String.join(", ", local.arguments), rows, out);
    if (w.kind() != LaneWrapper.Kind.LAPLACIAN) {
      method.addStatement("$N.scatter($N, $N, $N, $N)", LaneRows.CLASS, out, gradient, local.base, local.n);
    }
    if (w.kind() == LaneWrapper.Kind.EVALUATE) {
      method.addStatement("$N = $N[$L]", local.value, out, lanes);
    }
    method.addStatement("$N += $L", local.base, lanes);
  }

  /** Σ over blocks of basis vectors e_base … (the columns of a matrix), exact terms in the first block. */
  private void columns(MethodSpec.Builder method) {
    method.addStatement("double $N = 0.0", local.sum)
        .addStatement("int $N = 0", local.base)
        .beginControlFlow("do");
    widest(method, local.n, level -> column(method, level.kernel(), level.lanes(), level.rows()));
    method.endControlFlow("while ($N < $N)", local.base, local.n)
        .addStatement("return $N", local.sum);
  }

  private void column(MethodSpec.Builder method, String kernel, int lanes, String rows) {
    method.addStatement("$N.basis($N, $N, $N)", LaneRows.CLASS, rows, local.base, local.n)
        .addStatement("$N += $N($L, $N, 1, $N == 0 ? 1.0 : 0.0)", local.sum, kernel,
            String.join(", ", local.arguments), rows, local.base)
        .addStatement("$N += $L", local.base, lanes);
  }

  /** (1/S)·Σ over blocks of the S directions, copied from the caller's rows or drawn. */
  private void estimate(MethodSpec.Builder method) {
    boolean rows = w.kind() == LaneWrapper.Kind.ESTIMATE_FROM_ROWS;
    String count = rows ? w.extra() + ".length" : w.samplesName() != null ? w.samplesName() : Integer.toString(w.samples());
    method.addStatement("int $N = $L", local.count, count);
    if (w.samples() > 0 && rows) {
      method.beginControlFlow("if ($N != $L)", local.count, w.samples())
          .addStatement("throw new $T($S + $N)", IllegalArgumentException.class,
              w.extra() + " needs " + w.samples() + " rows, has ", local.count)
          .endControlFlow();
    } else if (w.samples() < 0) {
      method.beginControlFlow("if ($N < 1)", local.count)
          .addStatement("throw new $T($S + $N)", IllegalArgumentException.class,
              "an estimate needs at least one direction, has ", local.count)
          .endControlFlow();
    }
    method.addStatement("double $N = 0.0", local.sum)
        .addStatement("int $N = 0", local.base)
        .beginControlFlow("while ($N < $N)", local.base, local.count);
    widest(method, local.count, level -> block(method, level.kernel(), level.lanes(), level.rows(), rows));
    method.endControlFlow();
    if (w.weighted()) {
      method.addStatement("return $N", local.sum);
    } else {
      method.addStatement("return $N / $N", local.sum, local.count);
    }
  }

  /** One block of directions: copied or drawn into {@code rows}, the kernel's share, the next base. */
  private void block(MethodSpec.Builder method, String kernel, int lanes, String rows, boolean copied) {
    if (copied) {
      method.addStatement("$N.copy($N, $N, $N, $N)", LaneRows.CLASS, rows, w.extra(), local.base, local.n);
    } else {
      method.addStatement("$N.draw($N, $N, $N, $N, $N, $L)", LaneRows.CLASS, rows, w.extra(), local.base,
          local.count, local.n, w.gaussian());
    }
    if (w.weighted()) {
      method.addStatement("$N += $N($L, $N, $N, $N == 0 ? 1.0 : 0.0)", local.sum, kernel,
          String.join(", ", local.arguments), rows, local.count, local.base);
    } else {
      method.addStatement("$N += $N($L, $N)", local.sum, kernel, String.join(", ", local.arguments), rows);
    }
    method.addStatement("$N += $L", local.base, lanes);
  }
}

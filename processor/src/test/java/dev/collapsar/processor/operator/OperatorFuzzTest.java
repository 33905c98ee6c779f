package dev.collapsar.processor.operator;

import dev.collapsar.processor.ir.Type;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random token soup through the whole stage: every input must end in a plan or in errors with
 * a column inside the text (or on an attribute), never in an exception.
 */
class OperatorFuzzTest {
  private static final String[] TOKENS = {"u", "D", "[", "]", "(", ")", ",", "+", "-", "*", "/", "x", "y", "t", "x[0]", "x[9]",
      "laplacian", "biharmonic", "diffusion(S)", "drift(b)", "drift(x)", "diffusion(t)", "0", "2", "0.5", "1e-3", "n", "S", "b",
      " ", "D[x[1],t]", "D[t,t,t,t]", "D[y]", "#", "1e", "q"};

  @Test
  void randomTextNeverThrows() {
    OperatorSignature signature = new OperatorSignature(List.of(new OperatorParameter("t", Type.DOUBLE),
        new OperatorParameter("x", Type.DOUBLE_ARRAY), new OperatorParameter("y", Type.DOUBLE),
        new OperatorParameter("n", Type.INT), new OperatorParameter("S", Type.DOUBLE_MATRIX),
        new OperatorParameter("b", Type.DOUBLE_ARRAY)), List.of(), 3);
    Random random = new Random(99);
    int plans = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int k = 0; k < length; k++) {
        text.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      OperatorSignature s = random.nextBoolean() ? signature : signature.withWrt("t", "x");
      OperatorResult<OperatorPlan> result = Operators.plan(text.toString(), s, PlanOptions.DEFAULT);
      if (result.isOk()) {
        plans++;
      } else {
        for (OperatorError e : result.errors()) {
          boolean placed = e.where() == OperatorError.Where.VALUE ? e.column() >= 1 && e.column() <= text.length() + 1
              : e.column() == 0;
          assertTrue(placed, () -> text + ": " + e);
        }
      }
    }
    assertTrue(plans > 100, "too few valid operators to mean anything: " + plans);
  }
}

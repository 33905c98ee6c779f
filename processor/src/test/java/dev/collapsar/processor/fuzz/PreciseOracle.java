package dev.collapsar.processor.fuzz;

import org.hipparchus.analysis.differentiation.FDSFactory;
import org.hipparchus.analysis.differentiation.FieldDerivativeStructure;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpField;

/**
 * The program's partials in 40-digit decimal arithmetic (Hipparchus {@code Dfp} under the same
 * derivative structures), for points where the double oracle and the generated code disagree: if
 * the double oracle itself is off there by more than the tolerance, its arithmetic lost the digits
 * (cancellation the double partials cannot show, since they may cancel to exactly zero) and the
 * point cannot be judged in double precision.
 */
final class PreciseOracle {
  private static final DfpField FIELD = new DfpField(40);

  private PreciseOracle() {}

  /** The partials of {@code program} up to {@code order} at {@code point}. */
  static Expected.Partials at(RandomProgram program, int order, double[] point) {
    FDSFactory<Dfp> factory = new FDSFactory<>(FIELD, point.length, order);
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array
    FieldDerivativeStructure<Dfp>[] x = new FieldDerivativeStructure[point.length];
    for (int i = 0; i < point.length; i++) {
      x[i] = factory.variable(i, FIELD.newDfp(point[i]));
    }
    FieldDerivativeStructure<Dfp> result = program.eval(x);
    return orders -> result.getPartialDerivative(orders).getReal();
  }
}

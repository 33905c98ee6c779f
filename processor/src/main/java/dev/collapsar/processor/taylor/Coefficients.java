package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Algebra;
import dev.collapsar.processor.ir.Node;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Type;
import dev.collapsar.processor.operator.Coefficient;
import java.util.Map;

/**
 * Turns operator coefficients into value-graph nodes over the method's parameters. Coefficients are
 * evaluated at the point and never differentiated, so parameters appear as plain references; int
 * parameters are promoted so that {@code n*n} is computed in double, as written mathematically.
 */
final class Coefficients {
  private final Algebra alg;
  private final Map<String, Type> parameterTypes;

  Coefficients(Algebra algebra, Source.Function entry) {
    this.alg = algebra;
    this.parameterTypes = new java.util.HashMap<>();
    entry.parameters().forEach(p -> parameterTypes.put(p.name(), p.type()));
  }

  Node node(Coefficient c) {
    if (c instanceof Coefficient.Constant k) {
      return alg.num(k.value().doubleValue());
    } else if (c instanceof Coefficient.ParameterRef p) {
      Type type = parameterTypes.get(p.name());
      Node ref = alg.nodes().ref(p.name(), type);
      return type == Type.DOUBLE ? ref : alg.nodes().apply(Type.DOUBLE, dev.collapsar.processor.ir.Op.MUL, alg.one(), ref);
    } else if (c instanceof Coefficient.ElementRef e) {
      return alg.arrayLoad(alg.nodes().ref(e.array(), Type.DOUBLE_ARRAY), alg.nodes().constant(e.index(), Type.INT));
    } else if (c instanceof Coefficient.Product p) {
      Node product = alg.one();
      for (Coefficient f : p.factors()) {
        product = alg.mul(product, node(f));
      }
      return product;
    } else if (c instanceof Coefficient.Quotient q) {
      return alg.div(node(q.numerator()), node(q.denominator()));
    } else if (c instanceof Coefficient.Negation n) {
      return alg.neg(node(n.operand()));
    } else {
      Node sum = alg.zero();
      for (Coefficient t : ((Coefficient.Sum) c).terms()) {
        sum = alg.add(sum, node(t));
      }
      return sum;
    }
  }
}

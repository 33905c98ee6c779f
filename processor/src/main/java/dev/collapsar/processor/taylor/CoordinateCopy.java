package dev.collapsar.processor.taylor;

import dev.collapsar.processor.ir.Op;
import dev.collapsar.processor.ir.Source;
import dev.collapsar.processor.ir.Type;
import java.util.List;

/**
 * {@code double[] h = x;} where x holds differentiated coordinates: h becomes a local array with its
 * own coefficient arrays, filled by a copy loop ({@code h = new double[x.length]; for (i…) h[i] =
 * x[i];}), so that the layer loop's {@code h = z} joins two local arrays. The user cannot tell a copy
 * from an alias: the supported subset has no writes into parameter arrays.
 */
final class CoordinateCopy {
  private CoordinateCopy() {}

  static void declare(Source.Declare d, Value.Array coordinates, Env env, StatementExecutor executor,
      LoopExecutor loops) {
    Object site = d.site();
    // Names no Java variable can have, so that no user variable is shadowed; the binder derives
    // printable local names from the base before the first '#'.
    String source = d.name() + "#source";
    String index = d.name() + "#i";
    Value savedSource = env.get(source);
    Value savedIndex = env.get(index);
    env.put(source, coordinates);
    Source.Name array = new Source.Name(source, site);
    Source.Name i = new Source.Name(index, site);
    executor.execute(new Source.Declare(d.name(), Type.DOUBLE_ARRAY,
        new Source.NewArray(new Source.Length(array, site), site), d.text(), site), env, false);
    Source.Stmt copy = new Source.ArrayAssign(d.name(), i, null, new Source.ArrayRead(array, i, site), null, site);
    loops.run(new Source.For(
        List.of(new Source.Declare(index, Type.INT, new Source.Literal(0, Type.INT, site), null, site)),
        new Source.Binary(Op.LT, i, new Source.Length(array, site), site),
        List.of(new Source.Assign(index, Op.ADD, new Source.Literal(1, Type.INT, site), null, site)),
        new Source.Block(List.of(copy), site), null, site), env);
    env.reset(source, savedSource);
    env.reset(index, savedIndex);
  }
}

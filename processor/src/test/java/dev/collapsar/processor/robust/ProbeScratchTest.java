package dev.collapsar.processor.robust;

import dev.collapsar.LaplacianResult;
import dev.collapsar.processor.CollapsarProcessor;
import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProbeScratchTest {
  @Test
  void probe() throws Exception {
    String[][] fns = {
      {"sqrt1", "Math.sqrt(x)"}, {"cbrt1", "Math.cbrt(x)"}, {"log1", "Math.log(x)"}, {"log10a", "Math.log10(x)"}, {"log1pa", "Math.log1p(x)"},
      {"p15", "Math.pow(x, 1.5)"}, {"p05", "Math.pow(x, 0.5)"}, {"p25", "Math.pow(x, 2.5)"}, {"p2", "Math.pow(x, 2)"}, {"p3", "Math.pow(x, 3)"},
      {"p1", "Math.pow(x, 1)"}, {"p0", "Math.pow(x, 0)"}, {"pm1", "Math.pow(x, -1)"}, {"pm2", "Math.pow(x, -2)"}, {"p5", "Math.pow(x, 5)"}, {"p6", "Math.pow(x, 6.0)"},
      {"absa", "Math.abs(x)"}, {"sq", "x * x"}, {"inv", "1 / x"}, {"expa", "Math.exp(x)"}, {"asina", "Math.asin(x)"}, {"acosa", "Math.acos(x)"},
      {"signa", "Math.signum(x)"}, {"floora", "Math.floor(x)"},
    };
    String[][] fns2 = {
      {"mina", "Math.min(x, y)"}, {"maxa", "Math.max(x, y)"}, {"atan2a", "Math.atan2(y, x)"}, {"hyp", "Math.hypot(x, y)"},
      {"rad", "Math.sqrt(x * x + y * y)"}, {"div", "x / y"}, {"powxy", "Math.pow(x, y)"},
    };
    StringBuilder src = new StringBuilder("package p;\nimport dev.collapsar.Laplacian;\nfinal class E {\n");
    for (String[] f : fns) src.append("  @Laplacian static double ").append(f[0]).append("(double x) { return ").append(f[1]).append("; }\n");
    for (String[] f : fns2) src.append("  @Laplacian static double ").append(f[0]).append("(double x, double y) { return ").append(f[1]).append("; }\n");
    src.append("}\n");
    CompiledSources c = CollapsarCompiler.with(CollapsarProcessor::new).compile("p.E", src.toString());
    c.assertSucceeded();
    System.out.println(c.generatedSource("p.EOperators"));
    Class<?> ops = c.load("p.EOperators");
    double[] pts = {0.0, -0.0, 1e-320, -1.0, 800, 1.0};
    for (String[] f : fns) {
      Method m = ops.getDeclaredMethod(f[0] + "Evaluate", double.class); m.setAccessible(true);
      for (double p : pts) System.out.println(f[1] + " @ " + p + " -> " + m.invoke(null, p));
    }
    double[][] pts2 = {{0, 0}, {-1, 0}, {-1, -0.0}, {1, 1}, {2, 2}, {1, 0}, {0, 1}, {0, 0.5}, {-0.0, 0}};
    for (String[] f : fns2) {
      Method m = ops.getDeclaredMethod(f[0] + "Evaluate", double.class, double.class); m.setAccessible(true);
      for (double[] p : pts2) System.out.println(f[1] + " @ " + Arrays.toString(p) + " -> " + m.invoke(null, p[0], p[1]));
    }
  }
}

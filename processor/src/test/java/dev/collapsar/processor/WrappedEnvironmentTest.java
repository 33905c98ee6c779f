package dev.collapsar.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.collapsar.testing.CollapsarCompiler;
import dev.collapsar.testing.CompiledSources;
import dev.collapsar.testing.DiagnosticAssert;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * Gradle's incremental mode and IntelliJ hand processors a wrapped {@link ProcessingEnvironment}, on
 * which {@code Trees.instance} fails. The processor must then say so clearly, not crash.
 */
class WrappedEnvironmentTest {

  /** Runs the Collapsar processor behind a delegating proxy, as build tools do. */
  static final class Wrapping extends AbstractProcessor {
    private final CollapsarProcessor delegate = new CollapsarProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      ProcessingEnvironment wrapped = (ProcessingEnvironment) Proxy.newProxyInstance(
          getClass().getClassLoader(), new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
            try {
              return method.invoke(env, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      delegate.init(wrapped);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }

  @Test
  void aWrappedEnvironmentGivesAClearDiagnostic() {
    CompiledSources c = CollapsarCompiler.with(Wrapping::new).compile("w.Fields", """
        package w;

        import dev.collapsar.Laplacian;

        final class Fields {
          @Laplacian
          static double u(double x) { return x * x; }
        }
        """);
    DiagnosticAssert.assertSingleError(c, "Collapsar/Environment", "cannot read method bodies", 7);
    DiagnosticAssert.assertSingleError(c, "Collapsar/Environment", "Hint: Run javac with the processor on -processorpath", 7);
    assertFalse(c.hasGeneratedSource("w.FieldsOperators"));
  }
}

package dev.collapsar.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.collapsar.Laplacian;
import dev.collapsar.LinearPDE;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.frontend.Frontend;
import dev.collapsar.processor.frontend.Reporter;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * The Collapsar annotation processor. For each annotated method it runs the pipeline of
 * {@link Pipeline}: frontend → operator plan → Taylor transform → optimizer → emitter, and writes
 * one {@code <Class>Operators} source per class. A method with errors gets no code (its siblings
 * still do); an internal failure becomes one error that asks to be reported, never a javac crash.
 */
@AutoService(Processor.class)
public final class CollapsarProcessor extends AbstractProcessor {
  private Frontend frontend;
  private Reporter reporter;
  private String unavailable;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Trees trees = Frontend.trees(env);
    if (trees == null) {
      unavailable = "the ProcessingEnvironment " + env.getClass().getName() + " is not javac's own";
    }
    frontend = new Frontend(env.getElementUtils(), trees);
    reporter = new Reporter(env.getMessager(), trees);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // @Generated is listed so that the round that sees our own output claims it: otherwise javac
    // warns "No processor claimed any of these annotations", and users build with -Werror.
    return Set.of(Laplacian.class.getCanonicalName(), LinearPDE.class.getCanonicalName(),
        "javax.annotation.processing.Generated");
  }

  /**
   * {@code collapsar.testing.failOn=<method>} makes the pipeline fail on that method, so that tests
   * can check that an internal failure becomes one diagnostic and other methods are still generated.
   */
  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(FAIL_ON, PlanChoice.SECOND_ORDER, PlanChoice.MIXED, PlanChoice.BIHARMONIC, PlanChoice.LANES);
  }

  private static final String FAIL_ON = "collapsar.testing.failOn";

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Map<TypeElement, List<Pipeline.Generated>> byClass = new LinkedHashMap<>();
    for (Element e : Sorting.byPosition(round.getElementsAnnotatedWith(Laplacian.class))) {
      generate((ExecutableElement) e, true, byClass);
    }
    for (Element e : Sorting.byPosition(round.getElementsAnnotatedWith(LinearPDE.class))) {
      generate((ExecutableElement) e, false, byClass);
    }
    byClass.forEach(this::write);
    return true;
  }

  private void generate(ExecutableElement method, boolean laplacian, Map<TypeElement, List<Pipeline.Generated>> byClass) {
    try {
      if (unavailable != null) {
        throw new CollapsarException(Messages.environment(unavailable), null);
      }
      if (method.getSimpleName().contentEquals(String.valueOf(processingEnv.getOptions().get(FAIL_ON)))) {
        throw new IllegalStateException("failure requested by -A" + FAIL_ON);
      }
      Pipeline.Generated generated = laplacian
          ? Pipeline.laplacian(frontend.laplacian(method, Sorting.mirror(method, Laplacian.class)),
              PlanChoice.lanes(processingEnv.getOptions()))
          : Pipeline.linearPde(frontend.linearPde(method, Sorting.mirror(method, LinearPDE.class)),
              PlanChoice.from(processingEnv.getOptions()), PlanChoice.lanes(processingEnv.getOptions()));
      List<Pipeline.Generated> siblings =
          byClass.computeIfAbsent((TypeElement) method.getEnclosingElement(), k -> new java.util.ArrayList<>());
      String clash = Pipeline.clash(siblings, generated);
      if (clash != null) {
        throw new CollapsarException(Messages.duplicateName(clash), null);
      }
      siblings.add(generated);
    } catch (CollapsarException e) {
      e.each().forEach(problem -> reporter.error(problem.problem(), problem.site(), method));
    } catch (RuntimeException | StackOverflowError e) {
      reporter.error(Messages.internalError(method.getSimpleName().toString(), e), null, method);
    }
  }

  private void write(TypeElement owner, List<Pipeline.Generated> methods) {
    Pipeline.Generated first = methods.get(0);
    String name = first.request().packageName().isEmpty() ? first.request().operatorsClass()
        : first.request().packageName() + "." + first.request().operatorsClass();
    try {
      String source = Pipeline.file(methods, CollapsarProcessor.class.getName());
      JavaFileObject file = processingEnv.getFiler().createSourceFile(name, owner);
      try (Writer writer = file.openWriter()) {
        writer.write(source);
      }
    } catch (IOException | RuntimeException e) {
      reporter.error(Messages.internalError(owner.getSimpleName().toString(), e), null, owner);
    }
  }
}

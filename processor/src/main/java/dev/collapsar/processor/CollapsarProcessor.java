package dev.collapsar.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.collapsar.Laplacian;
import dev.collapsar.LinearPDE;
import dev.collapsar.processor.assemble.Assembler;
import dev.collapsar.processor.assemble.Generated;
import dev.collapsar.processor.assemble.MethodPlan;
import dev.collapsar.processor.assemble.OperatorsFile;
import dev.collapsar.processor.assemble.Options;
import dev.collapsar.processor.assemble.Planner;
import dev.collapsar.processor.diag.CollapsarException;
import dev.collapsar.processor.diag.Messages;
import dev.collapsar.processor.frontend.Frontend;
import dev.collapsar.processor.frontend.Reporter;
import dev.collapsar.processor.frontend.Sorting;
import dev.collapsar.processor.ir.Request;
import java.io.IOException;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * The Collapsar annotation processor. For each annotated method it runs the pipeline: read
 * ({@code frontend}) → plan ({@code assemble.Planner}, with the {@code operator} stage) → for each
 * generated method transform ({@code taylor}), optimize ({@code opt}) and emit ({@code emit}), and
 * writes one {@code <Class>Operators} source per class. A method with errors gets no code (its siblings
 * still do); an internal failure becomes one error that asks to be reported, never a javac crash.
 */
@AutoService(Processor.class)
public final class CollapsarProcessor extends AbstractProcessor {
  private Frontend frontend;
  private Reporter reporter;
  private String unavailable;
  /** Whether {@code jdk.incubator.vector} is visible to the compilation ({@code --add-modules}). */
  private boolean vectorModule;
  private boolean warnedVector;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Trees trees = Frontend.trees(env);
    if (trees == null) {
      unavailable = "the ProcessingEnvironment " + env.getClass().getName() + " is not javac's own";
    }
    frontend = new Frontend(env.getElementUtils(), trees);
    vectorModule = env.getElementUtils().getTypeElement("jdk.incubator.vector.DoubleVector") != null;
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
    Set<String> options = new HashSet<>(Options.names());
    options.add(FAIL_ON);
    return options;
  }

  private static final String FAIL_ON = "collapsar.testing.failOn";

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Map<TypeElement, List<Generated>> byClass = new LinkedHashMap<>();
    for (Class<? extends Annotation> annotation : List.of(Laplacian.class, LinearPDE.class)) {
      for (ExecutableElement method : Sorting.annotated(round, annotation)) {
        generate(method, annotation, byClass.computeIfAbsent((TypeElement) method.getEnclosingElement(),
            k -> new ArrayList<>()));
      }
    }
    byClass.forEach(this::write);
    return true;
  }

  /** The pipeline for one method: read → plan → per variant transform, optimize, emit. */
  private void generate(ExecutableElement method, Class<? extends Annotation> annotation, List<Generated> siblings) {
    try {
      if (unavailable != null) {
        throw new CollapsarException(Messages.environment(unavailable), null);
      }
      if (method.getSimpleName().contentEquals(String.valueOf(processingEnv.getOptions().get(FAIL_ON)))) {
        throw new IllegalStateException("failure requested by -A" + FAIL_ON);
      }
      Options options = Options.from(processingEnv.getOptions(), vectorModule);
      if (Options.vectorRequested(processingEnv.getOptions()) && !vectorModule && !warnedVector) {
        warnedVector = true;
        reporter.warning(Messages.vectorModule(), method);
      }
      AnnotationMirror mirror = Sorting.mirror(method, annotation);
      Request request = annotation == Laplacian.class ? frontend.laplacian(method, mirror)
          : frontend.linearPde(method, mirror);
      MethodPlan plan = Planner.plan(request, options.plan());
      Generated generated = Assembler.assemble(plan, options);
      String clash = OperatorsFile.clash(siblings, generated);
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

  private void write(TypeElement owner, List<Generated> methods) {
    if (methods.isEmpty()) {
      return; // every method of the class had errors
    }
    try {
      String source = OperatorsFile.source(methods, CollapsarProcessor.class.getName());
      JavaFileObject file = processingEnv.getFiler().createSourceFile(OperatorsFile.qualifiedName(methods.get(0)), owner);
      try (Writer writer = file.openWriter()) {
        writer.write(source);
      }
    } catch (IOException | RuntimeException e) {
      reporter.error(Messages.internalError(owner.getSimpleName().toString(), e), null, owner);
    }
  }
}

package dev.collapsar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * A stand-in for the Collapsar processor, so that this module can test its harness without
 * depending on the processor module. For every top-level class {@code p.A} of the first round it
 * generates {@code p.AGenerated} with {@code twice(double)} and, if option
 * {@code test.statements=N} is given, {@code chain(double)} of N statements. Methods whose name starts
 * with {@code bad} get an error {@code [Test/Bad]}, those starting with {@code warned} a warning
 * {@code [Test/Warn]}, both reported on the method.
 */
public final class TestProcessor extends AbstractProcessor {
  static final String STATEMENTS = "test.statements";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(STATEMENTS);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type && !type.getSimpleName().toString().endsWith("Generated")) {
        report(type);
        generate(type);
      }
    }
    return false;
  }

  private void report(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      String name = member.getSimpleName().toString();
      if (member.getKind() == ElementKind.METHOD && name.startsWith("bad")) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            "[Test/Bad] method " + name + " is not allowed", member);
      } else if (member.getKind() == ElementKind.METHOD && name.startsWith("warned")) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING,
            "[Test/Warn] method " + name + " is suspicious", member);
      }
    }
  }

  private void generate(TypeElement type) {
    String qualified = type.getQualifiedName() + "Generated";
    int dot = qualified.lastIndexOf('.');
    String simple = qualified.substring(dot + 1);
    StringBuilder source = new StringBuilder();
    if (dot > 0) {
      source.append("package ").append(qualified, 0, dot).append(";\n\n");
    }
    source.append("public final class ").append(simple).append(" {\n")
        .append("  private ").append(simple).append("() {}\n\n")
        .append("  public static double twice(double x) {\n    return 2 * x;\n  }\n");
    String statements = processingEnv.getOptions().get(STATEMENTS);
    if (statements != null) {
      source.append("\n  public static double chain(double x) {\n");
      for (int i = 0; i < Integer.parseInt(statements); i++) {
        source.append("    x = x * 1.5 + 2.0;\n");
      }
      source.append("    return x;\n  }\n");
    }
    source.append("}\n");
    try (Writer out = processingEnv.getFiler().createSourceFile(qualified, type).openWriter()) {
      out.write(source.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

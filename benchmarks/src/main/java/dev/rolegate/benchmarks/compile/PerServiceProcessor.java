package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * What the per-service floor processors of {@link RoundCost} share: for each type carrying
 * {@code @RequiresPermission}, one empty source file (an empty class {@code Empty<Type>} beside it)
 * and, when {@link #writesResources()}, one empty resource ({@code META-INF/floor/<binary name>}),
 * through the Filer. They cost javac what creating that many files costs, without rolegate's own
 * work.
 */
abstract class PerServiceProcessor extends FloorProcessor {
  private boolean written;

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (written || round.processingOver() || annotations.isEmpty()) {
      return false;
    }
    written = true;
    TreeMap<String, TypeElement> types = new TreeMap<>();
    for (Element element : round.getElementsAnnotatedWith(annotations.iterator().next())) {
      Element type = element instanceof TypeElement ? element : element.getEnclosingElement();
      if (type instanceof TypeElement typeElement) {
        types.put(typeElement.getQualifiedName().toString(), typeElement);
      }
    }
    Filer filer = processingEnv.getFiler();
    try {
      for (TypeElement type : types.values()) {
        String packageName = processingEnv.getElementUtils().getPackageOf(type).toString();
        String simple = "Empty" + type.getSimpleName();
        try (Writer writer =
            filer.createSourceFile(packageName + "." + simple, type).openWriter()) {
          writer.write("package " + packageName + ";\n\nfinal class " + simple + " {}\n");
        }
        if (!writesResources()) {
          continue;
        }
        String binary = processingEnv.getElementUtils().getBinaryName(type).toString();
        try (OutputStream out =
            filer
                .createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/floor/" + binary, type)
                .openOutputStream()) {
          out.write(new byte[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  /** Whether each service also gets a resource, as well as its source file. */
  abstract boolean writesResources();
}

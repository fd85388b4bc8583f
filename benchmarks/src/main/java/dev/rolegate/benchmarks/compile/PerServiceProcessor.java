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
 * What the per-service floor processors share: run on the corpus's interfaces alone, they write for
 * each interface {@code Service<i>} its hand-written guard {@code HandGuardedService<i>} ({@link
 * Corpus#guard}, or the same text rendered by JavaPoet) as a generated source file and, when {@link
 * #writesResources()}, one empty resource ({@code META-INF/floor/<binary name>}), through the
 * Filer. Their build compiles what the rolegate build compiles, the same number of generated files
 * and the same code, without rolegate's work: deciding what to generate.
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
        int service =
            Integer.parseInt(
                type.getSimpleName().toString().substring(Corpus.SERVICE_NAME.length()));
        try (Writer writer =
            filer
                .createSourceFile(Corpus.PACKAGE + "." + Corpus.GUARD_NAME + service, type)
                .openWriter()) {
          writer.write(guard(service));
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

  /** Returns the source of the guard of interface {@code Service<service>}. */
  String guard(int service) {
    return Corpus.guard(service);
  }

  /** Whether each service also gets a resource, as well as its guard. */
  abstract boolean writesResources();
}

package dev.rolegate.benchmarks.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * A processor that does nothing but write one empty source file, for {@link RoundCost}: it makes
 * javac run annotation processing and a second round, as any source-generating processor does,
 * without rolegate's own work.
 */
public final class OneFileProcessor extends FloorProcessor {
  private boolean written;

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!written && !round.processingOver()) {
      written = true;
      try (Writer writer =
          processingEnv.getFiler().createSourceFile("generated.OneFile").openWriter()) {
        writer.write("package generated;\n\npublic final class OneFile {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}

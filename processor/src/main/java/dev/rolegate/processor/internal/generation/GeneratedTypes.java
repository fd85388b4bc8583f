package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * What every generated type shares: the {@code @RolegateGenerated} marker (runtime retention, not
 * source, so Gradle's aggregating processing accepts it and the runtime recognizes a generated
 * guard; a name JaCoCo skips), and writing through the Filer. No {@code
 * javax.annotation.processing.Generated}: it has source retention, and an aggregating processor
 * handed a source-retention annotation makes Gradle recompile everything.
 */
public final class GeneratedTypes {
  static final ClassName MARKER =
      ClassName.get("dev.rolegate.runtime.internal", "RolegateGenerated");
  static final String RUNTIME = "dev.rolegate.runtime";
  static final String INTERNAL = "dev.rolegate.runtime.internal";

  private final Filer filer;

  public GeneratedTypes(Filer filer) {
    this.filer = filer;
  }

  /** Adds the shared annotation, the marker, to {@code type}. */
  TypeSpec.Builder annotate(TypeSpec.Builder type) {
    return type.addAnnotation(MARKER);
  }

  /**
   * Writes {@code type} into {@code packageName}, originating from {@code originating}: the source
   * text is built in memory, then written through the Filer in one write; a file that could not be
   * written whole is deleted.
   */
  void write(String packageName, TypeSpec type, Element... originating) {
    String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
    String text =
        JavaFile.builder(packageName, type)
            .skipJavaLangImports(true)
            .indent("  ")
            .build()
            .toString();
    JavaFileObject source;
    try {
      source = filer.createSourceFile(name, originating);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + name, e);
    }
    try (Writer writer = source.openWriter()) {
      writer.write(text);
    } catch (IOException | RuntimeException e) {
      // A half-written guard must not be compiled in the next round.
      if (!source.delete()) {
        e.addSuppressed(new IOException("could not delete the half-written " + source.getName()));
      }
      throw e instanceof IOException io
          ? new UncheckedIOException("could not write " + name, io)
          : (RuntimeException) e;
    }
  }

  /**
   * Makes text safe inside a Javadoc comment. javac reads a backslash followed by "u" as a Unicode
   * escape even in a comment (so a description could end the comment, or not compile at all, like a
   * Windows path), hence every backslash becomes an HTML entity.
   */
  static String javadocText(String text) {
    return text.replace("\\", "&#92;").replace("*/", "*&#47;").replace("@", "{@literal @}");
  }
}

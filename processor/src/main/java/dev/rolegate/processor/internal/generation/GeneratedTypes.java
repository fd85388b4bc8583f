package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.annotation.processing.Filer;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * What every generated type shares: {@code @Generated} (when the JDK has it; never a date),
 * the {@code @RolegateGenerated} marker, and writing through the Filer.
 */
public final class GeneratedTypes {
  static final String PROCESSOR = "dev.rolegate.processor.RolegateProcessor";
  static final ClassName MARKER = ClassName.get("dev.rolegate.runtime.internal", "RolegateGenerated");
  static final String RUNTIME = "dev.rolegate.runtime";
  static final String INTERNAL = "dev.rolegate.runtime.internal";

  private final Filer filer;
  private final ClassName generated;

  public GeneratedTypes(Filer filer, Elements elements, SourceVersion version) {
    this.filer = filer;
    boolean available =
        version.compareTo(SourceVersion.RELEASE_8) > 0
            && elements.getTypeElement("javax.annotation.processing.Generated") != null;
    this.generated = available ? ClassName.get("javax.annotation.processing", "Generated") : null;
  }

  /** Adds the shared annotations to {@code type}. */
  TypeSpec.Builder annotate(TypeSpec.Builder type) {
    if (generated != null) {
      type.addAnnotation(AnnotationSpec.builder(generated).addMember("value", "$S", PROCESSOR).build());
    }
    return type.addAnnotation(MARKER);
  }

  /** Writes {@code type} into {@code packageName}, originating from {@code originating}. */
  void write(String packageName, TypeSpec type, Element... originating) {
    TypeSpec.Builder withOrigins = type.toBuilder();
    for (Element element : originating) {
      withOrigins.addOriginatingElement(element);
    }
    JavaFile file = JavaFile.builder(packageName, withOrigins.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
    try {
      file.writeTo(filer);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + packageName + "." + type.name(), e);
    }
  }

  /**
   * Makes text safe inside a Javadoc comment. javac reads a backslash followed by "u" as a
   * Unicode escape even in a comment (so a description could end the comment, or not compile
   * at all, like a Windows path), hence every backslash becomes an HTML entity.
   */
  static String javadocText(String text) {
    return text.replace("\\", "&#92;").replace("*/", "*&#47;").replace("@", "{@literal @}");
  }
}

package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/**
 * Gradle reads {@code META-INF/gradle/incremental.annotation.processors}: every class it lists
 * must exist and be a processor, and the category must be the true one. The processor needs the
 * matrix, which no single annotated type holds, so it is aggregating. Gradle recompiles everything
 * when an aggregating processor is handed an annotation of source retention ("Aggregating
 * annotation processors require class or runtime retention"), so it claims none.
 */
class IncrementalMetadataTest {
  @Test
  void listedProcessors_existAndAreAggregating() throws IOException, ReflectiveOperationException {
    List<String> lines;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertNotNull(in, "incremental.annotation.processors is missing");
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank()).toList();
    }
    assertEquals(List.of("dev.rolegate.processor.RolegateProcessor,aggregating"), lines);
    for (String line : lines) {
      Class<?> type = Class.forName(line.substring(0, line.indexOf(',')));
      assertTrue(Processor.class.isAssignableFrom(type), type + " is not a Processor");
      type.getConstructor().newInstance();
    }
  }

  @Test
  void claimedAnnotations_allHaveClassOrRuntimeRetention() throws ClassNotFoundException {
    Set<String> claimed = new RolegateProcessor().getSupportedAnnotationTypes();

    assertTrue(
        claimed.contains("dev.rolegate.runtime.internal.RolegateGenerated"), claimed::toString);
    assertTrue(claimed.contains("dev.rolegate.annotations.RequiresPermission"), claimed::toString);
    for (String name : claimed) {
      assertTrue(!name.contains("*"), name + " is a wildcard: Gradle then aggregates every type");
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      assertTrue(type.isAnnotation(), name + " is not an annotation type");
      Retention retention = type.asSubclass(Annotation.class).getAnnotation(Retention.class);
      // No @Retention means CLASS, as for Gradle.
      RetentionPolicy policy = retention == null ? RetentionPolicy.CLASS : retention.value();
      assertTrue(policy != RetentionPolicy.SOURCE, name + " has source retention");
    }
  }
}

package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/**
 * Gradle reads {@code META-INF/gradle/incremental.annotation.processors}: every class it lists must
 * exist and be a processor, and the category must be the true one. The processor needs the matrix,
 * which no single annotated type holds, so it is aggregating. Gradle recompiles everything when an
 * aggregating processor is handed an annotation of source retention ("Aggregating annotation
 * processors require class or runtime retention"), so it claims none.
 */
class IncrementalMetadataTest {
  @Test
  void listedProcessors_existAndAreAggregating() throws IOException, ReflectiveOperationException {
    Map<String, String> declared =
        lines("META-INF/gradle/incremental.annotation.processors").stream()
            .collect(
                Collectors.toMap(
                    line -> line.substring(0, line.indexOf(',')),
                    line -> line.substring(line.indexOf(',') + 1)));
    assertEquals("aggregating", declared.get("dev.rolegate.processor.RolegateProcessor"));
    // The missing-processor check writes nothing and reads one element: isolating.
    assertEquals(
        "isolating", declared.get("dev.rolegate.annotations.processing.MissingProcessorCheck"));
    for (String name : declared.keySet()) {
      Class<?> type = Class.forName(name);
      assertTrue(Processor.class.isAssignableFrom(type), type + " is not a Processor");
      type.getConstructor().newInstance();
    }
  }

  /**
   * Gradle compiles everything again when any processor on the processor path is not declared
   * incremental: rolegate-processor brings rolegate-annotations, whose missing-processor check is
   * registered too, so every rolegate processor registered on this class path must be declared.
   */
  @Test
  void everyRegisteredRolegateProcessor_isDeclaredForGradle() throws IOException {
    List<String> registered =
        lines("META-INF/services/javax.annotation.processing.Processor").stream()
            .filter(name -> name.startsWith("dev.rolegate."))
            .sorted()
            .toList();
    List<String> declared =
        lines("META-INF/gradle/incremental.annotation.processors").stream()
            .map(line -> line.substring(0, line.indexOf(',')))
            .sorted()
            .toList();

    assertEquals(
        List.of(
            "dev.rolegate.annotations.processing.MissingProcessorCheck",
            "dev.rolegate.processor.RolegateProcessor"),
        registered);
    assertEquals(registered, declared);
  }

  /** The non-blank lines of every {@code resource} on this class path. */
  private List<String> lines(String resource) throws IOException {
    List<String> lines = new ArrayList<>();
    Enumeration<URL> files = getClass().getClassLoader().getResources(resource);
    while (files.hasMoreElements()) {
      try (InputStream in = files.nextElement().openStream()) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(lines::add);
      }
    }
    return lines;
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

package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/**
 * Gradle reads {@code META-INF/gradle/incremental.annotation.processors}: every class it lists
 * must exist and be a processor, and the category must be the true one. The processor needs the
 * matrix, which no single annotated type holds, so it is aggregating.
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
}

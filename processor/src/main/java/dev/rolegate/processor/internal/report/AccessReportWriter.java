package dev.rolegate.processor.internal.report;

import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.report.AccessReport.MatrixSummary;
import dev.rolegate.processor.internal.report.AccessReport.ServiceAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Collects each service whose guard was generated and, once per compilation, writes the access
 * report: {@value #MARKDOWN} and {@value #JSON} in the class output, and the machine-readable guard
 * index {@value #GUARD_INDEX}, each originating from every guarded type. Rows are computed when a
 * service is added, so only strings are kept across rounds.
 *
 * <p>A compilation with errors writes no report: a type that failed validation would be missing
 * from it, which reads like access that was removed. A compilation that guards nothing writes none
 * either.
 */
public final class AccessReportWriter {
  /** The Markdown report's path in the class output. */
  public static final String MARKDOWN = "META-INF/rolegate/access-report.md";

  /** The JSON report's path in the class output. */
  public static final String JSON = "META-INF/rolegate/access-report.json";

  /** The guard index's path in the class output (format: docs/guard-index.md). */
  public static final String GUARD_INDEX = GuardIndex.PATH;

  private final Filer filer;
  private final GuardIndex index = new GuardIndex();
  private final Map<String, ServiceAccess> services = new TreeMap<>();

  /** The guarded types, the files' originating elements, by qualified name. */
  private final Map<String, Element> types = new TreeMap<>();

  private MatrixSummary matrix;
  private AccessCalculator calculator;
  private MatrixHandle calculatorFor;
  private boolean written;

  public AccessReportWriter(Filer filer) {
    this.filer = filer;
  }

  /** Adds the rows of {@code service}, whose guard was just generated against {@code handle}. */
  public void add(GuardedService service, MatrixHandle handle) {
    if (calculator == null || !handle.equals(calculatorFor)) {
      calculator = new AccessCalculator(handle.matrix());
      calculatorFor = handle;
      matrix = AccessCalculator.summary(handle);
    }
    ServiceAccess rows = calculator.service(service);
    services.put(rows.type(), rows);
    types.put(service.qualifiedName(), service.type());
    index.add(service, handle);
  }

  /** Returns the rows of every service added so far, sorted by qualified name. */
  Collection<ServiceAccess> services() {
    return services.values();
  }

  /** Returns the matrix the services added so far were checked against, if any was added. */
  Optional<MatrixHandle> matrix() {
    return Optional.ofNullable(calculatorFor);
  }

  /**
   * Writes both files, at most once, in the last round; does nothing when {@code errors} (the
   * compilation reported an error) or when no guard was generated.
   */
  public void write(boolean errors) {
    if (written || errors || services.isEmpty()) {
      return;
    }
    written = true;
    AccessReport report = new AccessReport(matrix, List.copyOf(services.values()));
    Element[] originating = types.values().toArray(Element[]::new);
    writeResource(MARKDOWN, MarkdownReport.render(report), originating);
    writeResource(JSON, JsonReport.render(report), originating);
    writeResource(GUARD_INDEX, index.render(), originating);
  }

  private void writeResource(String path, String text, Element[] originating) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, originating);
      try (OutputStream out = file.openOutputStream()) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }
}

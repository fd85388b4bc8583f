package dev.rolegate.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code rolegate}: the access reports ({@code
 * META-INF/rolegate/access-report.json}) of every module on the class path, as {@code {"reports":
 * [report, ...]}}, one per compilation that generated guards. Read once, at startup.
 */
@Endpoint(id = "rolegate")
public class AccessReportEndpoint {
  /** Where the processor writes the report. */
  public static final String RESOURCE = "META-INF/rolegate/access-report.json";

  private final String body;

  /** Reads the reports that {@code loader} sees. */
  public AccessReportEndpoint(ClassLoader loader) {
    List<String> reports = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        try (InputStream in = url.openStream()) {
          reports.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
    this.body = "{\"reports\":[" + String.join(",", reports) + "]}";
  }

  /** Returns the reports as JSON. */
  @ReadOperation(produces = "application/json")
  public String report() {
    return body;
  }
}

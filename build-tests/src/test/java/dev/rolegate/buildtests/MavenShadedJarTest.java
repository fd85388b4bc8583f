package dev.rolegate.buildtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two modules with guarded services shaded into one application jar, in a real Maven build ({@code
 * src/test/resources/shaded-app}: modules {@code orders} and {@code billing}, each with its own
 * matrix and so its own {@code META-INF/rolegate/guard-index}, and {@code app}, shaded twice).
 *
 * <p>Shaded with the {@code AppendingTransformer} docs/guard-index.md prescribes, the indexes are
 * concatenated and the app finds and wraps both services. Shaded without it, one module's index
 * overwrites the other's; the type left out still has its generated guard in the jar, so the
 * runtime's {@code GuardIndex.find(Class)} refuses to answer "not guarded" and the app stops before
 * any service runs unchecked.
 */
class MavenShadedJarTest {
  @TempDir static Path work;
  private static MavenProject project;

  @BeforeAll
  static void buildOnce() throws IOException, InterruptedException {
    project = MavenProject.copy("shaded-app", work);
    MavenProject.Run build = project.mvn("-q", "package");
    assertTrue(build.succeeded(), build.output());
  }

  @Test
  void indexesConcatenated_appWrapsTheServicesOfBothModules()
      throws IOException, InterruptedException {
    MavenProject.Run app = project.javaFromJar("app/target/app-1.0-merged.jar", "com.acme.app.App");
    assertTrue(app.succeeded(), app.output());
    assertEquals(
        List.of(
            "Orders: com.acme.orders.GuardedOrders, refused unauthenticated",
            "Invoices: com.acme.billing.GuardedInvoices, refused unauthenticated",
            "delegates reached: []"),
        app.stdoutLines(),
        app.output());
  }

  @Test
  void indexOverwritten_appFailsNamingTheLostTypeAndTheFix()
      throws IOException, InterruptedException {
    MavenProject.Run app = project.javaFromJar("app/target/app-1.0-naive.jar", "com.acme.app.App");
    assertFalse(app.succeeded(), "a service left out of the index must not run\n" + app.output());
    assertTrue(
        app.output().contains("Exception in thread \"main\" java.lang.IllegalStateException: "),
        app.output());
    assertTrue(
        app.output()
            .matches(
                "(?s).*com\\.acme\\.(orders\\.Orders is guarded by com\\.acme\\.orders\\.GuardedOrders"
                    + "|billing\\.Invoices is guarded by com\\.acme\\.billing\\.GuardedInvoices)"
                    + " \\(from file:.*app-1\\.0-naive\\.jar\\) but in no guard index read \\(jar:file:.*app-1\\.0-naive\\.jar!/META-INF/rolegate/"
                    + "guard-index\\): jars were merged so that one module's META-INF/rolegate/guard-index"
                    + " overwrote another's\\. Concatenate them when merging \\(maven-shade: an"
                    + " AppendingTransformer for META-INF/rolegate/guard-index; docs/guard-index\\.md\\).*"),
        app.output());
    assertFalse(app.output().contains("delegates reached"), app.output());
  }
}

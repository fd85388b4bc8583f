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
 * A matrix edit always reaches the running code, in a real Maven build of a user project ({@code
 * src/test/resources/acme-app}: its own matrix under src/main/resources, a guarded service, a main
 * class and a test).
 *
 * <p>maven-compiler-plugin recompiles when a {@code .java} file changes, not when only the matrix
 * does: after an edit of {@code acme.md}, {@code mvn compile} says "Nothing to compile" and copies
 * the new file beside a table compiled from the old one. The table notices when it loads: the
 * project's own test fails the build, and the application refuses to run, both saying "compiled
 * from an older acme.md: rebuild"; a clean build then runs the edited matrix.
 */
class MavenIncrementalBuildTest {
  @TempDir static Path work;
  private static MavenProject project;

  @BeforeAll
  static void buildOnce() throws IOException, InterruptedException {
    project = MavenProject.copy("acme-app", work);
    MavenProject.Run first = project.mvn("test");
    assertTrue(first.succeeded(), first.output());
    assertTrue(first.output().contains("Tests run: 1, Failures: 0, Errors: 0"), first.output());
  }

  @Test
  void matrixEdit_incrementalBuildIsCaught_cleanBuildRunsTheEdit()
      throws IOException, InterruptedException {
    assertEquals(List.of("CLERK edit: edited o-7"), project.java("com.acme.App").stdoutLines());

    // CLERK loses EDIT_ORDERS in the document; no .java file changes.
    project.edit(
        "src/main/resources/com/acme/rbac/acme.md",
        "| CLERK | workspace | | VIEW_ORDERS, EDIT_ORDERS |",
        "| CLERK | workspace | | VIEW_ORDERS |");

    MavenProject.Run incremental = project.mvn("test");
    assertTrue(
        incremental.output().contains("Nothing to compile - all classes are up to date"),
        "the premise: maven-compiler-plugin does not recompile for a matrix edit\n"
            + incremental.output());
    assertFalse(
        incremental.succeeded(),
        "the project's own test must fail the build\n" + incremental.output());
    assertTrue(
        incremental
            .output()
            .contains(
                "StaleMatrixError: the capability table was compiled"
                    + " from an older acme.md: rebuild (mvn clean compile, or a clean Gradle build)."),
        incremental.output());

    MavenProject.Run stale = project.java("com.acme.App");
    assertFalse(stale.succeeded(), "the stale table must not run\n" + stale.output());
    // The app builds its principal first, so the stale table is met through Matrix.load().
    assertTrue(
        stale
            .output()
            .contains(
                "Exception in thread \"main\""
                    + " dev.rolegate.runtime.StaleMatrixError: the capability table was compiled from an older"
                    + " acme.md: rebuild"),
        stale.output());
    assertFalse(stale.output().contains("CLERK edit:"), stale.output());

    MavenProject.Run clean = project.mvn("clean", "compile");
    assertTrue(clean.succeeded(), clean.output());
    assertEquals(List.of("CLERK edit: denied"), project.java("com.acme.App").stdoutLines());
  }
}

package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The access lock ({@code -Arolegate.accessLock}, docs/access-lock.md): its exact, deterministic
 * content, the one {@code [AccessChanged]} error listing every change (widening first, grant
 * paths), narrowing as a warning on request, and {@code [AccessLockInvalid]} for a missing or
 * malformed file and bad option values.
 */
class AccessLockTest {
  private static final String ARCHIVE =
      """
      package test;
      import dev.rolegate.annotations.*;
      public class Archive extends Ledger {
        @RequiresPermission(Permissions.EDIT_ACCOUNT)
        @BoundAccount
        public void seal() {}
      }
      """;
  private static final String DEPLOYMENTS =
      """
      package test;
      import dev.rolegate.annotations.*;
      public interface Deployments {
        @RequiresPermission("%s")
        void delete(@WorkspaceId String ws, String id);
        @RequiresPermission(Permissions.VIEW_THINGS)
        String view(@WorkspaceId String ws);
      %s}
      """;

  /** Returns {@link ReportedServices#sources()} with the class guards Ledger and Archive. */
  private static List<JavaFileObject> smallSources() {
    List<JavaFileObject> sources = new ArrayList<>(ReportedServices.sources());
    sources.add(JavaFileObjects.forSourceString("test.Ledger", ReportedServices.LEDGER));
    sources.add(JavaFileObjects.forSourceString("test.Archive", ARCHIVE));
    return sources;
  }

  private static List<JavaFileObject> deployments(String delete, String more) {
    return List.of(
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"),
        JavaFileObjects.forSourceString(
            "test.Deployments", String.format(Locale.ROOT, DEPLOYMENTS, delete, more)));
  }

  /** Returns {@link #deployments(String, String)} whose delete requires DELETE_THINGS, no more. */
  private static List<JavaFileObject> deployments() {
    return deployments("DELETE_THINGS", "");
  }

  /** Compiles {@code sources} against the small test matrix, checked against {@code lock}. */
  private static Compilation compile(Path lock, List<JavaFileObject> sources, String... options) {
    return compile(TestMatrices.SMALL, lock, sources, options);
  }

  private static Compilation compile(
      String matrix, Path lock, List<JavaFileObject> sources, String... options) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "-sourcepath",
                TestMatrices.sourcePath(matrix).toString(),
                "-Arolegate.accessLock=" + lock));
    all.addAll(List.of(options));
    return com.google.testing.compile.Compiler.javac()
        .withProcessors(new RolegateProcessor())
        .withOptions(all)
        .compile(sources);
  }

  /** Returns where a lock may be written, in a new directory; nothing is there yet. */
  private static Path newLock() throws IOException {
    return Files.createTempDirectory("rolegate-lock").resolve("rolegate-access.lock");
  }

  /** Writes the lock of {@code sources} against the small test matrix. */
  private static Path locked(List<JavaFileObject> sources) throws IOException {
    return locked(TestMatrices.SMALL, sources);
  }

  /** Writes the lock of {@code sources} against {@code matrix} with the update option. */
  private static Path locked(String matrix, List<JavaFileObject> sources) throws IOException {
    Path lock = newLock();
    Compilation compilation = compile(matrix, lock, sources, "-Arolegate.accessLock.update=true");
    assertThat(compilation).succeededWithoutWarnings();
    return lock;
  }

  /** Returns the one error's message; javac indents each line after the first by two spaces. */
  private static String onlyError(Compilation compilation) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    return compilation.errors().get(0).getMessage(Locale.ROOT);
  }

  @Test
  void update_writesTheLock_exactly() throws IOException {
    Path lock = locked(smallSources());
    assertEquals(
        ReportedServices.expected("small-access.lock"),
        Files.readString(lock, StandardCharsets.UTF_8));
  }

  @Test
  void update_twice_andInReversedSourceOrder_writesIdenticalBytes() throws IOException {
    byte[] first = Files.readAllBytes(locked(smallSources()));
    assertArrayEquals(first, Files.readAllBytes(locked(smallSources())));
    List<JavaFileObject> reversed = new ArrayList<>(smallSources());
    Collections.reverse(reversed);
    assertArrayEquals(first, Files.readAllBytes(locked(reversed)));
  }

  @Test
  void identicalAccess_noDiagnostic() throws IOException {
    Path lock = locked(smallSources());
    Compilation compilation = compile(lock, smallSources());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void matrixOnlyCompilation_locksEveryRole() throws IOException {
    Path lock = locked(List.of(TestMatrices.packageInfo()));
    String text = Files.readString(lock, StandardCharsets.UTF_8);
    String expected = ReportedServices.expected("small-access.lock");
    assertEquals(
        expected.substring(0, expected.indexOf("\ncall ") + 1)
            + expected.substring(expected.indexOf("\npermission ") + 1),
        text);
    assertThat(compile(lock, List.of(TestMatrices.packageInfo()))).succeededWithoutWarnings();
  }

  @Test
  void wideningByAnnotation_oneErrorWithGrantPaths_andHowToAccept() throws IOException {
    Path lock = locked(deployments());
    Compilation compilation = compile(lock, deployments("VIEW_THINGS", ""));
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 3 changes, widening first:\n"
            + "  - workspace role EDITOR gains Deployments.delete(String, String) (needs VIEW_THINGS:"
            + " workspace EDITOR grants EDIT_THINGS, which includes VIEW_THINGS)\n"
            + "  - workspace role VIEWER gains Deployments.delete(String, String) (needs VIEW_THINGS:"
            + " workspace VIEWER grants VIEW_THINGS)\n"
            + "  - the requirement of Deployments.delete(String, String) changes from DELETE_THINGS"
            + " to VIEW_THINGS\n"
            + "  Each change needs a reviewer. To accept them, rewrite the lock with the compiler option"
            + " -Arolegate.accessLock.update=true and commit it with the change. With Maven, run mvn"
            + " clean compile -Drolegate.accessLock.update=true, the pom passing the property on:"
            + " <properties><rolegate.accessLock.update>false</rolegate.accessLock.update>"
            + "</properties> and, in maven-compiler-plugin's <compilerArgs>,"
            + " <arg>-Arolegate.accessLock=${project.basedir}/rolegate-access.lock</arg>"
            + "<arg>-Arolegate.accessLock.update=${rolegate.accessLock.update}</arg>",
        onlyError(compilation));
  }

  private static final String MAVEN =
      "With Maven, run mvn clean compile"
          + " -Drolegate.accessLock.update=true, the pom passing the property on:"
          + " <properties><rolegate.accessLock.update>false</rolegate.accessLock.update></properties>"
          + " and, in maven-compiler-plugin's <compilerArgs>,"
          + " <arg>-Arolegate.accessLock=${project.basedir}/rolegate-access.lock</arg>"
          + "<arg>-Arolegate.accessLock.update=${rolegate.accessLock.update}</arg>";
  private static final String HOW_TO_ACCEPT =
      "  Each change needs a reviewer. To accept them,"
          + " rewrite the lock with the compiler option -Arolegate.accessLock.update=true and commit"
          + " it with the change. "
          + MAVEN;
  private static final String AUDIT =
      "  @RequiresPermission(Permissions.VIEW_ACCOUNT)\n  void audit(@AccountId String account);\n";
  private static final String EDIT =
      "  @RequiresPermission(Permissions.EDIT_THINGS)\n  void edit(@WorkspaceId String ws);\n";

  @Test
  void wideningByMatrix_permissionMoved_namesTheGrantPath() throws IOException {
    Path lock = locked(deployments());
    String moved =
        TestMatrices.SMALL
            .replace("| VIEWER | EDIT_THINGS |", "| VIEWER | EDIT_THINGS, DELETE_THINGS |")
            .replace("| EDITOR | DELETE_THINGS, VIEW_SECRETS |", "| EDITOR | VIEW_SECRETS |");
    Compilation compilation = compile(moved, lock, deployments());
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 2 changes, widening first:\n"
            + "  - workspace role EDITOR gains Deployments.delete(String, String) (needs"
            + " DELETE_THINGS: workspace EDITOR grants DELETE_THINGS)\n"
            + "  - workspace role EDITOR gains DELETE_THINGS (workspace EDITOR grants"
            + " DELETE_THINGS)\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  @Test
  void wideningByMatrix_inheritsAdded_roleGainsThroughIt() throws IOException {
    String secrets =
        TestMatrices.SMALL.replace(
            "| VIEWER | workspace | | VIEW_THINGS |",
            "| VIEWER | workspace | | VIEW_THINGS, VIEW_SECRETS |");
    String noInherits =
        secrets.replace("| EDITOR | workspace | VIEWER |", "| EDITOR | workspace | |");
    Path lock = locked(noInherits, deployments("VIEW_SECRETS", ""));
    Compilation compilation = compile(secrets, lock, deployments("VIEW_SECRETS", ""));
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 2 changes, widening first:\n"
            + "  - workspace role EDITOR gains Deployments.delete(String, String) (needs VIEW_SECRETS:"
            + " workspace EDITOR inherits VIEWER, which grants VIEW_SECRETS)\n"
            + "  - workspace role EDITOR gains VIEW_SECRETS (workspace EDITOR inherits VIEWER, which"
            + " grants VIEW_SECRETS)\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  @Test
  void wideningThroughEverywhereRole_namesIt() throws IOException {
    Path lock = locked(deployments("VIEW_SECRETS", ""));
    String secretsToEditor =
        TestMatrices.SMALL
            .replace("| VIEWER | EDIT_THINGS |", "| VIEWER | EDIT_THINGS, VIEW_SECRETS |")
            .replace(
                "| OWNER | workspace | EDITOR | DELETE_THINGS, VIEW_SECRETS |",
                "| OWNER | workspace | | DELETE_THINGS |")
            .replace(
                "| MEMBER | account (default) | | VIEW_ACCOUNT | |",
                "| MEMBER | account (default) | | VIEW_ACCOUNT | EDITOR |");
    Compilation compilation = compile(secretsToEditor, lock, deployments("VIEW_SECRETS", ""));
    String error = onlyError(compilation);
    assertTrue(
        error.contains(
            "\n  - workspace role VIEWER gains Deployments.delete(String,"
                + " String) (needs VIEW_SECRETS: the default account MEMBER holds workspace EDITOR"
                + " everywhere, and workspace EDITOR grants VIEW_SECRETS)\n"),
        error);
    assertTrue(
        error.contains("\n  - account role MEMBER holds workspace role EDITOR" + " everywhere\n"),
        error);
    assertTrue(error.contains("\n  - workspace role OWNER loses VIEW_SECRETS\n"), error);
    // Widening first: the first narrowing change comes after the last widening one.
    assertTrue(error.indexOf(" loses ") > error.lastIndexOf(" gains "), error);
  }

  @Test
  void newAndRemovedMethod_newOneFirst() throws IOException {
    Path lock = locked(deployments("DELETE_THINGS", EDIT));
    Compilation compilation = compile(lock, deployments("DELETE_THINGS", AUDIT));
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 2 changes, widening first:\n"
            + "  - new guarded method Deployments.audit(String) (needs VIEW_ACCOUNT): callable by"
            + " account ADMIN, MEMBER\n"
            + "  - removed guarded method Deployments.edit(String) (it needed EDIT_THINGS, callable by"
            + " workspace EDITOR, OWNER; account ADMIN)\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  @Test
  void narrowing_isAnErrorByDefault() throws IOException {
    Path lock = locked(deployments("EDIT_THINGS", ""));
    Compilation compilation = compile(lock, deployments());
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 2 changes, widening first:\n"
            + "  - the requirement of Deployments.delete(String, String) changes from EDIT_THINGS to"
            + " DELETE_THINGS\n"
            + "  - workspace role EDITOR loses Deployments.delete(String, String) (it needs"
            + " DELETE_THINGS)\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  @Test
  void narrowing_withNarrowingWarn_isAWarning() throws IOException {
    Path lock = locked(deployments("EDIT_THINGS", EDIT));
    Compilation compilation = compile(lock, deployments(), "-Arolegate.accessLock.narrowing=warn");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertEquals(
        "[AccessChanged] The access rolegate computes is narrower than the access lock "
            + lock
            + " in 3 changes:\n"
            + "  - the requirement of Deployments.delete(String, String) changes from EDIT_THINGS to"
            + " DELETE_THINGS\n"
            + "  - workspace role EDITOR loses Deployments.delete(String, String) (it needs"
            + " DELETE_THINGS)\n"
            + "  - removed guarded method Deployments.edit(String) (it needed EDIT_THINGS, callable by"
            + " workspace EDITOR, OWNER; account ADMIN)\n"
            + "  -Arolegate.accessLock.narrowing=warn makes this a warning. To record it, rewrite the"
            + " lock with the compiler option -Arolegate.accessLock.update=true and commit it. "
            + MAVEN,
        compilation.warnings().get(0).getMessage(Locale.ROOT));
  }

  @Test
  void widening_withNarrowingWarn_isStillAnError() throws IOException {
    Path lock = locked(deployments());
    Compilation compilation =
        compile(lock, deployments("EDIT_THINGS", ""), "-Arolegate.accessLock.narrowing=warn");
    assertTrue(
        onlyError(compilation)
            .startsWith(
                "[AccessChanged] The access rolegate computes"
                    + " differs from the access lock "
                    + lock
                    + " in 2 changes, widening first:\n"
                    + "  - workspace role EDITOR gains Deployments.delete(String, String)"));
  }

  @Test
  void missingLock_errorSaysHowToCreateIt() throws IOException {
    Path lock = newLock();
    Compilation compilation = compile(lock, deployments());
    assertEquals(
        "[AccessLockInvalid] -Arolegate.accessLock="
            + lock
            + " names no file, so there"
            + " is no access to compare with. Create it: compile once with"
            + " -Arolegate.accessLock.update=true, review the file and commit it. "
            + MAVEN,
        onlyError(compilation));
    assertFalse(Files.exists(lock));
  }

  @Test
  void malformedLock_errorNamesTheLine() throws IOException {
    Path lock = locked(deployments());
    List<String> lines = new ArrayList<>(Files.readAllLines(lock, StandardCharsets.UTF_8));
    lines.add(9, "call test.Deployments Deployments.delete(String, String) workspace");
    Files.write(lock, lines, StandardCharsets.UTF_8);
    Compilation compilation = compile(lock, deployments());
    assertEquals(
        "[AccessLockInvalid] The access lock "
            + lock
            + " is malformed: line 10:"
            + " \"call test.Deployments Deployments.delete(String, String) workspace\" is not a lock"
            + " line. A lock line reads call <type> <operation> <fact> or role workspace|account"
            + " <ROLE> [<fact>] (docs/access-lock.md). Fix the line, or rewrite the file with"
            + " -Arolegate.accessLock.update=true and review its diff",
        onlyError(compilation));
  }

  /**
   * A lock row reaches the message as any user text does: printable ASCII, at most 80 characters.
   */
  @Test
  void malformedLock_invisibleOrLongText_isQuotedAsEveryNameIs() throws IOException {
    Path lock = locked(deployments());
    List<String> lines = new ArrayList<>(Files.readAllLines(lock, StandardCharsets.UTF_8));
    lines.add(9, "bogus\u200D" + "x".repeat(100));
    Files.write(lock, lines, StandardCharsets.UTF_8);
    Compilation compilation = compile(lock, deployments());
    assertTrue(
        onlyError(compilation)
            .startsWith(
                "[AccessLockInvalid] The access lock "
                    + lock
                    + " is malformed: line 10: \"bogus\\u200D"
                    + "x".repeat(74)
                    + "\" (the first 80 of 106 characters) is not a lock line. A lock line reads"),
        onlyError(compilation));
  }

  @Test
  void lockNotUtf8_errorNamesTheLine() throws IOException {
    Path lock = locked(deployments());
    byte[] text = Files.readAllBytes(lock);
    byte[] broken = new byte[text.length + 2];
    System.arraycopy(text, 0, broken, 0, text.length);
    broken[text.length] = (byte) 0xC3;
    broken[text.length + 1] = '\n';
    Files.write(lock, broken);
    long lines = Files.readString(lock, StandardCharsets.ISO_8859_1).lines().count();
    Compilation compilation = compile(lock, deployments());
    assertEquals(
        "[AccessLockInvalid] The access lock "
            + lock
            + " is not UTF-8: line "
            + lines
            + " holds a byte that is not. Save it as UTF-8, or rewrite the file with"
            + " -Arolegate.accessLock.update=true and review its diff",
        onlyError(compilation));
  }

  @Test
  void lockThatIsAFolder_cannotBeRead() throws IOException {
    Path lock = Files.createTempDirectory("rolegate-lock");
    Compilation compilation = compile(lock, deployments());
    String error = onlyError(compilation);
    assertTrue(
        error.startsWith(
            "[AccessLockInvalid] The access lock "
                + lock
                + " cannot be read: java.io.IOException: "),
        error);
    assertTrue(error.endsWith(". Check the path and the file's permissions"), error);
  }

  @Test
  void badNarrowingOption_isAnError() throws IOException {
    Path lock = locked(deployments());
    Compilation compilation =
        compile(lock, deployments(), "-Arolegate.accessLock.narrowing=warning");
    assertEquals(
        "[AccessLockInvalid] -Arolegate.accessLock.narrowing=warning is not valid: give"
            + " error (narrowing fails the build, the default) or warn (a warning)",
        onlyError(compilation));
  }

  @Test
  void updateWithoutLockOption_isAnError() {
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new RolegateProcessor())
            .withOptions(
                "-sourcepath",
                TestMatrices.sourcePath(TestMatrices.SMALL).toString(),
                "-Arolegate.accessLock.update=true")
            .compile(deployments());
    assertEquals(
        "[AccessLockInvalid] -Arolegate.accessLock.update=true is not valid: it rewrites"
            + " the file that -Arolegate.accessLock=<path> names, and that option is not set. Add it",
        onlyError(compilation));
  }

  @Test
  void otherErrors_lockNeitherComparedNorWritten() throws IOException {
    Path lock = newLock();
    Compilation compilation = compile(lock, deployments("DELETE_THING", ""));
    assertTrue(onlyError(compilation).startsWith("[UnknownPermission]"));
    Compilation updating =
        compile(lock, deployments("DELETE_THING", ""), "-Arolegate.accessLock.update=true");
    assertTrue(onlyError(updating).startsWith("[UnknownPermission]"));
    assertFalse(Files.exists(lock));
  }

  /** Returns the package-info naming the matrix and {@code sources}, as {@code "Name", text}. */
  private static List<JavaFileObject> sources(String... namesAndTexts) {
    List<JavaFileObject> files = new ArrayList<>();
    files.add(
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"));
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      files.add(JavaFileObjects.forSourceString("test." + namesAndTexts[i], namesAndTexts[i + 1]));
    }
    return files;
  }

  private static final String WORK =
      """
      package test;
      public interface Work {
        interface Deployment {}
        interface WorkPool {}
      }
      """;
  private static final String OVERLOADS =
      """
      package test;
      import dev.rolegate.annotations.*;
      public interface Overloads {
        @RequiresPermission(Permissions.%s)
        <T extends Work.Deployment> void delete(@WorkspaceId String ws, T deployment);
        @RequiresPermission(Permissions.%s)
        <T extends Work.WorkPool> void delete(@WorkspaceId String ws, T pool);
      }
      """;

  @Test
  void sameLookingOverloads_swappedRequirements_areAWidening() throws IOException {
    Path lock =
        locked(
            sources(
                "Work",
                WORK,
                "Overloads",
                String.format(Locale.ROOT, OVERLOADS, "DELETE_THINGS", "VIEW_THINGS")));
    assertTrue(
        Files.readString(lock)
            .contains(
                "call test.Overloads"
                    + " Overloads.delete(java.lang.String, test.Work$Deployment) requires allOf DELETE_THINGS"
                    + "\n"));
    Compilation compilation =
        compile(
            lock,
            sources(
                "Work",
                WORK,
                "Overloads",
                String.format(Locale.ROOT, OVERLOADS, "VIEW_THINGS", "DELETE_THINGS")));
    String deployment =
        "Overloads.delete(String, T) (erased: java.lang.String," + " test.Work$Deployment)";
    String pool = "Overloads.delete(String, T) (erased: java.lang.String, test.Work$WorkPool)";
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 6 changes, widening first:\n"
            + "  - workspace role EDITOR gains "
            + deployment
            + " (needs VIEW_THINGS: workspace EDITOR"
            + " grants EDIT_THINGS, which includes VIEW_THINGS)\n"
            + "  - workspace role VIEWER gains "
            + deployment
            + " (needs VIEW_THINGS: workspace VIEWER"
            + " grants VIEW_THINGS)\n"
            + "  - the requirement of "
            + deployment
            + " changes from DELETE_THINGS to VIEW_THINGS\n"
            + "  - the requirement of "
            + pool
            + " changes from VIEW_THINGS to DELETE_THINGS\n"
            + "  - workspace role EDITOR loses "
            + pool
            + " (it needs DELETE_THINGS)\n"
            + "  - workspace role VIEWER loses "
            + pool
            + " (it needs DELETE_THINGS)\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  @Test
  void differenceNoChangeWords_isAWidening() throws IOException {
    Path lock = locked(deployments());
    List<String> lines = new ArrayList<>(Files.readAllLines(lock, StandardCharsets.UTF_8));
    lines.add(
        "call test.Deployments Deployments.delete(java.lang.String, java.lang.String)" + " nobody");
    Files.write(lock, lines, StandardCharsets.UTF_8);
    Compilation compilation = compile(lock, deployments(), "-Arolegate.accessLock.narrowing=warn");
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 1 change, widening first:\n"
            + "  - the lock lines of Deployments.delete(String, String) differ: added none; removed"
            + " \"call test.Deployments Deployments.delete(java.lang.String, java.lang.String)"
            + " nobody\"\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  @Test
  void secondRequirementOfOneMethod_isMalformed() throws IOException {
    Path lock = locked(deployments());
    List<String> lines = new ArrayList<>(Files.readAllLines(lock, StandardCharsets.UTF_8));
    int at =
        lines.indexOf(
            "call test.Deployments Deployments.delete(java.lang.String,"
                + " java.lang.String) requires allOf DELETE_THINGS");
    assertTrue(at > 0, lines.toString());
    lines.add(
        at + 1,
        "call test.Deployments Deployments.delete(java.lang.String,"
            + " java.lang.String) requires allOf VIEW_THINGS");
    Files.write(lock, lines, StandardCharsets.UTF_8);
    Compilation compilation = compile(lock, deployments());
    assertEquals(
        "[AccessLockInvalid] The access lock "
            + lock
            + " is malformed: line "
            + (at + 2)
            + " gives \"call test.Deployments Deployments.delete(java.lang.String,"
            + " java.lang.String)\" a second requires/unguarded fact, \"requires allOf"
            + " VIEW_THINGS\", where line "
            + (at + 1)
            + " gives it \"requires allOf DELETE_THINGS\". Keep one of the two lines, or rewrite"
            + " the file with -Arolegate.accessLock.update=true and review its diff",
        onlyError(compilation));
  }

  @Test
  void typeNoLongerGuarded_isAWidening_evenWithNarrowingWarn() throws IOException {
    Path lock = locked(deployments());
    Compilation compilation =
        compile(
            lock,
            sources(
                "Deployments",
                """
        package test;
        public interface Deployments {
          void delete(String ws, String id);
          String view(String ws);
        }
        """,
                "Things",
                ReportedServices.THINGS,
                "ThingRef",
                ReportedServices.REF),
            "-Arolegate.accessLock.narrowing=warn");
    String error = onlyError(compilation);
    assertTrue(
        error.startsWith(
            "[AccessChanged] The access rolegate computes differs from the"
                + " access lock "
                + lock
                + " in "),
        error);
    assertTrue(
        error.contains(
            " widening first:\n  - test.Deployments is no longer guarded: its"
                + " methods are open to anyone\n  - new guarded method "),
        error);
    assertFalse(error.contains("removed guarded method"), error);
  }

  @Test
  void methodTurnedStatic_isNoLongerGuarded_aWidening() throws IOException {
    Path lock = locked(deployments());
    Compilation compilation =
        compile(
            lock,
            sources(
                "Deployments",
                """
        package test;
        import dev.rolegate.annotations.*;
        public interface Deployments {
          static void delete(String ws, String id) {}
          @RequiresPermission(Permissions.VIEW_THINGS)
          String view(@WorkspaceId String ws);
        }
        """),
            "-Arolegate.accessLock.narrowing=warn");
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 1 change, widening first:\n"
            + "  - Deployments.delete(String, String) is no longer guarded: open to anyone (it needed"
            + " DELETE_THINGS, callable by workspace OWNER; account ADMIN)\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  private static final String COPY =
      """
      package test;
      import dev.rolegate.annotations.*;
      public interface Deployments {
        @RequiresPermission(Permissions.EDIT_THINGS)
        void copy(%s String from, %s String to);
      }
      """;

  @Test
  void workspaceReadFromAnotherParameter_isAWidening() throws IOException {
    Path lock =
        locked(sources("Deployments", String.format(Locale.ROOT, COPY, "@WorkspaceId", "")));
    assertTrue(
        Files.readString(lock)
            .contains(
                "call test.Deployments"
                    + " Deployments.copy(java.lang.String, java.lang.String) workspace-from parameter 0"
                    + " (from)\n"));
    Compilation compilation =
        compile(lock, sources("Deployments", String.format(Locale.ROOT, COPY, "", "@WorkspaceId")));
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 2 changes, widening first:\n"
            + "  - Deployments.copy(String, String) now checks the workspace of parameter to instead"
            + " of parameter from\n"
            + "  - Deployments.copy(String, String) now checks the account of the workspace of"
            + " parameter to instead of the workspace of parameter from\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  @Test
  void permissionScopeRemapped_isAWidening() throws IOException {
    Path lock = locked(deployments());
    String remapped = TestMatrices.SMALL.replace("| see_things |", "| see_everything |");
    Compilation compilation =
        compile(remapped, lock, deployments(), "-Arolegate.accessLock.narrowing=warn");
    assertEquals(
        "[AccessChanged] The access rolegate computes differs from the access lock "
            + lock
            + " in 1 change, widening first:\n"
            + "  - permission VIEW_THINGS maps scope see_everything instead of see_things: custom"
            + " roles holding that scope gain it\n"
            + HOW_TO_ACCEPT,
        onlyError(compilation));
  }

  @Test
  void permissionIncludeAdded_isAWidening() throws IOException {
    Path lock = locked(deployments());
    String includes =
        TestMatrices.SMALL.replace(
            "| EDIT_ACCOUNT | account | | VIEW_ACCOUNT |", "| EDIT_ACCOUNT | account | | |");
    Path narrower = locked(includes, deployments());
    Compilation compilation = compile(narrower, deployments());
    String error = onlyError(compilation);
    assertTrue(
        error.contains(
            "\n  - permission EDIT_ACCOUNT includes VIEW_ACCOUNT: every role"
                + " and custom role holding EDIT_ACCOUNT gains it\n"),
        error);
    assertThat(compile(lock, deployments())).succeededWithoutWarnings();
  }

  @Test
  void update_notesWhatItAccepts_orThatNothingChanged() throws IOException {
    Path lock = locked(deployments());
    Compilation same = compile(lock, deployments(), "-Arolegate.accessLock.update=TRUE");
    assertThat(same).succeededWithoutWarnings();
    assertThat(same)
        .hadNoteContaining(
            "[AccessLockUpdated] -Arolegate.accessLock.update=true"
                + " wrote the access lock "
                + lock
                + ": nothing changed");
    Compilation changed =
        compile(lock, deployments("VIEW_THINGS", ""), "-Arolegate.accessLock.update=true");
    assertThat(changed).succeededWithoutWarnings();
    assertThat(changed)
        .hadNoteContaining(
            "[AccessLockUpdated] -Arolegate.accessLock.update=true"
                + " wrote the access lock "
                + lock
                + ": it accepts 3 changes, widening first:\n"
                + "  - workspace role EDITOR gains Deployments.delete(String, String) (needs VIEW_THINGS:"
                + " workspace EDITOR grants EDIT_THINGS, which includes VIEW_THINGS)\n");
    assertThat(compile(lock, deployments("VIEW_THINGS", ""))).succeededWithoutWarnings();
  }

  @Test
  void anyOfOnePermission_locksAsAllOf_andNarrowingIgnoresCase() throws IOException {
    Path lock = locked(deployments());
    List<JavaFileObject> anyOf =
        sources(
            "Deployments",
            String.format(Locale.ROOT, DEPLOYMENTS, "DELETE_THINGS", "")
                .replace(
                    "@RequiresPermission(\"DELETE_THINGS\")",
                    "@RequiresPermission(anyOf = \"DELETE_THINGS\")"));
    assertThat(compile(lock, anyOf, "-Arolegate.accessLock.narrowing=WARN"))
        .succeededWithoutWarnings();
  }

  @Test
  void partialCompilation_typeOnlyAsClassFile_notComparedButNoted_andKeptOnUpdate()
      throws IOException {
    List<JavaFileObject> both = new ArrayList<>(deployments());
    both.add(JavaFileObjects.forSourceString("test.Alpha", ReportedServices.ALPHA));
    Path lock = locked(both);
    String full = Files.readString(lock, StandardCharsets.UTF_8);
    Compilation first = compile(lock, both);
    assertThat(first).succeededWithoutWarnings();
    Path classes = Files.createTempDirectory("rolegate-classes");
    for (JavaFileObject file : first.generatedFiles()) {
      String uri = file.toUri().toString();
      if (file.getKind() == JavaFileObject.Kind.CLASS && uri.contains("/CLASS_OUTPUT/")) {
        Path target = classes.resolve(uri.substring(uri.indexOf("/CLASS_OUTPUT/") + 14));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    }
    assertTrue(Files.exists(classes.resolve("test/Deployments.class")));
    String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator + classes;
    List<JavaFileObject> alphaOnly = List.of(both.get(0), both.get(2));
    Compilation partial = compile(lock, alphaOnly, "-classpath", classPath);
    assertThat(partial).succeededWithoutWarnings();
    assertThat(partial)
        .hadNoteContaining(
            "[AccessLockNotCompared] The access lock "
                + lock
                + " names test.Deployments, which this compilation does not compile from source (a"
                + " partial compilation), so their lines were not compared. A full build (mvn clean"
                + " compile) compares them");
    Compilation update =
        compile(lock, alphaOnly, "-classpath", classPath, "-Arolegate.accessLock.update=true");
    assertThat(update).succeededWithoutWarnings();
    assertThat(update).hadNoteContaining("so their lines were kept as they were.");
    assertEquals(full, Files.readString(lock, StandardCharsets.UTF_8));
  }
}

package dev.rolegate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the processor's guard index: what it says, and a clear error for anything malformed. */
class GuardIndexTest {
  private static final String GOOD =
      """
      # a comment
      rolegate-guard-index 1
      type com.acme.Deployments com.acme.GuardedDeployments interface Prefect Cloud
      method read java.lang.String,java.lang.String allOf VIEW_DEPLOYMENTS parameter:0
      method run java.lang.String,int[] allOf RUN_DEPLOYMENTS,VIEW_WORK_POOLS parameter:0
      method cancel com.acme.Ref anyOf RUN_DEPLOYMENTS,POLL_AND_SUBMIT_WORK carrier:0:workspace
      method purge - allOf DELETE_DEPLOYMENTS bound
      method billing - allOf VIEW_BILLING none
      method ping - unguarded - none

      type com.acme.Outer$Ledger com.acme.GuardedOuter_Ledger class Prefect Cloud
      method post long allOf EDIT_ACCOUNT none
      """;

  @Test
  void goodIndex_readsEveryField() {
    GuardIndex index = GuardIndex.parse("good", GOOD);
    assertEquals(2, index.types().size());
    GuardedType deployments = index.find("com.acme.Deployments").orElseThrow();
    assertEquals("com.acme.GuardedDeployments", deployments.guardName());
    assertFalse(deployments.isClass());
    assertEquals("Prefect Cloud", deployments.matrixName());
    assertEquals("good", deployments.resource());
    assertEquals(
        List.of(
            "read(java.lang.String,java.lang.String)",
            "run(java.lang.String,int[])",
            "cancel(com.acme.Ref)",
            "purge()",
            "billing()",
            "ping()"),
        deployments.methods().stream().map(GuardedMethod::signature).toList());
    GuardedMethod run = deployments.method("run(java.lang.String,int[])").orElseThrow();
    assertEquals(GuardedMethod.Mode.ALL_OF, run.mode());
    assertEquals(List.of("RUN_DEPLOYMENTS", "VIEW_WORK_POOLS"), run.permissions());
    assertEquals(GuardedMethod.WorkspaceSource.PARAMETER, run.workspaceSource());
    assertEquals(0, run.workspaceParameter());
    assertNull(run.workspaceAccessor());
    GuardedMethod cancel = deployments.methodsNamed("cancel").get(0);
    assertEquals(GuardedMethod.Mode.ANY_OF, cancel.mode());
    assertEquals(GuardedMethod.WorkspaceSource.CARRIER, cancel.workspaceSource());
    assertEquals("workspace", cancel.workspaceAccessor());
    assertEquals(
        GuardedMethod.WorkspaceSource.BOUND, deployments.methods().get(3).workspaceSource());
    assertEquals(
        GuardedMethod.WorkspaceSource.NONE, deployments.methods().get(4).workspaceSource());
    GuardedMethod ping = deployments.methods().get(5);
    assertFalse(ping.isGuarded());
    assertTrue(ping.permissions().isEmpty());
    GuardedType ledger = index.find("com.acme.Outer$Ledger").orElseThrow();
    assertTrue(ledger.isClass());
    assertEquals(List.of("long"), ledger.methods().get(0).parameterTypes());
    assertTrue(index.find("com.acme.Other").isEmpty());
  }

  @Test
  void crlfLineEnds_readTheSame() {
    assertEquals(
        GuardIndex.parse("a", GOOD).types(),
        GuardIndex.parse("a", GOOD.replace("\n", "\r\n")).types());
  }

  /** Each malformed line is an error naming the resource, the line number and the line. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      method with too few fields   | method read java.lang.String allOf VIEW_DEPLOYMENTS                | a method line reads
      method with a bad mode       | method read - oneOf VIEW_DEPLOYMENTS none                          | the mode is "oneOf"
      guarded with no permission   | method read - allOf - none                                         | lists no permission
      unguarded with permissions   | method read - unguarded VIEW_DEPLOYMENTS none                      | an unguarded method lists no permission
      unguarded with a workspace   | method read - unguarded - bound                                    | an unguarded method lists no permission
      workspace index too large    | method read java.lang.String allOf VIEW_DEPLOYMENTS parameter:1    | outside the 1 parameter(s) of read
      workspace index not a number | method read java.lang.String allOf VIEW_DEPLOYMENTS parameter:x    | is no number
      unknown workspace source     | method read java.lang.String allOf VIEW_DEPLOYMENTS header:0       | the workspace is "header:0"
      carrier without accessor     | method read java.lang.String allOf VIEW_DEPLOYMENTS carrier:0      | the workspace is "carrier:0"
      carrier with a bad accessor  | method read java.lang.String allOf VIEW_DEPLOYMENTS carrier:0:1id  | the workspace is "carrier:0:1id"
      carrier with a fourth part   | method read java.lang.String allOf VIEW_DEPLOYMENTS carrier:0:id:x | the workspace is "carrier:0:id:x"
      parameter with a third part  | method read java.lang.String allOf VIEW_DEPLOYMENTS parameter:0:x  | the workspace is "parameter:0:x"
      negative workspace index     | method read java.lang.String allOf VIEW_DEPLOYMENTS parameter:-1   | outside the 1 parameter(s) of read
      bad method name              | method 1read - allOf VIEW_DEPLOYMENTS none                         | "1read" is no method name
      bad parameter type           | method read java..String allOf VIEW_DEPLOYMENTS none               | "java..String" is no parameter type
      empty permission             | method read - allOf VIEW_DEPLOYMENTS,,X none                       | "" is no permission
      double space                 | method read -  allOf VIEW_DEPLOYMENTS none                         | a method line reads
      unknown line                 | permit read                                                        | expected a "type" or "method" line
      duplicate method             | method ping - unguarded - none                                     | method ping() is listed twice
      """)
  void malformedMethodLine_isAnErrorNamingResourceAndLine(String what, String bad, String problem) {
    String text =
        "rolegate-guard-index 1\ntype a.B a.GuardedB interface M\nmethod ping - unguarded - none\n"
            + bad.strip()
            + "\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GuardIndex.parse("jar:x.jar!/idx", text));
    assertTrue(e.getMessage().startsWith("jar:x.jar!/idx:4: "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().endsWith(": \"" + bad.strip() + "\""), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
      too few fields     | 'type a.B a.GuardedB interface'     | 'a type line reads "type <binary name> <guard binary name> interface|class <matrix name>"'
      blank matrix name  | 'type a.B a.GuardedB interface '    | 'a type line reads "type <binary name> <guard binary name> interface|class <matrix name>"'
      bad type name      | 'type 1a.B a.GuardedB interface M'  | "1a.B" or "a.GuardedB" is no binary type name
      bad guard name     | 'type a.B a..GuardedB interface M'  | "a.B" or "a..GuardedB" is no binary type name
      neither kind       | 'type a.B a.GuardedB record M'      | the guard kind is "record", neither interface nor class
      """)
  void malformedTypeLine_isAnErrorNamingResourceAndLine(String what, String bad, String problem) {
    String text = "rolegate-guard-index 1\n" + bad + "\nmethod ping - unguarded - none\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GuardIndex.parse("jar:x.jar!/idx", text));
    assertEquals("jar:x.jar!/idx:2: " + problem + ": \"" + bad + "\"", e.getMessage());
  }

  @Test
  void missingOrWrongHeader_isAnError() {
    IllegalArgumentException wrong =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GuardIndex.parse(
                    "idx", "# c\nrolegate-guard-index 2\ntype a.B a.GB interface M\n"));
    assertEquals(
        "idx:2: expected the header \"rolegate-guard-index 1\" (another format version, or"
            + " not a guard index): \"rolegate-guard-index 2\"",
        wrong.getMessage());
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> GuardIndex.parse("idx", "# only\n\n"));
    assertEquals("idx:0: empty: no header \"rolegate-guard-index 1\"", empty.getMessage());
  }

  @Test
  void badTypeLines_areErrors() {
    String header = "rolegate-guard-index 1\n";
    assertEquals(
        "idx:2: a method line before any type line: \"method ping - unguarded - none\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> GuardIndex.parse("idx", header + "method ping - unguarded - none\n"))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    GuardIndex.parse(
                        "idx", header + "type a.B a.GB record M\nmethod p - unguarded - none\n"))
            .getMessage()
            .startsWith("idx:2: the guard kind is \"record\""));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> GuardIndex.parse("idx", header + "type a.B a.GB interface\n"))
            .getMessage()
            .startsWith("idx:2: a type line reads"));
    // A type with no method would read as a type with nothing to check.
    assertEquals(
        "idx:2: type a.B lists no method: \"type a.B a.GB interface M\"",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    GuardIndex.parse(
                        "idx",
                        header
                            + "type a.B a.GB interface M\ntype a.C a.GC interface M\nmethod p - unguarded - none\n"))
            .getMessage());
    assertEquals(
        "idx:3: type a.B lists no method: \"type a.B a.GB interface M\"",
        assertThrows(
                IllegalArgumentException.class,
                () -> GuardIndex.parse("idx", header + "\ntype a.B a.GB interface M\n"))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    GuardIndex.parse(
                        "idx",
                        header
                            + "type a.B a.GB interface M\nmethod p - unguarded - none\n"
                            + "type a.B a.GB interface M\nmethod p - unguarded - none\n"))
            .getMessage()
            .startsWith("idx:4: type a.B is listed twice"));
  }

  @Test
  void load_mergesEveryIndexOnTheClassPath_andRejectsDisagreement(@TempDir Path dir)
      throws IOException {
    Path one =
        write(
            dir.resolve("one"),
            "rolegate-guard-index 1\ntype a.B a.GB interface M\n"
                + "method p - unguarded - none\n");
    Path same =
        write(
            dir.resolve("same"),
            "rolegate-guard-index 1\ntype a.B a.GB interface M\n"
                + "method p - unguarded - none\ntype a.C a.GC interface M\nmethod q - allOf X none\n");
    try (URLClassLoader loader = loader(one, same)) {
      GuardIndex index = GuardIndex.load(loader);
      assertEquals(
          List.of("a.B", "a.C"), index.types().stream().map(GuardedType::typeName).toList());
    }
    Path other =
        write(
            dir.resolve("other"),
            "rolegate-guard-index 1\ntype a.B a.GB interface M\n" + "method p - allOf X none\n");
    try (URLClassLoader loader = loader(one, other)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> GuardIndex.load(loader));
      assertTrue(e.getMessage().startsWith("guard indexes disagree about a.B: "), e.getMessage());
      assertTrue(e.getMessage().contains("one/META-INF/rolegate/guard-index"), e.getMessage());
      assertTrue(e.getMessage().contains("other/META-INF/rolegate/guard-index"), e.getMessage());
    }
    Path broken =
        write(
            dir.resolve("broken"),
            "rolegate-guard-index 1\ntype a.D a.GD interface M\n" + "method p - allOf - none\n");
    try (URLClassLoader loader = loader(one, broken)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> GuardIndex.load(loader));
      assertTrue(
          e.getMessage().matches(".*broken/META-INF/rolegate/guard-index:3: a guarded method.*"),
          e.getMessage());
    }
  }

  /**
   * Indexes concatenated into one file (maven-shade's AppendingTransformer) read as their union.
   */
  @Test
  void concatenatedIndexes_readAsOne() {
    String appended =
        GOOD
            + "# rolegate guard index: generated\n"
            + """
        rolegate-guard-index 1
        type com.acme.Invoices com.acme.GuardedInvoices interface Billing
        method pay java.lang.String allOf PAY none
        """;
    GuardIndex index = GuardIndex.parse("merged", appended);
    assertEquals(
        List.of("com.acme.Deployments", "com.acme.Outer$Ledger", "com.acme.Invoices"),
        index.types().stream().map(GuardedType::typeName).toList());
    assertEquals("Billing", index.find("com.acme.Invoices").orElseThrow().matrixName());
    // The last type of the first index ends at the second header, and still needs a method.
    assertEquals(
        "merged:2: type a.B lists no method: \"type a.B a.GB interface M\"",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    GuardIndex.parse(
                        "merged",
                        "rolegate-guard-index 1\ntype a.B a.GB interface M\nrolegate-guard-index 1\n"))
            .getMessage());
  }

  /**
   * Guarded ({@link GuardedGuardIndexTest_Marked} stands for its generated guard, which is never
   * initialized when looked for) but in no index read.
   */
  interface Marked {
    /** Guarded ({@link GuardedGuardIndexTest_Marked_Inner}), two levels down. */
    interface Inner {}
  }

  /**
   * Guarded ({@link GuardedGuardIndexTest_Versioned$V2}): a {@code $} in a simple name stays in the
   * guard's name.
   */
  interface Versioned$V2 {}

  /** Neither guarded nor indexed: no class of its guard's name exists. */
  interface Unmarked {}

  /**
   * Has a class of its guard's name ({@link GuardedGuardIndexTest_HandNamed}), not generated: it
   * carries an annotation of its own, not {@code RolegateGenerated}.
   */
  interface HandNamed {}

  /**
   * Has a generated class of its guard's name ({@link GuardedGuardIndexTest_Unrelated}) that is no
   * subtype of it.
   */
  interface Unrelated {}

  private static final String LOST =
      " but in no guard index read"
          + " (jar:app.jar!/META-INF/rolegate/guard-index): jars were merged so that one module's"
          + " META-INF/rolegate/guard-index overwrote another's. Concatenate them when merging"
          + " (maven-shade: an AppendingTransformer for META-INF/rolegate/guard-index;"
          + " docs/guard-index.md)";

  @Test
  void findByClass_failsForAGuardedTypeInNoIndex_namingItsGuardAndTheFix() {
    GuardIndex index = GuardIndex.parse("jar:app.jar!/META-INF/rolegate/guard-index", GOOD);
    String testClasses =
        GuardIndexTest.class.getProtectionDomain().getCodeSource().getLocation().toString();
    for (Class<?> type : List.of(Marked.class, Marked.Inner.class, Versioned$V2.class)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> index.find(type));
      assertEquals(
          type.getName()
              + " is guarded by "
              + GuardIndex.guardName(type)
              + " (from "
              + testClasses
              + ")"
              + LOST,
          e.getMessage());
    }
    // By name, nothing is looked up: the caller holds no class.
    assertTrue(index.find(Marked.class.getName()).isEmpty());
  }

  @Test
  void findByClass_namesTheIndexesRead_orThatThereWasNone(@TempDir Path dir) throws IOException {
    try (URLClassLoader empty = loader()) {
      GuardIndex none = GuardIndex.load(empty);
      assertEquals("guard index of 0 type(s)", none.toString());
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> none.find(Marked.class));
      assertTrue(
          e.getMessage().contains(" but in no guard index read (no META-INF/rolegate/guard-index)"),
          e.getMessage());
    }
    Path root = write(Files.createDirectories(dir.resolve("one")), GOOD);
    try (URLClassLoader one = loader(root)) {
      GuardIndex index = GuardIndex.load(one);
      assertEquals("guard index of 2 type(s)", index.toString());
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> index.find(Marked.class));
      assertTrue(
          e.getMessage()
              .contains(
                  " but in no guard index read ("
                      + root.resolve(GuardIndex.RESOURCE).toUri().toURL()
                      + "): "),
          e.getMessage());
    }
  }

  @Test
  void appendedIndex_startingWithAMethodLine_isAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GuardIndex.parse(
                    "merged",
                    "rolegate-guard-index 1\ntype a.B a.GuardedB interface M\n"
                        + "method ping - unguarded - none\nrolegate-guard-index 1\n"
                        + "method pong - unguarded - none\n"));
    assertEquals(
        "merged:5: a method line before any type line: \"method pong - unguarded - none\"",
        e.getMessage());
  }

  @Test
  void findByClass_ofAnIndexedType_answersItsEntry() {
    GuardIndex index =
        GuardIndex.parse(
            "idx",
            "rolegate-guard-index 1\ntype "
                + Marked.class.getName()
                + " "
                + GuardIndex.guardName(Marked.class)
                + " interface M\nmethod ping - unguarded - none\n");
    assertEquals(Marked.class.getName(), index.find(Marked.class).orElseThrow().typeName());
  }

  @Test
  void findByClass_answersEmptyForATypeWithoutAGeneratedGuardThatExtendsIt() {
    GuardIndex index = GuardIndex.parse("jar:app.jar!/META-INF/rolegate/guard-index", GOOD);
    for (Class<?> type :
        List.of(
            Unmarked.class,
            HandNamed.class,
            Unrelated.class,
            GuardIndexTest.class,
            String.class,
            int.class,
            Marked[].class,
            new Object() {}.getClass(),
            ((Runnable) () -> {}).getClass())) {
      assertTrue(index.find(type).isEmpty(), type.getName());
    }
  }

  @Test
  void guardName_isThePackage_Guarded_andTheSimpleNamesJoined() {
    assertEquals("dev.rolegate.runtime.GuardedGuardIndex", GuardIndex.guardName(GuardIndex.class));
    assertEquals(
        "dev.rolegate.runtime.GuardedGuardIndexTest_Marked_Inner",
        GuardIndex.guardName(Marked.Inner.class));
    assertEquals(
        "dev.rolegate.runtime.GuardedGuardIndexTest_Versioned$V2",
        GuardIndex.guardName(Versioned$V2.class));
    assertEquals("java.util.GuardedMap_Entry", GuardIndex.guardName(java.util.Map.Entry.class));
  }

  /**
   * Types of the unnamed package compiled into a directory of their own and loaded with a second
   * copy of the runtime (a loader that does not delegate to this one): a type with its generated
   * guard beside it; one whose guard's class file is no class; one whose guard's class file holds
   * another class; a nested type whose enclosing class is missing.
   */
  @Test
  void findByClass_anotherRuntimeCopy_unnamedPackage_andGuardsThatCannotBeLookedFor(
      @TempDir Path dir) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Map<String, String> files =
        Map.of(
            "Plain", "public interface Plain {}",
            "GuardedPlain",
                "@dev.rolegate.runtime.internal.RolegateGenerated\n"
                    + "public final class GuardedPlain implements Plain {}",
            "Broken", "public interface Broken {}",
            "WrongName", "public interface WrongName {}",
            "Lost", "public class Lost { public interface Inner {} }");
    List<String> arguments = new ArrayList<>();
    Path runtime =
        Path.of(GuardIndex.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    arguments.addAll(List.of("-d", classes.toString(), "-classpath", runtime.toString()));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path source = sources.resolve(file.getKey() + ".java");
      Files.writeString(source, file.getValue() + "\n");
      arguments.add(source.toString());
    }
    assertEquals(
        0,
        javax.tools.ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, arguments.toArray(String[]::new)));
    Files.write(classes.resolve("GuardedBroken.class"), new byte[] {1, 2, 3});
    Files.copy(classes.resolve("Plain.class"), classes.resolve("GuardedWrongName.class"));
    GuardIndex index = GuardIndex.parse("jar:app.jar!/META-INF/rolegate/guard-index", GOOD);
    try (URLClassLoader loader = loader(classes, runtime)) {
      Class<?> plain = Class.forName("Plain", false, loader);
      assertEquals("GuardedPlain", GuardIndex.guardName(plain));
      IllegalStateException lost =
          assertThrows(IllegalStateException.class, () -> index.find(plain));
      assertEquals(
          "Plain is guarded by GuardedPlain (from " + classes.toUri().toURL() + ")" + LOST,
          lost.getMessage());
      Class<?> inner = Class.forName("Lost$Inner", false, loader);
      Files.delete(classes.resolve("Lost.class"));
      for (String name : List.of("Broken", "WrongName", "Lost$Inner")) {
        Class<?> type = name.equals("Lost$Inner") ? inner : Class.forName(name, false, loader);
        IllegalStateException unreadable =
            assertThrows(IllegalStateException.class, () -> index.find(type));
        assertTrue(
            unreadable
                .getMessage()
                .startsWith(
                    name
                        + " is in no guard index read (jar:app.jar!/META-INF/rolegate/guard-index)"
                        + " and may be guarded, but its guard cannot be looked for: "
                        + unreadable.getCause()),
            unreadable.getMessage());
        assertTrue(
            unreadable
                .getMessage()
                .endsWith(
                    ". Rebuild the module that holds "
                        + name
                        + " and keep its classes whole when merging jars"),
            unreadable.getMessage());
        Class<?> cause =
            name.equals("Broken") ? ClassFormatError.class : NoClassDefFoundError.class;
        assertTrue(cause.isInstance(unreadable.getCause()), unreadable.toString());
      }
    }
  }

  /** An annotation of an application's own, visible at run time. */
  @Retention(RetentionPolicy.RUNTIME)
  @interface Audited {}

  /**
   * Called by the stand-in guards' static initializers: a guard looked for is never initialized.
   */
  static void neverInitialized() {
    throw new AssertionError("a guard looked for was initialized");
  }

  private static Path write(Path root, String text) throws IOException {
    Path file = root.resolve(GuardIndex.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return root;
  }

  private static URLClassLoader loader(Path... roots) throws IOException {
    java.net.URL[] urls = new java.net.URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    return new URLClassLoader(urls, null);
  }
}

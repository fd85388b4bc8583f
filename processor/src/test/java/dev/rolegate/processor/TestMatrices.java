package dev.rolegate.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Matrix files and compilers for processor tests. */
final class TestMatrices {
  /**
   * A small matrix: 4 workspace and 2 account permissions, three workspace roles, two account
   * roles.
   */
  static final String SMALL =
      """
      # Test Matrix

      | Permission | Level | Scope | Includes | Description |
      |---|---|---|---|---|
      | VIEW_THINGS | workspace | see_things | | See things. |
      | EDIT_THINGS | workspace | write_things | VIEW_THINGS | Edit things. |
      | DELETE_THINGS | workspace | manage_things | VIEW_THINGS, EDIT_THINGS | Delete things. |
      | VIEW_SECRETS | workspace | | | See secrets. |
      | VIEW_ACCOUNT | account | | | See the account. |
      | EDIT_ACCOUNT | account | | VIEW_ACCOUNT | Edit the account. |

      | Role | Level | Inherits | Grants | Workspace role everywhere | Description |
      |---|---|---|---|---|---|
      | VIEWER | workspace | | VIEW_THINGS | | Looks. |
      | EDITOR | workspace | VIEWER | EDIT_THINGS | | Edits. |
      | OWNER | workspace | EDITOR | DELETE_THINGS, VIEW_SECRETS | | Owns. |
      | MEMBER | account (default) | | VIEW_ACCOUNT | | Member. |
      | ADMIN | account | MEMBER | EDIT_ACCOUNT | OWNER | Admin. |
      """;

  /** The source-path directories written in this JVM, deleted when it exits. */
  private static final List<Path> WRITTEN = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestMatrices::deleteWritten));
  }

  private TestMatrices() {}

  /** Writes {@code text} as {@code test/matrix.md} under a new source-path directory. */
  static Path sourcePath(String text) {
    return sourcePath("test", "matrix.md", text);
  }

  static Path sourcePath(String pkg, String file, String text) {
    try {
      Path root = Files.createTempDirectory("rolegate-matrix");
      synchronized (WRITTEN) {
        WRITTEN.add(root);
      }
      Path dir = root.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteWritten() {
    synchronized (WRITTEN) {
      for (Path root : WRITTEN) {
        try {
          delete(root);
        } catch (UncheckedIOException e) {
          // A directory a test removed already, or made unreadable: nothing more to delete.
        }
      }
    }
  }

  /** Deletes {@code root} and everything under it. */
  static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh compiler with a fresh processor, reading matrices from {@code sourcePath}. */
  static Compiler compiler(Path sourcePath) {
    return Compiler.javac()
        .withProcessors(new RolegateProcessor())
        .withOptions("-sourcepath", sourcePath.toString());
  }

  /**
   * Returns {@code test/<typeName>.java} holding {@code body} after the package and the imports of
   * every rolegate annotation a service uses.
   */
  static JavaFileObject source(String typeName, String body) {
    return JavaFileObjects.forSourceString(
        "test." + typeName,
        """
        package test;

        import dev.rolegate.annotations.AccountId;
        import dev.rolegate.annotations.BoundAccount;
        import dev.rolegate.annotations.BoundWorkspace;
        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.Unguarded;
        import dev.rolegate.annotations.WorkspaceId;

        """
            + body);
  }

  /**
   * Returns {@code public interface test.Things} with {@code body} as its members, after the
   * imports of {@code @RequiresPermission}, {@code @Unguarded} and {@code @WorkspaceId}.
   */
  static JavaFileObject service(String body) {
    return JavaFileObjects.forSourceString(
        "test.Things",
        """
        package test;

        import dev.rolegate.annotations.RequiresPermission;
        import dev.rolegate.annotations.Unguarded;
        import dev.rolegate.annotations.WorkspaceId;

        public interface Things {
        %s}
        """
            .formatted(body));
  }

  /**
   * Returns {@code package-info.java} declaring {@code @PermissionMatrix("matrix.md")} on {@code
   * test}.
   */
  static JavaFileObject packageInfo() {
    return JavaFileObjects.forSourceString(
        "test.package-info",
        """
        @PermissionMatrix("matrix.md")
        package test;

        import dev.rolegate.annotations.PermissionMatrix;
        """);
  }

  /**
   * Compiles {@code sources} and {@link #packageInfo()} against {@link #SMALL}, with a fresh
   * processor and {@code classes} on the class path.
   */
  static Compilation compileWithClassPath(Path classes, JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    all.add(0, packageInfo());
    return compiler(sourcePath(SMALL))
        .withClasspath(ClassOutputs.classPathWith(classes))
        .compile(all);
  }

  /**
   * Compiles {@code sources} and {@link #packageInfo()} against {@link #SMALL}, with a fresh
   * processor.
   */
  static Compilation compile(JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    all.add(0, packageInfo());
    return compiler(sourcePath(SMALL)).compile(all);
  }
}

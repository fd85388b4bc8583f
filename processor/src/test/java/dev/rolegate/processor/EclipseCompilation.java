package dev.rolegate.processor;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.runtime.Principal;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * One compilation with the processor through {@code javax.tools}, by javac or by Eclipse's compiler
 * (ecj), with sources, generated sources and classes in directories on disk. (ecj reads each
 * generated source back from the path it was written to, which compile-testing's in-memory file
 * manager does not have.)
 */
final class EclipseCompilation {
  /** The compiler a compilation runs under. */
  enum Tool {
    JAVAC,
    ECJ;

    JavaCompiler compiler() {
      return this == JAVAC ? ToolProvider.getSystemJavaCompiler() : new EclipseCompiler();
    }
  }

  final Tool tool;
  final boolean succeeded;
  final List<Diagnostic<? extends JavaFileObject>> diagnostics;
  final Path sources;
  final Path generated;
  final Path classes;

  /** The class directories of earlier compilations this one compiled against, and its own. */
  private final List<Path> classDirectories;

  private EclipseCompilation(
      Tool tool,
      boolean succeeded,
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Path sources,
      Path generated,
      Path classes,
      List<Path> classDirectories) {
    this.tool = tool;
    this.succeeded = succeeded;
    this.diagnostics = diagnostics;
    this.sources = sources;
    this.generated = generated;
    this.classes = classes;
    this.classDirectories = classDirectories;
  }

  /**
   * Compiles {@code namesAndSources} (qualified name, text pairs) under {@code tool}, with {@code
   * matrix} written as {@code test/matrix.md} on the source path and the processor set on the task;
   * the class path holds the annotations and the runtime.
   */
  static EclipseCompilation compile(Tool tool, String matrix, String... namesAndSources) {
    return compile(tool, matrix, List.of(), namesAndSources);
  }

  /**
   * Compiles {@code namesAndSources} as {@link #compile(Tool, String, String...)} does, with the
   * classes of {@code earlier} (a module compiled before, such as a matrix) on the class path.
   */
  static EclipseCompilation compileAgainst(
      Tool tool, EclipseCompilation earlier, String... namesAndSources) {
    return compile(tool, "", earlier.classDirectories, namesAndSources);
  }

  private static EclipseCompilation compile(
      Tool tool, String matrix, List<Path> earlier, String... namesAndSources) {
    Path root = TestMatrices.sourcePath(matrix);
    try {
      Path generated = Files.createDirectories(root.resolveSibling(root.getFileName() + "-gen"));
      Path classes = Files.createDirectories(root.resolveSibling(root.getFileName() + "-classes"));
      List<File> files = new ArrayList<>();
      for (int i = 0; i < namesAndSources.length; i += 2) {
        Path file = root.resolve(namesAndSources[i].replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, namesAndSources[i + 1], StandardCharsets.UTF_8);
        files.add(file.toFile());
      }
      JavaCompiler compiler = tool.compiler();
      DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
      try (StandardJavaFileManager fileManager =
          compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
        List<String> options =
            List.of(
                "--release",
                "17",
                "-sourcepath",
                root.toString(),
                "-s",
                generated.toString(),
                "-d",
                classes.toString(),
                "-classpath",
                classPath(earlier));
        JavaCompiler.CompilationTask task =
            compiler.getTask(
                new StringWriter(),
                fileManager,
                collector,
                options,
                null,
                fileManager.getJavaFileObjectsFromFiles(files));
        task.setProcessors(List.of(new RolegateProcessor()));
        boolean succeeded = task.call();
        List<Path> classDirectories = new ArrayList<>(earlier);
        classDirectories.add(classes);
        return new EclipseCompilation(
            tool,
            succeeded,
            collector.getDiagnostics(),
            root,
            generated,
            classes,
            classDirectories);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The jars (or class directories) of the annotations and of the runtime, then {@code earlier}.
   */
  private static String classPath(List<Path> earlier) {
    return Stream.concat(
            Stream.of(RequiresPermission.class, Principal.class).map(EclipseCompilation::location),
            earlier.stream().map(Path::toString))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The diagnostics that are not notes (a matrix read from the source path is noted as not shipped,
   * {@code [MatrixNotShipped]}).
   */
  List<Diagnostic<? extends JavaFileObject>> warningsAndErrors() {
    return diagnostics.stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList();
  }

  /** The diagnostics of {@code kind}. */
  List<Diagnostic<? extends JavaFileObject>> diagnostics(Diagnostic.Kind kind) {
    return diagnostics.stream().filter(d -> d.getKind() == kind).toList();
  }

  /** The diagnostics of {@code kind} whose message contains {@code text}. */
  List<Diagnostic<? extends JavaFileObject>> diagnostics(Diagnostic.Kind kind, String text) {
    return diagnostics(kind).stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains(text))
        .toList();
  }

  /** Whether the compilation wrote source {@code qualifiedName}. */
  boolean generatedSource(String qualifiedName) {
    return Files.isRegularFile(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
  }

  /**
   * Loads the compiled classes (this compilation's and those it compiled against), then the test
   * class path's.
   */
  ClassLoader loader() {
    List<URL> urls = new ArrayList<>();
    try {
      for (Path directory : classDirectories) {
        urls.add(directory.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    return new URLClassLoader(urls.toArray(new URL[0]), EclipseCompilation.class.getClassLoader());
  }

  /** Every diagnostic, one a line, for failure messages. */
  String describe() {
    StringBuilder text = new StringBuilder(tool + (succeeded ? " succeeded" : " failed") + ":");
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      text.append("\n  ")
          .append(d.getKind())
          .append(' ')
          .append(d.getSource() == null ? "(no file)" : d.getSource().getName())
          .append(':')
          .append(d.getLineNumber())
          .append(": ")
          .append(d.getMessage(Locale.ROOT));
    }
    return text.toString();
  }
}

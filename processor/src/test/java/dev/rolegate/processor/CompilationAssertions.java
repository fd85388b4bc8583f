package dev.rolegate.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The assertions processor tests make on a compilation's diagnostics: that it failed with so many
 * errors, one of them containing a message on a given line (and column), or that it warned there.
 */
final class CompilationAssertions {
  private CompilationAssertions() {}

  /**
   * Asserts that {@code compilation} failed with exactly one error, containing {@code message}, in
   * {@code source} on the line containing {@code line}.
   */
  static void assertOneError(
      Compilation compilation, String message, JavaFileObject source, String line) {
    assertErrors(compilation, 1, message, source, line);
  }

  /** Asserts {@link #assertOneError} with the line given by its 1-based number. */
  static void assertOneError(
      Compilation compilation, String message, JavaFileObject source, long line) {
    assertErrors(compilation, 1, message, source, line);
  }

  /**
   * Asserts that {@code compilation} failed with exactly {@code count} errors, one of them
   * containing {@code message}, in {@code source} on the line containing {@code line}.
   */
  static void assertErrors(
      Compilation compilation, int count, String message, JavaFileObject source, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(count);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  /** Asserts {@link #assertErrors} with the line given by its 1-based number. */
  static void assertErrors(
      Compilation compilation, int count, String message, JavaFileObject source, long line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(count);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
  }

  /**
   * Asserts an error containing {@code message} at {@code column} (1-based) of the one line of
   * {@code source} containing {@code line}. compile-testing's {@code onLineContaining} cannot be
   * followed by {@code atColumn}, so this finds the line's number first.
   */
  static void assertErrorAtColumn(
      Compilation compilation, String message, JavaFileObject source, String line, int column) {
    assertThat(compilation)
        .hadErrorContaining(message)
        .inFile(source)
        .onLine(lineNumber(source, line))
        .atColumn(column);
  }

  /** Returns the 1-based number of the one line of {@code source} containing {@code text}. */
  static long lineNumber(JavaFileObject source, String text) {
    List<String> lines;
    try {
      lines = source.getCharContent(true).toString().lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long found = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        assertWithMessage("more than one line contains %s", text).that(found).isEqualTo(-1);
        found = i + 1;
      }
    }
    assertWithMessage("no line contains %s", text).that(found).isGreaterThan(0L);
    return found;
  }

  /** Asserts a warning containing {@code message} at {@code column} of the line of {@code line}. */
  static void assertWarningAt(
      Compilation compilation, String message, JavaFileObject source, String line, int column) {
    assertThat(compilation)
        .hadWarningContaining(message)
        .inFile(source)
        .onLine(lineNumber(source, line))
        .atColumn(column + indent(source, line));
  }

  /** Returns how far {@code source} indents the line holding {@code line} before it starts. */
  private static int indent(JavaFileObject source, String line) {
    try {
      String text = source.getCharContent(true).toString();
      String found = text.lines().filter(l -> l.contains(line)).findFirst().orElseThrow();
      return found.indexOf(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

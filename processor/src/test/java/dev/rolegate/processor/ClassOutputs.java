package dev.rolegate.processor;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Class files and class paths for tests that compile against an earlier compilation's output, and
 * the other files a compilation writes to its class output.
 */
final class ClassOutputs {
  private ClassOutputs() {}

  /** Copies the class files {@code compilation} wrote into the directory {@code classes}. */
  static void copyClasses(Compilation compilation, Path classes) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (file.getKind() == JavaFileObject.Kind.CLASS && path.startsWith("/CLASS_OUTPUT/")) {
        Path target = classes.resolve(path.substring("/CLASS_OUTPUT/".length()));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
  }

  /** Returns this JVM's class path (annotations, runtime) plus {@code extra}. */
  static List<File> classPathWith(Path extra) {
    List<File> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    path.add(extra.toFile());
    return path;
  }

  /** Returns the text of the file {@code path} that {@code compilation} wrote, if it wrote it. */
  static Optional<String> read(Compilation compilation, String path) {
    return compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .map(
            file -> {
              try (InputStream in = file.openInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** Returns a fresh empty directory. */
  static Path emptyDirectory() throws IOException {
    return Files.createTempDirectory("rolegate-empty");
  }
}

package dev.rolegate.processor.internal.step;

import dev.rolegate.processor.internal.model.MatrixHandle;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileManager.Location;
import javax.tools.StandardLocation;

/**
 * Where matrix text comes from: a file next to a {@code @PermissionMatrix} package, or the file the
 * compiler option {@code -Arolegate.matrix} names, or a matrix compiled earlier and found on the
 * class path through {@code javax.lang.model} alone (the index classes in {@value
 * MatrixHandle#INDEX_PACKAGE}).
 */
final class MatrixSources {
  private static final List<Location> SEARCHED =
      List.of(
          StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH);

  private MatrixSources() {}

  /**
   * A matrix file's bytes, or where it was looked for; {@code ships} says whether the file is
   * expected beside the classes the table is compiled into. A file in the class output or on the
   * class path is a resource at run time, and so is the one {@code -Arolegate.matrix} names (the
   * README places it under the resources); one on the source path is not (Maven copies only
   * src/main/resources).
   */
  record FileText(Optional<byte[]> bytes, List<String> searched, boolean ships) {}

  /**
   * Reads {@code path} relative to {@code pkg}, trying the source path, class output and class
   * path.
   */
  static FileText read(Filer filer, PackageElement pkg, String path) {
    String packageName = pkg.getQualifiedName().toString();
    List<String> searched = new ArrayList<>();
    for (Location location : SEARCHED) {
      searched.add(location.getName() + "/" + resourcePath(packageName, path));
      Optional<byte[]> bytes = resource(filer, location, packageName, path);
      if (bytes.isPresent()) {
        return new FileText(bytes, searched, location != StandardLocation.SOURCE_PATH);
      }
    }
    return new FileText(Optional.empty(), searched, false);
  }

  /**
   * Returns {@code com/acme/rbac/acme.md}: resource {@code path} of package {@code packageName}.
   */
  static String resourcePath(String packageName, String path) {
    return packageName.isEmpty() ? path : packageName.replace('.', '/') + "/" + path;
  }

  /**
   * Returns the bytes of resource {@code path} of package {@code packageName} in {@code location},
   * or empty where it is not (or the location is not set up). Bytes, not getCharContent: the matrix
   * is decoded strictly as UTF-8 (MatrixText).
   */
  private static Optional<byte[]> resource(
      Filer filer, Location location, String packageName, String path) {
    try {
      FileObject file = filer.getResource(location, packageName, path);
      try (java.io.InputStream in = file.openInputStream()) {
        return Optional.of(in.readAllBytes());
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException notThere) {
      return Optional.empty();
    }
  }

  /**
   * Reads the file that the compiler option {@code -Arolegate.matrix} names, {@code option}:
   * absolute, or relative to the compiler's working directory. The one place searched is the
   * resolved path, followed by why it could not be read when it could not.
   */
  static FileText readFile(String option) {
    Path path;
    try {
      path = Path.of(option).toAbsolutePath();
    } catch (InvalidPathException | java.io.IOError | SecurityException notAPath) {
      return new FileText(Optional.empty(), List.of(option + " (not a path)"), true);
    }
    try {
      // Bytes, not text: the matrix is decoded strictly as UTF-8 (MatrixText).
      return new FileText(Optional.of(Files.readAllBytes(path)), List.of(path.toString()), true);
    } catch (IOException | SecurityException unreadable) {
      return new FileText(
          Optional.empty(), List.of(path + " (" + why(path, unreadable) + ")"), true);
    }
  }

  private static String why(Path path, Throwable unreadable) {
    if (Files.isDirectory(path)) {
      return "a directory";
    }
    if (unreadable instanceof NoSuchFileException) {
      return "no such file";
    }
    if (unreadable instanceof AccessDeniedException || unreadable instanceof SecurityException) {
      return "access denied";
    }
    return unreadable.getClass().getSimpleName();
  }

  /**
   * A compiled matrix found on the class path, with the SHA-256 of the file it was compiled from
   * ("" from an index that does not record it).
   */
  record Indexed(
      TypeElement index, String packageName, String sourceName, String text, String sha256) {}

  /** Returns every matrix compiled into a package on the class path. */
  static List<Indexed> onClassPath(Elements elements) {
    PackageElement pkg = elements.getPackageElement(MatrixHandle.INDEX_PACKAGE);
    List<Indexed> found = new ArrayList<>();
    if (pkg == null) {
      return found;
    }
    for (Element element : pkg.getEnclosedElements()) {
      if (element.getKind() == ElementKind.CLASS) {
        indexed((TypeElement) element).ifPresent(found::add);
      }
    }
    found.sort(java.util.Comparator.comparing(Indexed::packageName));
    return found;
  }

  private static Optional<Indexed> indexed(TypeElement index) {
    String packageName = constant(index, "PACKAGE");
    String source = constant(index, "SOURCE");
    Object chunks = constantValue(index, "CHUNKS");
    if (packageName == null || source == null || !(chunks instanceof Integer)) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < (Integer) chunks; i++) {
      String chunk = constant(index, "TEXT_" + i);
      if (chunk == null) {
        return Optional.empty();
      }
      text.append(chunk);
    }
    String sha256 = constant(index, "SHA256");
    return Optional.of(
        new Indexed(index, packageName, source, text.toString(), sha256 == null ? "" : sha256));
  }

  /**
   * Returns the bytes of the matrix file {@code indexed} was compiled from as it lies on the class
   * path beside its package ({@code com/acme/acme.md}), or empty where none does.
   */
  static Optional<byte[]> shippedBeside(Filer filer, Indexed indexed) {
    return resource(
        filer, StandardLocation.CLASS_PATH, indexed.packageName(), indexed.sourceName());
  }

  private static String constant(TypeElement type, String name) {
    Object value = constantValue(type, name);
    return value instanceof String ? (String) value : null;
  }

  private static Object constantValue(TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        return field.getConstantValue();
      }
    }
    return null;
  }
}

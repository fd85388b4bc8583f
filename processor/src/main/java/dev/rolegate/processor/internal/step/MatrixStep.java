package dev.rolegate.processor.internal.step;

import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.generation.ConstantsGenerator;
import dev.rolegate.processor.internal.generation.TableGenerator;
import dev.rolegate.processor.internal.matrix.MatrixCompiler;
import dev.rolegate.processor.internal.matrix.MatrixDigest;
import dev.rolegate.processor.internal.matrix.MatrixDocument;
import dev.rolegate.processor.internal.matrix.MatrixProblem;
import dev.rolegate.processor.internal.model.MatrixHandle;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Compiles the matrix a {@code @PermissionMatrix} package of this compilation declares, with its
 * constants and table, and answers which matrix a compilation checks against: that one, else the
 * single one a {@link MatrixLocator} finds on the class path. The declared one's file is looked up
 * through the Filer, or read from the path that the compiler option {@value #MATRIX_OPTION} names.
 */
public final class MatrixStep {
  /** The processor option naming the matrix file: {@code -Arolegate.matrix=<path>}. */
  public static final String MATRIX_OPTION = "rolegate.matrix";

  private final Filer filer;
  private final String matrixOption;
  private final Elements elements;
  private final Reporter reporter;
  private final ConstantsGenerator constants;
  private final TableGenerator table;
  private MatrixHandle declared;
  private PackageElement declaredBy;
  private boolean declaredInvalid;
  private final MatrixLocator classPath;

  /** {@code matrixOption} is the value of {@link #MATRIX_OPTION}, or null when it is not set. */
  public MatrixStep(
      Filer filer,
      String matrixOption,
      Elements elements,
      Reporter reporter,
      ConstantsGenerator constants,
      TableGenerator table) {
    this.filer = filer;
    this.matrixOption = matrixOption;
    this.elements = elements;
    this.reporter = reporter;
    this.constants = constants;
    this.table = table;
    this.classPath = new MatrixLocator(filer, elements, reporter);
  }

  /** Compiles the matrix of each {@code @PermissionMatrix} package of this round. */
  public void process(Iterable<? extends Element> annotated) {
    for (Element element : annotated) {
      if (element instanceof PackageElement) {
        declare((PackageElement) element);
      }
    }
  }

  private void declare(PackageElement pkg) {
    AnnotationMirror mirror = Annotations.find(pkg, Names.PERMISSION_MATRIX).orElseThrow();
    AnnotationValue value = Annotations.value(mirror, "value").orElse(null);
    if (declared != null || declaredInvalid) {
      reporter.report(
          Diagnostic.SEVERAL_MATRICES,
          pkg,
          mirror,
          null,
          pkg.getQualifiedName(),
          declaredBy.getQualifiedName());
      return;
    }
    declaredBy = pkg;
    String path =
        value == null || !(value.getValue() instanceof String) ? "" : (String) value.getValue();
    boolean named = matrixOption != null && !path.isBlank();
    MatrixSources.FileText file =
        named ? MatrixSources.readFile(matrixOption) : MatrixSources.read(filer, pkg, path);
    if (named && file.bytes().isEmpty()) {
      declaredInvalid = true;
      reporter.report(
          Diagnostic.MATRIX_OPTION_UNREADABLE,
          pkg,
          mirror,
          value,
          matrixOption,
          path,
          file.searched().get(0));
      return;
    }
    if (named) {
      String resource = MatrixSources.resourcePath(pkg.getQualifiedName().toString(), path);
      if (!endsWith(matrixOption, resource)) {
        reporter.report(Diagnostic.MATRIX_OPTION_PATH, pkg, mirror, value, matrixOption, resource);
      }
    }
    if (path.isBlank() || file.bytes().isEmpty()) {
      declaredInvalid = true;
      reporter.report(
          Diagnostic.MATRIX_NOT_FOUND,
          pkg,
          mirror,
          value,
          path,
          NameList.listed(file.searched()),
          folder(pkg.getQualifiedName().toString()));
      return;
    }
    MatrixCompiler.Result result = MatrixCompiler.compile(path, file.bytes().get());
    for (MatrixProblem problem : result.problems()) {
      reporter.report(problem.diagnostic(), pkg, mirror, value, problem.located(path));
    }
    if (result.matrix().isEmpty()) {
      declaredInvalid = true;
      if (result.problems().stream().noneMatch(MatrixProblem::tooLarge)) {
        namesOnly(result.named(), pkg);
      }
      return;
    }
    MatrixHandle handle =
        new MatrixHandle(result.matrix().get(), pkg.getQualifiedName().toString());
    if (clashes(handle, pkg, mirror)) {
      declaredInvalid = true;
      return;
    }
    declared = handle;
    constants.generate(result.named(), handle.packageName(), pkg);
    table.generate(declared, pkg, MatrixDigest.sha256(file.bytes().get()), file.ships());
    if (!file.ships()) {
      reporter.report(
          Diagnostic.MATRIX_NOT_SHIPPED,
          pkg,
          mirror,
          value,
          path,
          folder(pkg.getQualifiedName().toString()));
    }
  }

  /**
   * Writes the constants classes of a matrix that does not compile, from the rows that parsed, so
   * that its one mistake is not followed by a missing symbol for every constant the code names.
   * Nothing that runs is written (no capability table, index class or service registration, and no
   * guard: {@link #matrixFor} is empty). A type of one of those names that rolegate did not
   * generate is left alone; the clash is reported once the matrix compiles.
   */
  private void namesOnly(MatrixDocument named, PackageElement pkg) {
    String packageName = pkg.getQualifiedName().toString();
    String prefix = packageName.isEmpty() ? "" : packageName + ".";
    for (String name : List.of("Permissions", "WorkspaceRoles", "AccountRoles")) {
      if (takenByUser(prefix + name)) {
        return;
      }
    }
    constants.generate(named, packageName, pkg);
  }

  /**
   * Reports each class the matrix would generate whose name a type that rolegate did not generate
   * already has (the Filer would refuse to write it); one from an earlier build, carrying our
   * marker, is simply replaced.
   */
  private boolean clashes(MatrixHandle handle, PackageElement pkg, AnnotationMirror mirror) {
    String prefix = handle.packageName().isEmpty() ? "" : handle.packageName() + ".";
    List<String> names =
        List.of(
            prefix + "Permissions",
            prefix + "WorkspaceRoles",
            prefix + "AccountRoles",
            handle.table().canonicalName(),
            handle.index().canonicalName());
    boolean clash = false;
    for (String name : names) {
      if (takenByUser(name)) {
        reporter.report(
            Diagnostic.GENERATED_NAME_CLASH,
            pkg,
            mirror,
            null,
            pkg.getQualifiedName(),
            name,
            handle.table().simpleName());
        clash = true;
      }
    }
    return clash;
  }

  /**
   * Returns whether a type named {@code qualifiedName} exists that rolegate did not generate (one
   * from an earlier build, carrying our marker, is simply replaced).
   */
  private boolean takenByUser(String qualifiedName) {
    TypeElement existing = elements.getTypeElement(qualifiedName);
    return existing != null && Annotations.find(existing, Names.GENERATED).isEmpty();
  }

  /** Returns {@code com/acme/rbac}: the resource folder of package {@code packageName}. */
  private static String folder(String packageName) {
    return packageName.replace('.', '/');
  }

  /**
   * Returns whether the file path {@code option} ends with the name elements of {@code resource}.
   */
  private static boolean endsWith(String option, String resource) {
    try {
      return java.nio.file.Path.of(option)
          .normalize()
          .endsWith(java.nio.file.Path.of(resource).normalize());
    } catch (java.nio.file.InvalidPathException notAPath) {
      return false;
    }
  }

  /** Notes, once processing is over, a matrix option that no {@code @PermissionMatrix} used. */
  public void finish() {
    if (matrixOption != null && declaredBy == null) {
      reporter.reportOnCompilation(Diagnostic.MATRIX_OPTION_UNUSED, matrixOption);
    }
  }

  /** Returns the matrix this compilation compiled from its {@code @PermissionMatrix}, if any. */
  public Optional<MatrixHandle> declared() {
    return Optional.ofNullable(declared);
  }

  /**
   * Returns the matrix that applies: this compilation's own, else the one {@link MatrixLocator}
   * finds on the class path, reporting (once, on {@code subject}) when there is none or several.
   * Empty also when this compilation's own matrix was invalid (already reported).
   */
  public Optional<MatrixHandle> matrixFor(Element subject) {
    if (declared != null) {
      return Optional.of(declared);
    }
    if (declaredInvalid) {
      return Optional.empty();
    }
    return classPath.find(subject);
  }
}

package dev.rolegate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compiles a permission matrix (a Markdown file) into the annotated package.
 *
 * <p>The package receives {@code Permissions}, {@code WorkspaceRoles} and {@code AccountRoles}
 * constants and a {@code <Name>CapabilityTable}. The path is resolved like a resource of the
 * package: next to {@code package-info.java} on the source path, or under {@code
 * src/main/resources} (the class output). When it is not found, the error lists where it looked.
 *
 * <p>A compilation without this annotation uses the single compiled matrix on its class path, such
 * as the bundled Prefect Cloud matrix of {@code rolegate-prefect}. At most one package of a
 * compilation may carry it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface PermissionMatrix {
  /** Path of the matrix file, relative to the annotated package, e.g. {@code "matrix.md"}. */
  String value();
}

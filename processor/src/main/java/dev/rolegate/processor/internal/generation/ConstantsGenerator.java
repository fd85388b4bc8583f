package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.rolegate.processor.internal.matrix.Level;
import dev.rolegate.processor.internal.matrix.MatrixDocument;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Permissions}, {@code WorkspaceRoles} and {@code AccountRoles}: {@code String}
 * constants holding the exact names, for {@code @RequiresPermission} and principal builders. They
 * are written from the matrix's rows alone, so a matrix with mistakes still gets the names that
 * parsed (a name given twice once), and code naming them reports no missing symbol.
 */
public final class ConstantsGenerator {
  private final GeneratedTypes output;

  public ConstantsGenerator(GeneratedTypes output) {
    this.output = output;
  }

  /** Writes the three constants classes of the rows of {@code matrix} into {@code packageName}. */
  public void generate(MatrixDocument matrix, String packageName, Element origin) {
    TypeSpec.Builder permissions =
        holder(
            "Permissions",
            "The permissions of the $L matrix ($L), as names for {@code @RequiresPermission}.\n",
            matrix);
    Set<String> names = new HashSet<>();
    for (PermissionRow row : matrix.permissions()) {
      if (!names.add(row.name())) {
        continue;
      }
      String scope =
          row.scope().isEmpty()
              ? ""
              : " Scope {@code " + GeneratedTypes.javadocText(row.scope()) + "}.";
      permissions.addField(
          constant(
              row.name(),
              GeneratedTypes.javadocText(row.description())
                  + "\n\n<p>"
                  + capitalized(row.level().word())
                  + " permission."
                  + scope
                  + "\n"));
    }
    output.write(packageName, permissions.build(), origin);
    output.write(packageName, roles("WorkspaceRoles", Level.WORKSPACE, matrix), origin);
    output.write(packageName, roles("AccountRoles", Level.ACCOUNT, matrix), origin);
  }

  private TypeSpec roles(String name, Level level, MatrixDocument matrix) {
    TypeSpec.Builder type =
        holder(
            name,
            "The "
                + level.word()
                + " roles of the $L matrix ($L), as names for principal builders.\n",
            matrix);
    Set<String> names = new HashSet<>();
    for (RoleRow row : matrix.roles()) {
      if (row.level() != level || !names.add(row.name())) {
        continue;
      }
      String doc = GeneratedTypes.javadocText(row.description());
      if (!row.everywhere().isEmpty()) {
        doc += "\n\n<p>Holds workspace role {@code " + row.everywhere() + "} in every workspace.";
      }
      if (row.isDefault()) {
        doc += "\n\n<p>The account role of a principal that sets none.";
      }
      type.addField(constant(row.name(), doc + "\n"));
    }
    return type.build();
  }

  private TypeSpec.Builder holder(String name, String javadoc, MatrixDocument matrix) {
    return output
        .annotate(TypeSpec.classBuilder(name))
        .addJavadoc(
            javadoc,
            GeneratedTypes.javadocText(matrix.title()),
            GeneratedTypes.javadocText(matrix.sourceName()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  private static FieldSpec constant(String name, String javadoc) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L", javadoc)
        .initializer("$S", name)
        .build();
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}

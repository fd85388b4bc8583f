package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.matrix.PermissionRow;
import dev.rolegate.processor.internal.matrix.RoleRow;
import dev.rolegate.processor.internal.model.MatrixHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the capability table (every permission and each role's closed permission set as a static
 * bitset, built once when the class loads; nothing is parsed at run time), its {@code
 * ServiceLoader} registration, and the class-path index that lets later compilations find the
 * matrix through {@code javax.lang.model}.
 */
public final class TableGenerator {
  /** Characters per text constant: at most 3 UTF-8 bytes each stays under the 65,535-byte limit. */
  static final int CHUNK = 16_000;

  private static final ClassName MATRIX = ClassName.get(GeneratedTypes.RUNTIME, "Matrix");
  private static final ClassName BUILDER = MATRIX.nestedClass("Builder");
  private static final ClassName PERMISSION = ClassName.get(GeneratedTypes.RUNTIME, "Permission");
  private static final ClassName LEVEL = ClassName.get(GeneratedTypes.RUNTIME, "Level");
  private static final ClassName CAPABILITY_TABLE =
      ClassName.get(GeneratedTypes.RUNTIME, "CapabilityTable");

  private final GeneratedTypes output;
  private final Filer filer;

  public TableGenerator(GeneratedTypes output, Filer filer) {
    this.output = output;
    this.filer = filer;
  }

  /**
   * Writes the table, the index class and the service registration for {@code handle}, compiled
   * from a file with SHA-256 {@code sha256}; when the file {@code ships} with the classes (a class
   * path resource beside the table), the table compares itself with it when it loads.
   */
  public void generate(MatrixHandle handle, Element origin, String sha256, boolean ships) {
    ClassName table = handle.table();
    output.write(handle.packageName(), table(handle, sha256, ships), origin);
    output.write(MatrixHandle.INDEX_PACKAGE, index(handle, sha256), origin);
    try {
      FileObject file =
          filer.createResource(
              StandardLocation.CLASS_OUTPUT,
              "",
              "META-INF/services/dev.rolegate.runtime.CapabilityTable",
              origin);
      try (Writer writer =
          new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        writer.write(table.reflectionName() + "$Provider\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not register " + table, e);
    }
  }

  private TypeSpec table(MatrixHandle handle, String sha256, boolean ships) {
    CompiledMatrix matrix = handle.matrix();
    ClassName table = handle.table();
    TypeSpec.Builder type =
        output
            .annotate(TypeSpec.classBuilder(table))
            .addJavadoc(
                "The compiled matrix $L ($L): every permission, and each role's permissions"
                    + " after closure\n(grants, what they include, what the role inherits) as a"
                    + " bitset over permission indexes.\n\n<p>The roles after closure:\n\n<ul>\n$L</ul>\n",
                GeneratedTypes.javadocText(matrix.title()),
                GeneratedTypes.javadocText(matrix.sourceName()),
                closures(matrix))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(
                FieldSpec.builder(
                        MATRIX, "matrix", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("build()")
                    .build());
    addBuildMethods(type, handle, sha256, ships);
    for (PermissionRow row : matrix.permissions()) {
      type.addField(
          FieldSpec.builder(
                  PERMISSION, row.name(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("$L\n", GeneratedTypes.javadocText(row.description()))
              .initializer("matrix.permissionAt($L)", matrix.indexOf(row))
              .build());
    }
    return type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(
            MethodSpec.methodBuilder("matrix")
                .addJavadoc("Returns the compiled matrix.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(MATRIX)
                .addStatement("return matrix")
                .build())
        .addType(
            TypeSpec.classBuilder("Provider")
                .addJavadoc(
                    "Registers the matrix as a {@code ServiceLoader} service for {@code Matrix.load()}.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(CAPABILITY_TABLE)
                .addMethod(
                    MethodSpec.methodBuilder("matrix")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(MATRIX)
                        .addStatement("return $T.matrix", table)
                        .build())
                .build())
        .build();
  }

  private static String closures(CompiledMatrix matrix) {
    StringBuilder list = new StringBuilder();
    for (RoleRow role : matrix.roles()) {
      BitSet bits = matrix.closure(role);
      List<String> names = new java.util.ArrayList<>();
      bits.stream().forEach(i -> names.add(matrix.permissions().get(i).name()));
      list.append("  <li>")
          .append(role.level().word())
          .append(' ')
          .append(role.name())
          .append(" (")
          .append(names.size())
          .append("): ")
          .append(String.join(", ", names))
          .append("\n");
    }
    return list.toString();
  }

  /**
   * Adds {@code build()}, which builds the matrix statement by statement through methods of a
   * bounded size: one chained expression hundreds of calls deep overflows javac's stack, and one
   * method holds at most 64 KB of bytecode.
   */
  private static void addBuildMethods(
      TypeSpec.Builder type, MatrixHandle handle, String sha256, boolean ships) {
    CompiledMatrix matrix = handle.matrix();
    int words = Math.max(1, (matrix.permissions().size() + 63) / 64);
    List<CodeBlock> entries = new java.util.ArrayList<>();
    for (PermissionRow row : matrix.permissions()) {
      entries.add(
          CodeBlock.of(
              "builder.permission($S, $T.$L, $S, $S, $L)",
              row.name(),
              LEVEL,
              row.level().name(),
              row.scope(),
              row.description(),
              bits(matrix.implied(row), words)));
    }
    for (RoleRow role : matrix.roles()) {
      entries.add(
          CodeBlock.of(
              "builder.role($S, $T.$L, $L, $S, $S)",
              role.name(),
              LEVEL,
              role.level().name(),
              bits(matrix.closure(role), words),
              role.everywhere(),
              role.description()));
    }
    MethodSpec.Builder build =
        MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(MATRIX)
            .addStatement(
                "$T builder = $T.builder($S, $S, $S)",
                BUILDER,
                MATRIX,
                matrix.title(),
                handle.packageName(),
                matrix.sourceName());
    // The file beside this class, found through this class so that its own module finds it;
    // build() refuses a table compiled from other text than the file (or, for a file read from
    // the source path, than a copy the build ships).
    build.addStatement(
        "builder.$L($S, $T.class.getResource($S))",
        ships ? "compiledFrom" : "compiledFromSource",
        sha256,
        handle.table(),
        matrix.sourceName());
    // About 12 bytes of bytecode per bitset word and 60 for the rest of an entry.
    int perMethod = Math.max(1, 30_000 / (60 + 12 * words));
    List<MethodSpec> parts = new java.util.ArrayList<>();
    for (int start = 0, part = 0; start < entries.size(); start += perMethod, part++) {
      String name = "addRows" + part;
      MethodSpec.Builder add =
          MethodSpec.methodBuilder(name)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addParameter(BUILDER, "builder");
      for (CodeBlock entry : entries.subList(start, Math.min(entries.size(), start + perMethod))) {
        add.addStatement(entry);
      }
      parts.add(add.build());
      build.addStatement("$L(builder)", name);
    }
    matrix
        .defaultAccountRole()
        .ifPresent(role -> build.addStatement("builder.defaultAccountRole($S)", role.name()));
    type.addMethod(build.addStatement("return builder.build()").build()).addMethods(parts);
  }

  private static CodeBlock bits(BitSet set, int words) {
    long[] values = java.util.Arrays.copyOf(set.toLongArray(), words);
    CodeBlock.Builder code = CodeBlock.builder().add("new long[] {");
    for (int i = 0; i < values.length; i++) {
      code.add(i == 0 ? "$L" : ", $L", "0x" + Long.toHexString(values[i]) + "L");
    }
    return code.add("}").build();
  }

  private TypeSpec index(MatrixHandle handle, String sha256) {
    CompiledMatrix matrix = handle.matrix();
    TypeSpec.Builder type =
        output
            .annotate(TypeSpec.classBuilder(handle.index()))
            .addJavadoc(
                "Lets later compilations find the $L matrix compiled into {@code $L}.\n",
                GeneratedTypes.javadocText(matrix.title()),
                handle.packageName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(constant("PACKAGE", handle.packageName()))
            .addField(constant("SOURCE", matrix.sourceName()))
            .addField(constant("SHA256", sha256));
    List<String> chunks = chunks(matrix.text());
    type.addField(
        FieldSpec.builder(int.class, "CHUNKS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", chunks.size())
            .build());
    for (int i = 0; i < chunks.size(); i++) {
      type.addField(constant("TEXT_" + i, chunks.get(i)));
    }
    return type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  private static FieldSpec constant(String name, String value) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", value)
        .build();
  }

  static List<String> chunks(String text) {
    List<String> chunks = new java.util.ArrayList<>();
    int start = 0;
    while (start < text.length() || chunks.isEmpty()) {
      int end = Math.min(text.length(), start + CHUNK);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      chunks.add(text.substring(start, end));
      start = end;
    }
    return chunks;
  }
}

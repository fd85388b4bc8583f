package dev.rolegate.benchmarks.compile;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Each service's guard built and rendered with JavaPoet, as rolegate's generator builds and renders
 * it (a {@code TypeSpec} of fields and methods with the marker annotation and Javadoc, permission
 * lists that wrap at JavaPoet's column limit, {@code JavaFile} with {@code java.lang} imports
 * skipped and a two-space indent), from the corpus's method table: the text is {@link
 * Corpus#guard}'s, character for character. What it leaves out is rolegate's deciding: reading the
 * compiler's elements, names that avoid the service's nested types, the return-value checks. Over
 * {@link GuardPerServiceProcessor}, which writes that text as given, its build costs what JavaPoet
 * costs; rolegate's build costs that and its work of deciding what to generate.
 */
public final class JavaPoetGuardPerServiceProcessor extends PerServiceProcessor {
  private static final String RUNTIME = "dev.rolegate.runtime";
  private static final ClassName REQUIREMENT = ClassName.get(RUNTIME + ".internal", "Requirement");
  private static final ClassName SOURCE = ClassName.get(RUNTIME, "PrincipalSource");
  private static final ClassName CURRENT = ClassName.get(RUNTIME, "CurrentPrincipal");
  private static final ClassName TABLE =
      ClassName.get("dev.rolegate.prefect", "PrefectCloudCapabilityTable");
  private static final ClassName MARKER = ClassName.get(RUNTIME + ".internal", "RolegateGenerated");

  @Override
  boolean writesResources() {
    return false;
  }

  @Override
  String guard(int service) {
    return render(service);
  }

  /** Returns the source of {@code HandGuardedService<service>}, rendered by JavaPoet. */
  static String render(int service) {
    ClassName type = ClassName.get(Corpus.PACKAGE, Corpus.SERVICE_NAME + service);
    String guardName = Corpus.GUARD_NAME + service;
    TypeSpec.Builder guard =
        TypeSpec.classBuilder(guardName)
            .addAnnotation(MARKER)
            .addJavadoc("Guards {@link $T}, written by hand.\n", type)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(type);
    for (Corpus.Method method : Corpus.methods()) {
      List<CodeBlock> permissions = new ArrayList<>();
      for (String permission : method.permissions()) {
        permissions.add(
            CodeBlock.of(permissions.isEmpty() ? "$T.$L" : "$W$T.$L", TABLE, permission));
      }
      guard.addField(
          FieldSpec.builder(
                  REQUIREMENT,
                  Corpus.constant(method),
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer(
                  "$T.$L($L)",
                  REQUIREMENT,
                  method.any() ? "anyOf" : "allOf",
                  CodeBlock.join(permissions, ","))
              .build());
    }
    guard
        .addField(type, "delegate", Modifier.PRIVATE, Modifier.FINAL)
        .addField(SOURCE, "source", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(type, "delegate")
                .addParameter(SOURCE, "source")
                .addStatement("this.delegate = delegate")
                .addStatement("this.source = source")
                .build())
        .addMethod(
            wrap(type)
                .addJavadoc(
                    "Returns {@code delegate} guarded, with the caller read from {@link $T}.\n",
                    CURRENT)
                .addStatement("return wrap(delegate, $T.source())", CURRENT)
                .build())
        .addMethod(
            wrap(type)
                .addJavadoc(
                    "Returns {@code delegate} guarded, with the caller read from {@code source}.\n")
                .addParameter(SOURCE, "source")
                .addStatement("$T.requireNonNull(delegate, $S)", Objects.class, "delegate")
                .addStatement("$T.requireNonNull(source, $S)", Objects.class, "source")
                .addStatement("return new $N(delegate, source)", guardName)
                .build());
    for (Corpus.Method method : Corpus.methods()) {
      guard.addMethod(method(type, method));
    }
    return JavaFile.builder(Corpus.PACKAGE, guard.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build()
        .toString();
  }

  /** Returns {@code public static <type> wrap(<type> delegate)}, its body to come. */
  private static MethodSpec.Builder wrap(ClassName type) {
    return MethodSpec.methodBuilder("wrap")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(type)
        .addParameter(type, "delegate");
  }

  private static MethodSpec method(ClassName type, Corpus.Method method) {
    TypeName returns = type(method.returns());
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(method.name())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(returns)
            .addParameter(String.class, "workspace");
    List<CodeBlock> arguments = new ArrayList<>(List.of(CodeBlock.of("workspace")));
    for (String parameter : method.params().split(", ")) {
      if (!parameter.isEmpty()) {
        int space = parameter.lastIndexOf(' ');
        String name = parameter.substring(space + 1);
        builder.addParameter(type(parameter.substring(0, space)), name);
        arguments.add(CodeBlock.of("$N", name));
      }
    }
    builder.addStatement(
        "$L.check(this.source, workspace, $S)",
        Corpus.constant(method),
        type.simpleName() + "." + method.name());
    CodeBlock call =
        CodeBlock.of("this.delegate.$L($L)", method.name(), CodeBlock.join(arguments, ", "));
    return (returns.equals(TypeName.VOID)
            ? builder.addStatement("$L", call)
            : builder.addStatement("return $L", call))
        .build();
  }

  /** Returns the JavaPoet type of a corpus type's text. */
  private static TypeName type(String text) {
    return switch (text) {
      case "void" -> TypeName.VOID;
      case "boolean" -> TypeName.BOOLEAN;
      case "int" -> TypeName.INT;
      case "long" -> TypeName.LONG;
      case "String" -> ClassName.get(String.class);
      case "List<String>" -> ParameterizedTypeName.get(List.class, String.class);
      default -> throw new IllegalArgumentException("not a type of the corpus: " + text);
    };
  }
}

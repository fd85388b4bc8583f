package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * Writes {@code Guarded<Type>}. For an interface: a final class implementing it that checks each
 * call's requirement (a constant) before delegating, so a denied call never reaches the delegate.
 * For a class, see {@link ClassGuardGenerator}.
 */
public final class GuardGenerator {
  private final GeneratedTypes output;
  private final GuardMethods methods;
  private final ClassGuardGenerator classes;

  public GuardGenerator(GeneratedTypes output, Types types) {
    this.output = output;
    this.methods = new GuardMethods(types);
    this.classes = new ClassGuardGenerator(output, methods);
  }

  /** Writes the guard of {@code service}, checking against {@code matrix}'s table. */
  public void generate(GuardedService service, MatrixHandle matrix) {
    if (service.isClass()) {
      classes.generate(service, matrix);
      return;
    }
    TypeElement type = service.type();
    List<TypeVariableName> variables = GuardMethods.typeVariables(type);
    TypeName serviceType =
        variables.isEmpty()
            ? ClassName.get(type)
            : ParameterizedTypeName.get(ClassName.get(type), variables.toArray(TypeName[]::new));
    Map<RequirementSpec, String> constants =
        GuardMethods.constantNames(service, GuardMethods.parameterNames(service));
    boolean isPublic = type.getModifiers().contains(Modifier.PUBLIC);
    TypeSpec.Builder guard =
        output
            .annotate(TypeSpec.classBuilder(service.guardName()))
            .addJavadoc(
                "Guards {@link $T}: checks the caller's permissions before each call reaches"
                    + " the delegate.\n",
                ClassName.get(type))
            .addModifiers(Modifier.FINAL)
            .addTypeVariables(variables)
            .addSuperinterface(serviceType)
            .avoidClashesWithNestedClasses(type);
    if (isPublic) {
      guard.addModifiers(Modifier.PUBLIC);
    }
    ClassName table = matrix.table();
    constants.forEach(
        (requirement, name) ->
            guard.addField(GuardMethods.requirementField(requirement, name, table)));
    guard
        .addField(serviceType, "delegate", Modifier.PRIVATE, Modifier.FINAL)
        .addField(GuardMethods.SOURCE, "source", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(serviceType, "delegate")
                .addParameter(GuardMethods.SOURCE, "source")
                .addStatement("this.delegate = delegate")
                .addStatement("this.source = source")
                .build())
        .addMethod(wrap(service, serviceType, variables, isPublic, false))
        .addMethod(wrap(service, serviceType, variables, isPublic, true));
    for (GuardedMethod method : service.methods()) {
      guard.addMethod(
          methods.override(
              method,
              service,
              constants,
              CodeBlock.of("this.source"),
              CodeBlock.of("this.delegate")));
    }
    output.write(service.guardName().packageName(), guard.build(), type);
  }

  private static MethodSpec wrap(
      GuardedService service,
      TypeName serviceType,
      List<TypeVariableName> variables,
      boolean isPublic,
      boolean withSource) {
    MethodSpec.Builder wrap =
        MethodSpec.methodBuilder("wrap")
            .addModifiers(Modifier.STATIC)
            .addTypeVariables(variables)
            .returns(serviceType)
            .addParameter(serviceType, "delegate");
    if (isPublic) {
      wrap.addModifiers(Modifier.PUBLIC);
    }
    if (withSource) {
      wrap.addJavadoc(
              "Returns {@code delegate} guarded, with the caller read from {@code source}.\n")
          .addParameter(GuardMethods.SOURCE, "source")
          .addStatement("$T.requireNonNull(delegate, $S)", Objects.class, "delegate")
          .addStatement("$T.requireNonNull(source, $S)", Objects.class, "source")
          .addStatement(
              variables.isEmpty()
                  ? "return new $T(delegate, source)"
                  : "return new $T<>(delegate, source)",
              service.guardName());
    } else {
      wrap.addJavadoc(
              "Returns {@code delegate} guarded, with the caller read from {@link $T}.\n",
              GuardMethods.CURRENT)
          .addStatement("return wrap(delegate, $T.source())", GuardMethods.CURRENT);
    }
    return wrap.build();
  }
}

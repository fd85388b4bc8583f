package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Writes {@code Guarded<Type>} for a class: a final subclass with one constructor per non-private
 * constructor of the class (same parameters, type parameters, varargs, exceptions and access,
 * calling {@code super}), overriding each guarded method to check the caller before calling {@code
 * super}. Because the checks are overrides, a call the class makes to its own guarded method
 * ({@code this.delete()}) is checked too.
 *
 * <p>A class guard has no {@code wrap}: its user creates it with {@code new}, so it reads the
 * caller from {@code CurrentPrincipal.source()}, kept in a {@code private static final} field
 * ({@code SOURCE}, or {@code SOURCE_} when a parameter is named so) so that each check reads like
 * an interface guard's.
 */
final class ClassGuardGenerator {
  private final GeneratedTypes output;
  private final GuardMethods methods;

  ClassGuardGenerator(GeneratedTypes output, GuardMethods methods) {
    this.output = output;
    this.methods = methods;
  }

  /** Writes the guard of the class {@code service}, checking against {@code matrix}'s table. */
  void generate(GuardedService service, MatrixHandle matrix) {
    TypeElement type = service.type();
    List<TypeVariableName> variables = GuardMethods.typeVariables(type);
    TypeName superclass =
        variables.isEmpty()
            ? ClassName.get(type)
            : ParameterizedTypeName.get(ClassName.get(type), variables.toArray(TypeName[]::new));
    Set<String> taken = GuardMethods.parameterNames(service);
    String source = GuardMethods.allocate("SOURCE", taken);
    Map<RequirementSpec, String> constants = GuardMethods.constantNames(service, taken);
    TypeSpec.Builder guard =
        output
            .annotate(TypeSpec.classBuilder(service.guardName()))
            .addJavadoc(
                "Guards {@link $T}: each guarded method checks the caller's permissions,"
                    + " read from\n{@link $T}, before it runs. Create it with the constructors of"
                    + " {@link $T}.\n",
                ClassName.get(type),
                GuardMethods.CURRENT,
                ClassName.get(type))
            .addModifiers(Modifier.FINAL)
            .addTypeVariables(variables)
            .superclass(superclass)
            .avoidClashesWithNestedClasses(type);
    if (type.getModifiers().contains(Modifier.PUBLIC)) {
      guard.addModifiers(Modifier.PUBLIC);
    }
    guard.addField(
        FieldSpec.builder(
                GuardMethods.SOURCE, source, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.source()", GuardMethods.CURRENT)
            .build());
    ClassName table = matrix.table();
    constants.forEach(
        (requirement, name) ->
            guard.addField(GuardMethods.requirementField(requirement, name, table)));
    for (ExecutableElement constructor : service.constructors()) {
      guard.addMethod(constructor(constructor));
    }
    for (GuardedMethod method : service.overridden()) {
      guard.addMethod(
          methods.override(
              method, service, constants, CodeBlock.of("$N", source), CodeBlock.of("super")));
    }
    output.write(service.guardName().packageName(), guard.build(), type);
  }

  /** Returns a constructor mirroring {@code constructor} that passes its arguments to super. */
  private static MethodSpec constructor(ExecutableElement constructor) {
    MethodSpec.Builder builder = MethodSpec.constructorBuilder();
    for (Modifier modifier : constructor.getModifiers()) {
      if (modifier == Modifier.PUBLIC || modifier == Modifier.PROTECTED) {
        builder.addModifiers(modifier);
      }
    }
    if (GuardMethods.deprecated(constructor)) {
      builder.addAnnotation(Deprecated.class);
    }
    for (TypeParameterElement parameter : constructor.getTypeParameters()) {
      builder.addTypeVariable(TypeVariableName.get(parameter));
    }
    List<CodeBlock> arguments = new ArrayList<>();
    for (VariableElement parameter : constructor.getParameters()) {
      String name = parameter.getSimpleName().toString();
      builder.addParameter(TypeName.get(parameter.asType()), name);
      arguments.add(CodeBlock.of("$N", name));
    }
    for (TypeMirror thrown : constructor.getThrownTypes()) {
      builder.addException(TypeName.get(thrown));
    }
    return builder
        .varargs(constructor.isVarArgs())
        .addStatement("super($L)", CodeBlock.join(arguments, ", "))
        .build();
  }
}

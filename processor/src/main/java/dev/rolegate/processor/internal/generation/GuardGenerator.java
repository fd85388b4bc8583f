package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import dev.rolegate.processor.internal.model.WorkspaceArgument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Types;

/**
 * Writes {@code Guarded<Type>}: a final class implementing the interface that checks each call's
 * requirement (a constant) before delegating, so a denied call never reaches the delegate.
 */
public final class GuardGenerator {
  private static final ClassName REQUIREMENT = ClassName.get(GeneratedTypes.INTERNAL, "Requirement");
  private static final ClassName SOURCE = ClassName.get(GeneratedTypes.RUNTIME, "PrincipalSource");
  private static final ClassName CURRENT = ClassName.get(GeneratedTypes.RUNTIME, "CurrentPrincipal");

  private final GeneratedTypes output;
  private final Types types;

  public GuardGenerator(GeneratedTypes output, Types types) {
    this.output = output;
    this.types = types;
  }

  /** Writes the guard of {@code service}, checking against {@code matrix}'s table. */
  public void generate(GuardedService service, MatrixHandle matrix) {
    TypeElement type = service.type();
    List<TypeVariableName> variables = new ArrayList<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      variables.add(TypeVariableName.get(parameter));
    }
    TypeName serviceType = variables.isEmpty()
        ? ClassName.get(type)
        : ParameterizedTypeName.get(ClassName.get(type), variables.toArray(TypeName[]::new));
    Map<RequirementSpec, String> constants = constantNames(service);
    boolean isPublic = type.getModifiers().contains(Modifier.PUBLIC);
    TypeSpec.Builder guard = output.annotate(TypeSpec.classBuilder(service.guardName()))
        .addJavadoc("Guards {@link $T}: checks the caller's permissions before each call reaches"
            + " the delegate.\n", ClassName.get(type))
        .addModifiers(Modifier.FINAL)
        .addTypeVariables(variables)
        .addSuperinterface(serviceType);
    if (isPublic) {
      guard.addModifiers(Modifier.PUBLIC);
    }
    constants.forEach((requirement, name) -> guard.addField(requirementField(requirement, name, matrix)));
    guard.addField(serviceType, "delegate", Modifier.PRIVATE, Modifier.FINAL)
        .addField(SOURCE, "source", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(serviceType, "delegate")
            .addParameter(SOURCE, "source")
            .addStatement("this.delegate = delegate")
            .addStatement("this.source = source")
            .build())
        .addMethod(wrap(service, serviceType, variables, isPublic, false))
        .addMethod(wrap(service, serviceType, variables, isPublic, true));
    for (GuardedMethod method : service.methods()) {
      guard.addMethod(override(service, method, constants));
    }
    output.write(service.guardName().packageName(), guard.build(), type);
  }

  /** Names each distinct requirement, avoiding every parameter name of the service. */
  private static Map<RequirementSpec, String> constantNames(GuardedService service) {
    Set<String> taken = new HashSet<>();
    for (GuardedMethod method : service.methods()) {
      for (VariableElement parameter : method.element().getParameters()) {
        taken.add(parameter.getSimpleName().toString());
      }
    }
    Map<RequirementSpec, String> names = new LinkedHashMap<>();
    for (GuardedMethod method : service.methods()) {
      method.requirement().ifPresent(requirement -> {
        if (!names.containsKey(requirement)) {
          String name = requirement.constantName();
          while (taken.contains(name)) {
            name = name + "_";
          }
          taken.add(name);
          names.put(requirement, name);
        }
      });
    }
    return names;
  }

  private static FieldSpec requirementField(RequirementSpec requirement, String name, MatrixHandle matrix) {
    CodeBlock.Builder permissions = CodeBlock.builder();
    for (int i = 0; i < requirement.permissions().size(); i++) {
      permissions.add(i == 0 ? "$T.$L" : ",$W$T.$L", matrix.table(), requirement.permissions().get(i));
    }
    return FieldSpec.builder(REQUIREMENT, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.$L($L)", REQUIREMENT, requirement.any() ? "anyOf" : "allOf", permissions.build())
        .build();
  }

  private static MethodSpec wrap(GuardedService service, TypeName serviceType,
      List<TypeVariableName> variables, boolean isPublic, boolean withSource) {
    MethodSpec.Builder wrap = MethodSpec.methodBuilder("wrap")
        .addModifiers(Modifier.STATIC)
        .addTypeVariables(variables)
        .returns(serviceType)
        .addParameter(serviceType, "delegate");
    if (isPublic) {
      wrap.addModifiers(Modifier.PUBLIC);
    }
    if (withSource) {
      wrap.addJavadoc("Returns {@code delegate} guarded, with the caller read from {@code source}.\n")
          .addParameter(SOURCE, "source")
          .addStatement("$T.requireNonNull(delegate, $S)", Objects.class, "delegate")
          .addStatement("$T.requireNonNull(source, $S)", Objects.class, "source")
          .addStatement(variables.isEmpty() ? "return new $T(delegate, source)" : "return new $T<>(delegate, source)",
              service.guardName());
    } else {
      wrap.addJavadoc("Returns {@code delegate} guarded, with the caller read from {@link $T}.\n", CURRENT)
          .addStatement("return wrap(delegate, $T.source())", CURRENT);
    }
    return wrap.build();
  }

  private MethodSpec override(
      GuardedService service, GuardedMethod method, Map<RequirementSpec, String> constants) {
    ExecutableElement element = method.element();
    MethodSpec.Builder builder = overriding(element, (DeclaredType) service.type().asType());
    if (element.getAnnotationMirrors().stream().anyMatch(mirror ->
        mirror.getAnnotationType().toString().equals("java.lang.Deprecated"))) {
      builder.addAnnotation(Deprecated.class);
    }
    method.requirement().ifPresent(requirement ->
        addCheck(builder, method, constants.get(requirement)));
    List<CodeBlock> arguments = new ArrayList<>();
    for (ParameterSpec parameter : builder.build().parameters()) {
      arguments.add(CodeBlock.of("$N", parameter));
    }
    CodeBlock call = CodeBlock.of("this.delegate.$L($L)", element.getSimpleName(), CodeBlock.join(arguments, ", "));
    if (builder.build().returnType().equals(TypeName.VOID)) {
      builder.addStatement(call);
    } else {
      builder.addStatement("return $L", call);
    }
    return builder.build();
  }

  /**
   * Returns an override of {@code method} as a member of {@code owner} (type arguments of
   * generic superinterfaces substituted). Not JavaPoet's {@code MethodSpec.overriding(method,
   * owner, types)}: it fails on a type variable bounded by an intersection ({@code <N extends
   * Number & Comparable<N>>}), found by RobustnessPropertiesTest.
   */
  private MethodSpec.Builder overriding(ExecutableElement method, DeclaredType owner) {
    ExecutableType resolved = (ExecutableType) types.asMemberOf(owner, method);
    Set<Modifier> modifiers = new LinkedHashSet<>(method.getModifiers());
    modifiers.removeAll(List.of(Modifier.ABSTRACT, Modifier.DEFAULT));
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method.getSimpleName().toString())
        .addAnnotation(Override.class)
        .addModifiers(modifiers)
        .returns(TypeName.get(resolved.getReturnType()))
        .varargs(method.isVarArgs());
    for (TypeVariable variable : resolved.getTypeVariables()) {
      builder.addTypeVariable(typeVariable(variable));
    }
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      builder.addParameter(TypeName.get(resolved.getParameterTypes().get(i)),
          parameters.get(i).getSimpleName().toString());
    }
    for (TypeMirror thrown : resolved.getThrownTypes()) {
      builder.addException(TypeName.get(thrown));
    }
    return builder;
  }

  private static TypeVariableName typeVariable(TypeVariable variable) {
    TypeMirror upper = variable.getUpperBound();
    List<? extends TypeMirror> bounds = upper.getKind() == TypeKind.INTERSECTION
        ? ((IntersectionType) upper).getBounds()
        : List.of(upper);
    List<TypeName> names = new ArrayList<>();
    for (TypeMirror bound : bounds) {
      TypeName name = TypeName.get(bound);
      if (!name.equals(ClassName.OBJECT)) {
        names.add(name);
      }
    }
    return TypeVariableName.get(variable.asElement().getSimpleName().toString(),
        names.toArray(TypeName[]::new));
  }

  /**
   * Adds the check before the call: against the bound workspace, the {@code @WorkspaceId}
   * argument, or the id its accessor returns (null for a null carrier; a throwing accessor is a
   * denial, so the delegate is never called).
   */
  private static void addCheck(MethodSpec.Builder builder, GuardedMethod method, String constant) {
    String operation = method.operation();
    if (method.workspace().isEmpty()) {
      builder.addStatement("$L.check(this.source, $S)", constant, operation);
      return;
    }
    WorkspaceArgument workspace = method.workspace().get();
    String parameter =
        method.element().getParameters().get(workspace.parameter()).getSimpleName().toString();
    if (workspace.accessor().isEmpty()) {
      builder.addStatement("$L.check(this.source, $L, $S)", constant, parameter, operation);
      return;
    }
    NameAllocator names = new NameAllocator();
    for (VariableElement each : method.element().getParameters()) {
      names.newName(each.getSimpleName().toString());
    }
    String id = names.newName("workspace");
    String failure = names.newName("e");
    builder.addStatement("$T $L", workspace.idType(), id)
        .beginControlFlow("try")
        .addStatement("$L = $L == null ? null : $L.$L()", id, parameter, parameter,
            workspace.accessor().get().getSimpleName())
        .nextControlFlow("catch ($T $L)", RuntimeException.class, failure)
        .addStatement("throw $L.workspaceFailed($S, $L)", constant, operation, failure)
        .endControlFlow()
        .addStatement("$L.check(this.source, $L, $S)", constant, id, operation);
  }
}

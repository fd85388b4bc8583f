package dev.rolegate.processor.internal.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.IdArgument;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * What interface and class guards share: the requirement constants, and each overriding method,
 * which checks the caller and then calls the target ({@code this.delegate} or {@code super}).
 */
final class GuardMethods {
  static final ClassName REQUIREMENT = ClassName.get(GeneratedTypes.INTERNAL, "Requirement");
  static final ClassName SOURCE = ClassName.get(GeneratedTypes.RUNTIME, "PrincipalSource");
  static final ClassName CURRENT = ClassName.get(GeneratedTypes.RUNTIME, "CurrentPrincipal");

  private final Types types;
  private final ReturnChecks returns;

  GuardMethods(Types types) {
    this.types = types;
    this.returns = new ReturnChecks(types);
  }

  /** Returns the type variables of {@code type}, which its guard declares too. */
  static List<TypeVariableName> typeVariables(TypeElement type) {
    List<TypeVariableName> variables = new ArrayList<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      variables.add(TypeVariableName.get(parameter));
    }
    return variables;
  }

  /** Returns every parameter name of the guarded methods: names a guard's fields must avoid. */
  static Set<String> parameterNames(GuardedService service) {
    Set<String> taken = new HashSet<>();
    for (GuardedMethod method : service.overridden()) {
      for (VariableElement parameter : method.element().getParameters()) {
        taken.add(parameter.getSimpleName().toString());
      }
    }
    return taken;
  }

  /** Returns {@code name}, with underscores appended until it is not in {@code taken}; takes it. */
  static String allocate(String name, Set<String> taken) {
    String free = name;
    while (taken.contains(free)) {
      free = free + "_";
    }
    taken.add(free);
    return free;
  }

  /** Names each distinct requirement, in order of first use, avoiding {@code taken}. */
  static Map<RequirementSpec, String> constantNames(GuardedService service, Set<String> taken) {
    Map<RequirementSpec, String> names = new LinkedHashMap<>();
    for (GuardedMethod method : service.overridden()) {
      method
          .requirement()
          .ifPresent(
              requirement -> {
                if (!names.containsKey(requirement)) {
                  names.put(requirement, allocate(requirement.constantName(), taken));
                }
              });
    }
    return names;
  }

  /**
   * Returns the field holding {@code requirement}, named {@code name}, its permissions constants of
   * {@code table} (the matrix's capability table).
   */
  static FieldSpec requirementField(RequirementSpec requirement, String name, ClassName table) {
    CodeBlock.Builder permissions = CodeBlock.builder();
    for (int i = 0; i < requirement.permissions().size(); i++) {
      permissions.add(i == 0 ? "$T.$L" : ",$W$T.$L", table, requirement.permissions().get(i));
    }
    return FieldSpec.builder(REQUIREMENT, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(
            "$T.$L($L)", REQUIREMENT, requirement.any() ? "anyOf" : "allOf", permissions.build())
        .build();
  }

  /** Returns whether {@code element} is {@code @Deprecated}, which its guard repeats. */
  static boolean deprecated(ExecutableElement element) {
    return element.getAnnotationMirrors().stream()
        .anyMatch(mirror -> mirror.getAnnotationType().toString().equals("java.lang.Deprecated"));
  }

  /**
   * Returns the override of {@code method} as a member of {@code service}'s type: the check against
   * its constant (none for {@code @Unguarded}), reading the caller from {@code source}, then the
   * call on {@code target}, its result checked by the {@link ReturnChecks return-value rule} where
   * that applies (a return type that could hold the guarded type, or a proper subtype of it).
   */
  MethodSpec override(
      GuardedMethod method,
      GuardedService service,
      Map<RequirementSpec, String> constants,
      CodeBlock source,
      CodeBlock target) {
    ExecutableElement element = method.element();
    DeclaredType owner = (DeclaredType) service.type().asType();
    MethodSpec.Builder builder = overriding(element, owner);
    if (deprecated(element)) {
      builder.addAnnotation(Deprecated.class);
    }
    method
        .requirement()
        .ifPresent(requirement -> addCheck(builder, method, constants.get(requirement), source));
    MethodSpec signature = builder.build();
    List<CodeBlock> arguments = new ArrayList<>();
    for (ParameterSpec parameter : signature.parameters()) {
      arguments.add(CodeBlock.of("$N", parameter));
    }
    CodeBlock call =
        CodeBlock.of("$L.$L($L)", target, element.getSimpleName(), CodeBlock.join(arguments, ", "));
    TypeMirror returned = ((ExecutableType) types.asMemberOf(owner, element)).getReturnType();
    if (signature.returnType().equals(TypeName.VOID)) {
      builder.addStatement(call);
    } else if (method.narrowing().isPresent()) {
      returns.addNarrowed(
          builder,
          signature.parameters(),
          method,
          service,
          method.narrowing().get(),
          returned,
          call,
          target);
    } else if (returns.applies(returned, service.type())) {
      returns.addReturn(
          builder, signature.parameters(), method, service, returned, call, target, source);
    } else {
      builder.addStatement("return $L", call);
    }
    return builder.build();
  }

  /**
   * Returns an override of {@code element} as a member of {@code owner} (type arguments of generic
   * supertypes substituted), keeping only its access modifier: a {@code synchronized} or {@code
   * native} method of a class is overridden by a plain one that calls it. Not JavaPoet's {@code
   * MethodSpec.overriding(method, owner, types)}: it fails on a type variable bounded by an
   * intersection ({@code <N extends Number & Comparable<N>>}), found by RobustnessPropertiesTest.
   */
  private MethodSpec.Builder overriding(ExecutableElement element, DeclaredType owner) {
    ExecutableType resolved = (ExecutableType) types.asMemberOf(owner, element);
    MethodSpec.Builder builder =
        MethodSpec.methodBuilder(element.getSimpleName().toString())
            .addAnnotation(Override.class)
            .returns(TypeName.get(resolved.getReturnType()))
            .varargs(element.isVarArgs());
    for (Modifier modifier : element.getModifiers()) {
      if (modifier == Modifier.PUBLIC || modifier == Modifier.PROTECTED) {
        builder.addModifiers(modifier);
      }
    }
    for (TypeVariable variable : resolved.getTypeVariables()) {
      builder.addTypeVariable(typeVariable(variable));
    }
    List<? extends VariableElement> parameters = element.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      builder.addParameter(
          TypeName.get(resolved.getParameterTypes().get(i)),
          parameters.get(i).getSimpleName().toString());
    }
    for (TypeMirror thrown : resolved.getThrownTypes()) {
      builder.addException(TypeName.get(thrown));
    }
    return builder;
  }

  private static TypeVariableName typeVariable(TypeVariable variable) {
    TypeMirror upper = variable.getUpperBound();
    List<? extends TypeMirror> bounds =
        upper.getKind() == TypeKind.INTERSECTION
            ? ((IntersectionType) upper).getBounds()
            : List.of(upper);
    List<TypeName> names = new ArrayList<>();
    for (TypeMirror bound : bounds) {
      TypeName name = TypeName.get(bound);
      if (!name.equals(ClassName.OBJECT)) {
        names.add(name);
      }
    }
    return TypeVariableName.get(
        variable.asElement().getSimpleName().toString(), names.toArray(TypeName[]::new));
  }

  /**
   * Adds the check before the call: in the account the {@code @AccountId} argument names (or the id
   * its accessor returns), in the bound account ({@code @BoundAccount}), or else in the account of
   * the workspace the call names; on the {@code @WorkspaceId} argument (or the id its accessor
   * returns), else the bound workspace. A carrier is read once, null for a null carrier; a throwing
   * accessor is a denial, so the target is never called.
   */
  private static void addCheck(
      MethodSpec.Builder builder, GuardedMethod method, String constant, CodeBlock source) {
    String operation = method.operation();
    Read read = new Read(builder, method, constant);
    Optional<CodeBlock> workspace =
        method
            .workspace()
            .map(argument -> read.id(argument, "workspace", "workspaceFailed", false));
    Optional<CodeBlock> account =
        method.account().map(argument -> read.id(argument, "account", "accountFailed", true));
    List<CodeBlock> arguments = new ArrayList<>();
    arguments.add(source);
    String check = "check";
    if (account.isPresent()) {
      check = "checkInAccount";
      arguments.add(account.get());
    } else if (method.boundAccount()) {
      check = "checkInBoundAccount";
    }
    workspace.ifPresent(arguments::add);
    arguments.add(CodeBlock.of("$S", operation));
    builder.addStatement("$L.$L($L)", constant, check, CodeBlock.join(arguments, ", "));
  }

  /** Reads the ids of one guarded method's arguments into the statements before its check. */
  private static final class Read {
    private static final ClassName UUID = ClassName.get("java.util", "UUID");

    private final MethodSpec.Builder builder;
    private final GuardedMethod method;
    private final String constant;

    /** The method's names and the locals added: made when the first local is. */
    private NameAllocator names;

    private String failure;

    Read(MethodSpec.Builder builder, GuardedMethod method, String constant) {
      this.builder = builder;
      this.method = method;
      this.constant = constant;
    }

    private NameAllocator names() {
      if (names == null) {
        names = new NameAllocator();
        for (VariableElement each : method.element().getParameters()) {
          names.newName(each.getSimpleName().toString());
        }
      }
      return names;
    }

    /**
     * Returns the expression the check passes for {@code argument}: the parameter, or a local
     * {@code variable} holding what its accessor returned, read in a try block whose catch throws
     * {@code failed} of the requirement; a UUID is passed as its String when {@code asString} (the
     * runtime takes an account id as a String).
     */
    CodeBlock id(IdArgument argument, String variable, String failed, boolean asString) {
      String parameter =
          method.element().getParameters().get(argument.parameter()).getSimpleName().toString();
      String id = parameter;
      if (argument.accessor().isPresent()) {
        id = names().newName(variable);
        if (failure == null) {
          failure = names().newName("e");
        }
        builder
            .addStatement("$T $L", argument.idType(), id)
            .beginControlFlow("try")
            .addStatement(
                "$L = $L == null ? null : $L.$L()",
                id,
                parameter,
                parameter,
                argument.accessor().get().getSimpleName())
            .nextControlFlow("catch ($T $L)", RuntimeException.class, failure)
            .addStatement("throw $L.$L($S, $L)", constant, failed, method.operation(), failure)
            .endControlFlow();
      }
      return asString && argument.idType().equals(UUID)
          ? CodeBlock.of("$L == null ? null : $L.toString()", id, id)
          : CodeBlock.of("$L", id);
    }
  }
}

package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The services validated in this compilation, kept by name and signature: javac enters source
 * members anew each round, so elements held from an earlier round are stale by the time bodies are
 * attributed. Says what a called method requires, seen through the type it is called on: as that
 * type's guard applies it when the type was validated here (type defaults and overrides count),
 * else from its annotations (own, declaring type's default, receiver type's default).
 */
final class GuardRegistry {
  /** A method of a service, by declaring type, name and erased parameter types. */
  record Signature(String declaring, String name, List<String> parameters) {}

  /** One method of a guard as validated: its operation name and requirement (empty: unguarded). */
  record Entry(Signature signature, String operation, Optional<RequirementSpec> requirement) {}

  /** A service as validated: its type's name and kind, its guard's simple name, its methods. */
  record Service(String type, ElementKind kind, String guard, List<Entry> methods) {}

  /** A guarded callee: its operation name ({@code Things.delete}) and its requirement. */
  record Callee(String operation, RequirementSpec requirement) {}

  private final Elements elements;
  private final Types types;
  private final Map<String, Service> services = new LinkedHashMap<>();

  GuardRegistry(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Records {@code service}, validated this round, and returns its snapshot. */
  Service add(GuardedService service) {
    List<Entry> methods = new ArrayList<>();
    for (GuardedMethod method : service.methods()) {
      methods.add(new Entry(signature(method.element()), method.operation(), method.requirement()));
    }
    Service snapshot = new Service(service.type().getQualifiedName().toString(),
        service.type().getKind(), service.guardName().simpleName(), methods);
    services.putIfAbsent(snapshot.type(), snapshot);
    return snapshot;
  }

  /** Returns the method {@code signature} names in the current round, if it still exists. */
  Optional<ExecutableElement> resolve(Signature signature) {
    TypeElement type = elements.getTypeElement(signature.declaring());
    if (type == null) {
      return Optional.empty();
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (signature(method).equals(signature)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  /** Returns {@code callee} as called on {@code type}, if it has a requirement. */
  Optional<Callee> callee(ExecutableElement callee, TypeElement type, CompiledMatrix matrix) {
    Service service = services.get(type.getQualifiedName().toString());
    if (service != null) {
      for (Entry entry : service.methods()) {
        Optional<ExecutableElement> method = resolve(entry.signature());
        if (method.isPresent() && (method.get().equals(callee)
            || elements.overrides(method.get(), callee, type))) {
          return entry.requirement().map(spec -> new Callee(entry.operation(), spec));
        }
      }
    }
    return declared(callee, type, matrix);
  }

  private Signature signature(ExecutableElement method) {
    List<String> parameters = new ArrayList<>();
    method.getParameters().forEach(p -> parameters.add(types.erasure(p.asType()).toString()));
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    return new Signature(declaring.getQualifiedName().toString(),
        method.getSimpleName().toString(), parameters);
  }

  private static Optional<Callee> declared(
      ExecutableElement callee, TypeElement type, CompiledMatrix matrix) {
    if (Annotations.find(callee, Names.UNGUARDED).isPresent()) {
      return Optional.empty();
    }
    TypeElement declaring = (TypeElement) callee.getEnclosingElement();
    Optional<AnnotationMirror> mirror = Annotations.find(callee, Names.REQUIRES_PERMISSION)
        .or(() -> Annotations.find(declaring, Names.REQUIRES_PERMISSION))
        .or(() -> Annotations.find(type, Names.REQUIRES_PERMISSION));
    String operation = String.join(".", ClassName.get(declaring).simpleNames())
        + "." + callee.getSimpleName();
    return mirror.flatMap(found -> spec(found, matrix)).map(spec -> new Callee(operation, spec));
  }

  /** Returns the requirement {@code mirror} states, or empty when it is not a valid one here. */
  private static Optional<RequirementSpec> spec(AnnotationMirror mirror, CompiledMatrix matrix) {
    List<String> value = names(mirror, "value");
    List<String> anyOf = names(mirror, "anyOf");
    if (value.isEmpty() == anyOf.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (String name : value.isEmpty() ? anyOf : value) {
      if (matrix.permission(name).isEmpty()) {
        return Optional.empty();
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return Optional.of(new RequirementSpec(value.isEmpty(), names));
  }

  private static List<String> names(AnnotationMirror mirror, String element) {
    List<String> names = new ArrayList<>();
    Optional<AnnotationValue> value = Annotations.value(mirror, element);
    if (value.isPresent()) {
      for (AnnotationValue item : Annotations.items(value.get())) {
        if (Annotations.unresolved(item)) {
          return List.of();
        }
        names.add((String) item.getValue());
      }
    }
    return names;
  }
}

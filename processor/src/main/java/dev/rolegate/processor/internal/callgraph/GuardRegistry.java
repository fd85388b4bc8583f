package dev.rolegate.processor.internal.callgraph;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import dev.rolegate.processor.internal.model.GuardedMethod;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
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

  /**
   * One method of a guard as validated: the top-level type whose source holds it, its operation
   * name, its requirement (empty: unguarded) and whether it is abstract (or native), so has no body
   * to check.
   */
  record Entry(
      Signature signature,
      String top,
      String operation,
      Optional<RequirementSpec> requirement,
      boolean bodiless) {}

  /** A service as validated: its type's name and kind, its guard's simple name, its methods. */
  record Service(String type, ElementKind kind, String guard, Map<Signature, Entry> methods) {}

  /** A guarded callee: its operation name ({@code Things.delete}) and its requirement. */
  record Callee(String operation, RequirementSpec requirement) {}

  private final Elements elements;
  private final Types types;
  private final Map<String, Service> services = new LinkedHashMap<>();

  /** Methods by signature, per declaring type; filled only once the last round is over. */
  private final Map<String, Map<Signature, ExecutableElement>> resolved = new HashMap<>();

  GuardRegistry(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** Records {@code service}, validated this round, and returns its snapshot. */
  Service add(GuardedService service) {
    Map<Signature, Entry> methods = new LinkedHashMap<>();
    for (GuardedMethod method : service.methods()) {
      Signature signature = signature(method.element());
      methods.put(
          signature,
          new Entry(
              signature,
              outermost(method.element()),
              method.operation(),
              method.requirement(),
              bodiless(method.element())));
    }
    Service snapshot =
        new Service(
            service.type().getQualifiedName().toString(),
            service.type().getKind(),
            service.guardName().simpleName(),
            methods);
    services.putIfAbsent(snapshot.type(), snapshot);
    return snapshot;
  }

  /**
   * Returns the method {@code signature} names once processing is over, if it still exists. Call
   * only after the last round: the answers are kept.
   */
  Optional<ExecutableElement> resolve(Signature signature) {
    Map<Signature, ExecutableElement> methods =
        resolved.computeIfAbsent(signature.declaring(), this::methodsOf);
    return Optional.ofNullable(methods.get(signature));
  }

  private Map<Signature, ExecutableElement> methodsOf(String declaring) {
    Map<Signature, ExecutableElement> methods = new HashMap<>();
    TypeElement type = elements.getTypeElement(declaring);
    if (type != null) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        methods.putIfAbsent(signature(method), method);
      }
    }
    return methods;
  }

  /** Returns {@code callee} as called on {@code type}, if it has a requirement. */
  Optional<Callee> callee(ExecutableElement callee, TypeElement type, CompiledMatrix matrix) {
    Service service = services.get(type.getQualifiedName().toString());
    if (service == null) {
      return declared(callee, type, matrix);
    }
    Entry entry = service.methods().get(signature(callee));
    if (entry == null) {
      // Called through its declaration in a supertype: find the guard's overriding method.
      for (Entry candidate : service.methods().values()) {
        Optional<ExecutableElement> method = resolve(candidate.signature());
        if (method.isPresent() && elements.overrides(method.get(), callee, type)) {
          entry = candidate;
          break;
        }
      }
    }
    if (entry == null) {
      return declared(callee, type, matrix);
    }
    Entry found = entry;
    return found.requirement().map(spec -> new Callee(found.operation(), spec));
  }

  private Signature signature(ExecutableElement method) {
    List<String> parameters = new ArrayList<>();
    method.getParameters().forEach(p -> parameters.add(types.erasure(p.asType()).toString()));
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    return new Signature(
        declaring.getQualifiedName().toString(), method.getSimpleName().toString(), parameters);
  }

  private static boolean bodiless(ExecutableElement method) {
    Set<Modifier> modifiers = method.getModifiers();
    return modifiers.contains(Modifier.ABSTRACT) || modifiers.contains(Modifier.NATIVE);
  }

  /** Returns the qualified name of {@code element}'s top-level type. */
  static String outermost(Element element) {
    Element outermost = element;
    while (!(outermost instanceof TypeElement)
        || outermost.getEnclosingElement() instanceof TypeElement) {
      outermost = outermost.getEnclosingElement();
    }
    return ((TypeElement) outermost).getQualifiedName().toString();
  }

  private static Optional<Callee> declared(
      ExecutableElement callee, TypeElement type, CompiledMatrix matrix) {
    if (Annotations.find(callee, Names.UNGUARDED).isPresent()) {
      return Optional.empty();
    }
    TypeElement declaring = (TypeElement) callee.getEnclosingElement();
    Optional<AnnotationMirror> mirror =
        Annotations.find(callee, Names.REQUIRES_PERMISSION)
            .or(() -> Annotations.find(declaring, Names.REQUIRES_PERMISSION))
            .or(() -> Annotations.find(type, Names.REQUIRES_PERMISSION));
    String operation =
        String.join(".", ClassName.get(declaring).simpleNames()) + "." + callee.getSimpleName();
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

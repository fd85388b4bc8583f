package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Decides whether a carrier's accessor (a workspace or an account carrier: one rule) answers the
 * same on every read. The guard reads the id once and checks it; the delegate reads the accessor again. So the accessor must
 * be one that cannot answer differently: the implicit accessor of a record component, or a method
 * of a final class, declared in it, that is exactly {@code return id;} (or {@code return
 * this.id;}) of a final {@code String} or {@code UUID} instance field of that class. A carrier
 * from the class path is checked on its class file: the accessor's code must be exactly that field
 * read; so is one without a syntax tree, though javac was handed its name to process. Whatever
 * cannot be verified is refused.
 */
public final class StableAccessors {
  /**
   * Why an accessor is refused: {@code what} continues "... whose @WorkspaceId accessor
   * Ref.workspace()", {@code fix} says what to change.
   */
  record Unstable(String what, String fix) {}

  private final Elements elements;
  private final Filer filer;
  private final Optional<SourceDeclarations> sources;

  private StableAccessors(Elements elements, Filer filer, Optional<SourceDeclarations> sources) {
    this.elements = elements;
    this.filer = filer;
    this.sources = sources;
  }

  /**
   * Returns the check for the compilation behind {@code env}, reading sources through {@code
   * compiler}; where that offers no Trees API (not javac, or no {@code jdk.compiler} module) a
   * carrier compiled from source cannot be verified and is refused.
   */
  public static StableAccessors create(ProcessingEnvironment env, CompilerApi compiler) {
    Optional<SourceDeclarations> sources;
    try {
      sources = SourceDeclarations.instance(compiler);
    } catch (LinkageError noCompilerApi) {
      sources = Optional.empty();
    }
    return new StableAccessors(env.getElementUtils(), env.getFiler(), sources);
  }

  /**
   * Returns why {@code accessor}, returning {@code idType}, of the carrier {@code type} may answer
   * differently on a second read, or empty when it cannot; {@code compiledHere} tells whether a
   * type is compiled from source in this compilation.
   */
  Optional<Unstable> check(IdKind kind, TypeElement type, ExecutableElement accessor,
      ClassName idType, Predicate<TypeElement> compiledHere) {
    Optional<String> shape = unstableShape(type, accessor);
    if (shape.isPresent()) {
      return Optional.of(new Unstable(shape.get(), stableForm(kind, type, accessor, idType)));
    }
    if (sources.isPresent()) {
      // javac has a tree for every type it compiles from source, so one without comes from a
      // class file, even a root of this compilation: Gradle hands an aggregating processor the
      // unchanged types of an incremental build by name, loaded from the previous class output.
      return sources.get().hasSource(type)
          ? fromSource(kind, sources.get(), type, accessor, idType)
          : fromClassFile(kind, type, accessor, idType);
    }
    if (compiledHere.test(type)) {
      return Optional.of(unverifiable(type, "rolegate reads a carrier's source through javac's"
          + " Trees API, which this compiler does not offer", "compile with javac"));
    }
    return fromClassFile(kind, type, accessor, idType);
  }

  /** Returns what makes the carrier's kind, or where its accessor is declared, unstable. */
  private static Optional<String> unstableShape(TypeElement type, ExecutableElement accessor) {
    String carrier = type.getSimpleName().toString();
    switch (type.getKind()) {
      case INTERFACE, ANNOTATION_TYPE:
        return Optional.of(" is declared by interface " + carrier + ", which any class can"
            + " implement with an accessor that answers differently on each read");
      case ENUM:
        return Optional.of(" belongs to enum " + carrier + "; a carrier is a record or a final"
            + " class");
      case CLASS:
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
          return Optional.of(" belongs to abstract class " + carrier + ", whose subclasses can"
              + " override it to answer differently on each read");
        }
        if (!type.getModifiers().contains(Modifier.FINAL)) {
          return Optional.of(" belongs to " + carrier + ", which is not final, so a subclass (an"
              + " anonymous one, say) can override it to answer differently on each read");
        }
        break;
      default:
        break;
    }
    if (!accessor.getEnclosingElement().equals(type)) {
      return Optional.of(" is inherited from "
          + accessor.getEnclosingElement().getSimpleName() + ", not declared in " + carrier
          + ", so " + carrier + " cannot show that it returns a final field of its own");
    }
    if (type.getKind() == ElementKind.RECORD && component(type, accessor).isEmpty()) {
      return Optional.of(" is not the accessor of a record component of " + carrier);
    }
    return Optional.empty();
  }

  private Optional<Unstable> fromSource(IdKind kind, SourceDeclarations source,
      TypeElement type, ExecutableElement accessor, ClassName idType) {
    String name = accessor.getSimpleName().toString();
    String fix = stableForm(kind, type, accessor, idType);
    if (type.getKind() == ElementKind.RECORD) {
      return source.declaresAccessor(type, name)
          ? Optional.of(new Unstable(" is declared explicitly in record " + type.getSimpleName()
              + ", so it may return something other than the component " + name, fix))
          : Optional.empty();
    }
    Optional<String> field = source.returnedField(type, name);
    if (field.isEmpty()) {
      return Optional.of(new Unstable(" does not just return a field: its body must be exactly"
          + " return " + name + "; of a final field declared in " + type.getSimpleName(), fix));
    }
    return ownFinalField(type, field.get()).map(problem -> new Unstable(problem, fix));
  }

  /** Returns what keeps {@code name} from being a final String or UUID field of {@code type}. */
  private static Optional<String> ownFinalField(TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
          return Optional.of(" returns static field " + name + "; only a final instance field is"
              + " carried by the carrier itself");
        }
        if (!field.getModifiers().contains(Modifier.FINAL)) {
          return Optional.of(" returns field " + name + ", which is not final, so a setter or"
              + " another thread can change it between the check and the call");
        }
        if (IdParameters.idType(field.asType()).isEmpty()) {
          return Optional.of(" returns field " + name + " of type " + field.asType()
              + ", which is not a String or UUID");
        }
        return Optional.empty();
      }
    }
    return Optional.of(" returns " + name + ", which is not a field declared in "
        + type.getSimpleName());
  }

  private Optional<Unstable> fromClassFile(
      IdKind kind, TypeElement type, ExecutableElement accessor, ClassName idType) {
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    String binary = elements.getBinaryName(type).toString();
    String file = (pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1)) + ".class";
    byte[] bytes;
    try (InputStream in = filer.getResource(StandardLocation.CLASS_PATH, pkg, file)
        .openInputStream()) {
      bytes = in.readAllBytes();
    } catch (IOException | IllegalArgumentException | IllegalStateException notFound) {
      return Optional.of(unverifiable(type, "its class file " + file + " was not found on the"
          + " class path", "compile " + type.getSimpleName() + " from source in this compilation"));
    }
    String descriptor = "()L" + idType.canonicalName().replace('.', '/') + ";";
    return AccessorBytecode.problem(bytes, accessor.getSimpleName().toString(), descriptor)
        .map(problem -> new Unstable(" does not just return a final field of "
            + type.getSimpleName() + " (it comes from the class path, so its code was read: "
            + problem + ")", stableForm(kind, type, accessor, idType)));
  }

  private static Unstable unverifiable(TypeElement type, String why, String fix) {
    return new Unstable(" cannot be verified to answer the same on every read: " + why,
        "Give the parameter the type String or UUID, or " + fix + " so that rolegate can read "
            + type.getSimpleName() + "'s accessor");
  }

  /** Returns the fix: the record form, or the final-class form, or a plain id parameter. */
  private static String stableForm(
      IdKind kind, TypeElement type, ExecutableElement accessor, ClassName id) {
    String name = accessor.getSimpleName().toString();
    String marker = kind.marker();
    return "Make " + type.getSimpleName() + " a record that marks its component and declares no"
        + " accessor for it, as in record " + type.getSimpleName() + "(" + marker + " "
        + id.simpleName() + " " + name + ", ...) {}, or a final class whose " + marker + " method"
        + " " + name + "() is exactly return " + name + "; of a final " + id.simpleName()
        + " field it declares; or give the parameter the type String or UUID";
  }

  private static Optional<RecordComponentElement> component(
      TypeElement record, ExecutableElement accessor) {
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (component.getSimpleName().equals(accessor.getSimpleName())) {
        return Optional.of(component);
      }
    }
    return Optional.empty();
  }
}

package dev.rolegate.processor.internal.validation;

import com.palantir.javapoet.ClassName;
import dev.rolegate.processor.internal.base.CompilerApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
 * same on every read. The guard reads the id once and checks it; the delegate reads the accessor
 * again. So the accessor must be one that cannot answer differently: the implicit accessor of a
 * record component, or a method of a final class, declared in it, that is exactly {@code return
 * id;} (or {@code return this.id;}) of a final {@code String} or {@code UUID} instance field of
 * that class. A carrier from the class path is checked on its class file: the accessor's code must
 * be exactly that field read; so is one without a syntax tree, though javac was handed its name to
 * process. Whatever cannot be verified is refused.
 */
public final class StableAccessors {
  /**
   * Why an accessor may answer differently on a second read, or cannot be verified not to; each
   * cause has its diagnostic for a workspace and for an account carrier ({@link IdKind#unstable}).
   */
  enum Cause {
    INTERFACE,
    ENUM,
    ABSTRACT_CLASS,
    NON_FINAL_CLASS,
    INHERITED,
    NOT_COMPONENT,
    EXPLICIT_RECORD_ACCESSOR,
    NOT_A_FIELD_READ,
    STATIC_FIELD,
    NON_FINAL_FIELD,
    FIELD_TYPE,
    NOT_OWN_FIELD,
    CLASS_FILE_UNREADABLE,
    CLASS_FILE_NOT_A_CLASS_FILE,
    CLASS_FILE_CLASS_NOT_FINAL,
    CLASS_FILE_NO_METHOD,
    CLASS_FILE_STATIC_OR_NO_CODE,
    CLASS_FILE_NOT_A_FIELD_READ,
    CLASS_FILE_MALFORMED,
    CLASS_FILE_OTHER_FIELD,
    CLASS_FILE_NON_FINAL_FIELD,
    CLASS_FILE_UNDECLARED_FIELD,
    NO_TREES,
    NO_CLASS_FILE
  }

  /**
   * Why an accessor is refused: its cause and the names its message quotes after the carrier, the
   * accessor's name and the id type (a field, a file, a declaring type).
   */
  record Unstable(Cause cause, List<Object> names) {
    Unstable(Cause cause, Object... names) {
      this(cause, List.of(names));
    }
  }

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
  Optional<Unstable> check(
      TypeElement type,
      ExecutableElement accessor,
      ClassName idType,
      Predicate<TypeElement> compiledHere) {
    Optional<Unstable> shape = unstableShape(type, accessor);
    if (shape.isPresent()) {
      return shape;
    }
    if (sources.isPresent()) {
      // javac has a tree for every type it compiles from source, so one without comes from a
      // class file, even a root of this compilation: Gradle hands an aggregating processor the
      // unchanged types of an incremental build by name, loaded from the previous class output.
      return sources.get().hasSource(type)
          ? fromSource(sources.get(), type, accessor)
          : fromClassFile(type, accessor, idType);
    }
    if (compiledHere.test(type)) {
      return Optional.of(new Unstable(Cause.NO_TREES));
    }
    return fromClassFile(type, accessor, idType);
  }

  /** Returns what makes the carrier's kind, or where its accessor is declared, unstable. */
  private static Optional<Unstable> unstableShape(TypeElement type, ExecutableElement accessor) {
    switch (type.getKind()) {
      case INTERFACE, ANNOTATION_TYPE:
        return Optional.of(new Unstable(Cause.INTERFACE));
      case ENUM:
        return Optional.of(new Unstable(Cause.ENUM));
      case CLASS:
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
          return Optional.of(new Unstable(Cause.ABSTRACT_CLASS));
        }
        if (!type.getModifiers().contains(Modifier.FINAL)) {
          return Optional.of(new Unstable(Cause.NON_FINAL_CLASS));
        }
        break;
      default:
        break;
    }
    if (!accessor.getEnclosingElement().equals(type)) {
      return Optional.of(
          new Unstable(Cause.INHERITED, accessor.getEnclosingElement().getSimpleName()));
    }
    if (type.getKind() == ElementKind.RECORD && component(type, accessor).isEmpty()) {
      return Optional.of(new Unstable(Cause.NOT_COMPONENT));
    }
    return Optional.empty();
  }

  private static Optional<Unstable> fromSource(
      SourceDeclarations source, TypeElement type, ExecutableElement accessor) {
    String name = accessor.getSimpleName().toString();
    if (type.getKind() == ElementKind.RECORD) {
      return source.declaresAccessor(type, name)
          ? Optional.of(new Unstable(Cause.EXPLICIT_RECORD_ACCESSOR))
          : Optional.empty();
    }
    Optional<String> field = source.returnedField(type, name);
    if (field.isEmpty()) {
      return Optional.of(new Unstable(Cause.NOT_A_FIELD_READ));
    }
    return ownFinalField(type, field.get());
  }

  /** Returns what keeps {@code name} from being a final String or UUID field of {@code type}. */
  private static Optional<Unstable> ownFinalField(TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
          return Optional.of(new Unstable(Cause.STATIC_FIELD, name));
        }
        if (!field.getModifiers().contains(Modifier.FINAL)) {
          return Optional.of(new Unstable(Cause.NON_FINAL_FIELD, name));
        }
        if (IdParameters.idType(field.asType()).isEmpty()) {
          return Optional.of(new Unstable(Cause.FIELD_TYPE, name, field.asType()));
        }
        return Optional.empty();
      }
    }
    return Optional.of(new Unstable(Cause.NOT_OWN_FIELD, name));
  }

  private Optional<Unstable> fromClassFile(
      TypeElement type, ExecutableElement accessor, ClassName idType) {
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    String binary = elements.getBinaryName(type).toString();
    String file = (pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1)) + ".class";
    byte[] bytes;
    try (InputStream in =
        filer.getResource(StandardLocation.CLASS_PATH, pkg, file).openInputStream()) {
      bytes = in.readAllBytes();
    } catch (IOException | IllegalArgumentException | IllegalStateException notFound) {
      return Optional.of(new Unstable(Cause.NO_CLASS_FILE, file));
    }
    String descriptor = "()L" + idType.canonicalName().replace('.', '/') + ";";
    return AccessorBytecode.problem(bytes, accessor.getSimpleName().toString(), descriptor);
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

package dev.rolegate.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shapes {@link RandomServices} draws, rendered as Java source: guarded interfaces (or, now and
 * then, abstract classes), their methods and parameters. A shape also knows what each method of a
 * guard must require, so a test can call the generated guard and predict the outcome.
 */
final class ServiceShapes {
  private ServiceShapes() {}

  /**
   * What a method requires: all of (or any of) {@code permissions}; none for {@code @Unguarded}.
   */
  record Requirement(boolean any, List<String> permissions) {
    static final Requirement UNGUARDED = new Requirement(false, List.of());

    boolean unguarded() {
      return permissions.isEmpty();
    }

    /** Returns whether a principal holding exactly {@code held} passes this requirement. */
    boolean allows(List<String> held) {
      if (unguarded()) {
        return true;
      }
      return any ? permissions.stream().anyMatch(held::contains) : held.containsAll(permissions);
    }
  }

  /** One parameter; {@code annotation} is "" or annotation text ending with a space. */
  record Parameter(String annotation, String type, String name) {
    String render() {
      return annotation + type + " " + name;
    }
  }

  /** One method as declared. {@code expected} is empty when the outcome is not predicted. */
  static final class Method {
    String name;
    List<String> annotations = new ArrayList<>();
    String typeParameters = "";
    String returnType = "void";
    List<Parameter> parameters = new ArrayList<>();
    String throwsClause = "";
    String modifier = "";
    boolean hasBody;
    boolean redeclared;
    Optional<Requirement> expected = Optional.empty();

    String key() {
      return name + "/" + parameters.size();
    }

    Method copy() {
      Method copy = new Method();
      copy.name = name;
      copy.typeParameters = typeParameters;
      copy.returnType = returnType;
      copy.parameters = new ArrayList<>(parameters);
      copy.throwsClause = throwsClause;
      return copy;
    }

    void render(StringBuilder out, String indent, boolean inClass) {
      for (String annotation : annotations) {
        out.append(indent).append(annotation).append('\n');
      }
      out.append(indent);
      String modifiers =
          inClass
              ? (modifier.isEmpty() ? "public " : modifier + " ") + (hasBody ? "" : "abstract ")
              : (modifier.isEmpty() ? "" : modifier + " ")
                  + (hasBody && modifier.isEmpty() ? "default " : "");
      out.append(modifiers);
      if (!typeParameters.isEmpty()) {
        out.append(typeParameters).append(' ');
      }
      out.append(returnType).append(' ').append(name).append('(');
      for (int i = 0; i < parameters.size(); i++) {
        out.append(i == 0 ? "" : ", ").append(parameters.get(i).render());
      }
      out.append(')').append(throwsClause.isEmpty() ? "" : " throws " + throwsClause);
      out.append(
          hasBody
              ? " {\n" + indent + "  throw new UnsupportedOperationException();\n" + indent + "}\n"
              : ";\n");
    }
  }

  /** One guarded type, top-level or nested in another. */
  static final class Service {
    String name;
    boolean isClass;
    String visibility = "public ";
    List<String> typeVariables = new ArrayList<>();
    List<String> annotations = new ArrayList<>();
    Service parent;
    String parentArguments = "";
    Optional<Requirement> typeDefault = Optional.empty();
    List<Method> methods = new ArrayList<>();
    List<Service> nested = new ArrayList<>();
    Service outer;

    /** Returns the qualified name, e.g. {@code test.Outer.Inner}. */
    String qualifiedName() {
      return outer == null ? "test." + name : outer.qualifiedName() + "." + name;
    }

    /** Returns the binary name, e.g. {@code test.Outer$Inner}. */
    String binaryName() {
      return outer == null ? "test." + name : outer.binaryName() + "$" + name;
    }

    /** Returns the guard's qualified name, e.g. {@code test.GuardedOuter_Inner}. */
    String guardName() {
      return "test.Guarded" + flatName();
    }

    private String flatName() {
      return outer == null ? name : outer.flatName() + "_" + name;
    }

    /** Returns the type as written inside its own body, e.g. {@code Repo<K, V>}. */
    String selfType() {
      return typeVariables.isEmpty() ? name : name + "<" + String.join(", ", names()) + ">";
    }

    private List<String> names() {
      List<String> names = new ArrayList<>();
      for (String variable : typeVariables) {
        names.add(variable.split(" ")[0]);
      }
      return names;
    }

    /** Returns every method a guard implements, keyed by name and arity, with what it requires. */
    Map<String, Method> reachable() {
      Map<String, Method> methods = new LinkedHashMap<>();
      for (Method method : this.methods) {
        methods.put(method.key(), method);
      }
      if (parent != null) {
        parent.reachable().forEach(methods::putIfAbsent);
      }
      return methods;
    }

    String render() {
      StringBuilder out =
          new StringBuilder("package test;\n\n").append("import dev.rolegate.annotations.*;\n\n");
      render(out, "");
      return out.toString();
    }

    private void render(StringBuilder out, String indent) {
      for (String annotation : annotations) {
        out.append(indent).append(annotation).append('\n');
      }
      out.append(indent)
          .append(visibility)
          .append(isClass ? "abstract class " : "interface ")
          .append(name);
      if (!typeVariables.isEmpty()) {
        out.append('<').append(String.join(", ", typeVariables)).append('>');
      }
      if (parent != null) {
        out.append(isClass ? " implements " : " extends ")
            .append(parent.name)
            .append(parentArguments);
      }
      out.append(" {\n");
      for (Method method : methods) {
        method.render(out, indent + "  ", isClass);
      }
      for (Service inner : nested) {
        inner.render(out, indent + "  ");
      }
      out.append(indent).append("}\n");
    }
  }
}

package dev.rolegate.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One guarded type of a {@link GuardIndex}: the type, its generated guard, the matrix it was
 * checked against and every method the guard implements, in the guard's order.
 *
 * @param typeName the guarded type's binary name, e.g. {@code com.acme.Outer$Inner}
 * @param guardName the generated guard's binary name, e.g. {@code com.acme.GuardedOuter_Inner}
 * @param isClass whether the guard extends a class (else it implements an interface)
 * @param matrixName the name of the matrix the type was checked against, e.g. {@code Prefect Cloud}
 * @param methods every method the guard implements
 * @param resource the index resource this entry was read from, for messages
 */
public record GuardedType(
    String typeName,
    String guardName,
    boolean isClass,
    String matrixName,
    List<GuardedMethod> methods,
    String resource) {
  public GuardedType {
    Objects.requireNonNull(typeName, "type name");
    Objects.requireNonNull(guardName, "guard name");
    Objects.requireNonNull(matrixName, "matrix name");
    methods = List.copyOf(methods);
    Objects.requireNonNull(resource, "resource");
  }

  /** Returns the method with this {@link GuardedMethod#signature() signature}, if listed. */
  public Optional<GuardedMethod> method(String signature) {
    return methods.stream().filter(method -> method.signature().equals(signature)).findFirst();
  }

  /** Returns the methods of this name (several for an overloaded name), in the guard's order. */
  public List<GuardedMethod> methodsNamed(String name) {
    return methods.stream().filter(method -> method.name().equals(name)).toList();
  }

  /** Returns whether two entries say the same (the resource they came from aside). */
  boolean sameAs(GuardedType other) {
    return typeName.equals(other.typeName)
        && guardName.equals(other.guardName)
        && isClass == other.isClass
        && matrixName.equals(other.matrixName)
        && methods.equals(other.methods);
  }

  @Override
  public String toString() {
    return typeName;
  }
}

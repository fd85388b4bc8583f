package dev.rolegate.processor.internal.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * A method of a guarded type that returns a proper subtype of it ({@code SpecialTagged} of {@code
 * Tagged}, or a type variable bounded by one). The guard is not a {@code subtype}, so it cannot
 * stand in for a result that is its implementation: only null and a {@code guard} of the subtype
 * pass. {@code guarded} tells whether rolegate guards the subtype, so that {@code guard} exists;
 * when it does not, every result but null is refused.
 */
public record Narrowing(TypeElement subtype, ClassName guard, boolean guarded) {
  /** Returns how code obtains a guard of the subtype: {@code GuardedX.wrap(...)} or {@code new}. */
  public String howToGuard() {
    String name = guard.simpleName();
    String make =
        subtype.getKind() == ElementKind.INTERFACE ? name + ".wrap(...)" : "new " + name + "(...)";
    return guarded
        ? make
        : make + ", once " + subtype.getSimpleName() + " carries @RequiresPermission";
  }
}

package dev.rolegate.processor.internal.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/** An interface to guard, with every method its guard implements, in source order. */
public record GuardedService(TypeElement type, ClassName guardName, List<GuardedMethod> methods) {
  public GuardedService {
    methods = List.copyOf(methods);
  }
}

package dev.rolegate.processor.internal.step;

import dev.rolegate.processor.internal.report.CompiledTypes;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The types of a compilation as the access lock asks about them: those each round compiles from
 * source (its root types and the types nested in them), recorded by {@link #round}, and the others
 * the compiler finds as class files.
 */
public final class SourceTypes implements CompiledTypes {
  private final Elements elements;
  private final Set<String> sources = new HashSet<>();

  public SourceTypes(Elements elements) {
    this.elements = elements;
  }

  /** Records the types a round compiles from source, nested ones too. */
  public void round(Collection<? extends Element> roots) {
    for (Element root : roots) {
      if (root instanceof TypeElement type) {
        sources.add(type.getQualifiedName().toString());
        round(type.getEnclosedElements());
      }
    }
  }

  @Override
  public Found type(String type) {
    if (sources.contains(type)) {
      return Found.SOURCE;
    }
    return element(type) == null ? Found.ABSENT : Found.CLASS_FILE;
  }

  @Override
  public boolean hasMethod(String type, String method) {
    TypeElement element = element(type);
    return element != null
        && ElementFilter.methodsIn(elements.getAllMembers(element)).stream()
            .anyMatch(m -> m.getSimpleName().contentEquals(method));
  }

  private TypeElement element(String type) {
    try {
      return elements.getTypeElement(type);
    } catch (RuntimeException e) {
      return null; // a name the compiler cannot look up is no type of this compilation
    }
  }
}

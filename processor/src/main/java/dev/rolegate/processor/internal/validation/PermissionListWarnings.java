package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.base.Annotations;
import dev.rolegate.processor.internal.base.RoleCoverage;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.matrix.CompiledMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Warns about a {@code @RequiresPermission} list whose names are all valid but which does not mean
 * what it seems to: {@code [DuplicatePermission]}, {@code [RedundantPermission]} (in {@code
 * value}), {@code [WeakenedAnyOf]} (in {@code anyOf}) and {@code [UngrantedPermission]}. Each
 * warning sits on the array item it is about. Elements without source (from the class path) are
 * skipped: their authors got the warnings, and nobody here could suppress them.
 */
final class PermissionListWarnings {
  private final Reporter reporter;
  private final CompiledMatrix matrix;
  private final RoleCoverage coverage;
  private final Predicate<TypeElement> compiledHere;

  PermissionListWarnings(
      Reporter reporter, CompiledMatrix matrix, Predicate<TypeElement> compiledHere) {
    this.reporter = reporter;
    this.matrix = matrix;
    this.coverage = new RoleCoverage(matrix);
    this.compiledHere = compiledHere;
  }

  /**
   * Checks {@code list}, the {@code value} ({@code any} false) or {@code anyOf} of {@code mirror}
   * on {@code element}; every name in it is a permission of the matrix.
   */
  void check(Element element, AnnotationMirror mirror, AnnotationValue list, boolean any) {
    TypeElement type =
        (TypeElement) (element instanceof TypeElement ? element : element.getEnclosingElement());
    if (!compiledHere.test(type)) {
      return;
    }
    Site site = new Site(element, mirror);
    Map<String, AnnotationValue> distinct = new LinkedHashMap<>();
    for (AnnotationValue item : Annotations.items(list)) {
      String name = (String) item.getValue();
      if (distinct.putIfAbsent(name, item) != null) {
        site.warn(
            Diagnostic.DUPLICATE_PERMISSION,
            item,
            site.subject(),
            name,
            any ? "anyOf" : "value",
            name);
      }
    }
    if (any) {
      weakened(site, distinct);
    } else {
      redundant(site, distinct);
    }
    ungranted(site, distinct, any);
  }

  /** In {@code value}, each name another listed name implies. */
  private void redundant(Site site, Map<String, AnnotationValue> items) {
    for (Map.Entry<String, AnnotationValue> item : items.entrySet()) {
      List<String> impliers = new ArrayList<>();
      for (String other : items.keySet()) {
        if (!other.equals(item.getKey()) && coverage.implies(other, item.getKey())) {
          impliers.add(other);
        }
      }
      if (!impliers.isEmpty()) {
        site.warn(
            Diagnostic.REDUNDANT_PERMISSION,
            item.getValue(),
            site.subject(),
            item.getKey(),
            NameList.and(impliers),
            item.getKey());
      }
    }
  }

  /** In {@code anyOf}, each name that implies another listed name, so adds nobody. */
  private void weakened(Site site, Map<String, AnnotationValue> items) {
    List<String> weakest = new ArrayList<>();
    for (String name : items.keySet()) {
      if (implied(name, items.keySet()).isEmpty()) {
        weakest.add(name);
      }
    }
    Diagnostic diagnostic =
        weakest.size() == 1 ? Diagnostic.WEAKENED_ANY_OF : Diagnostic.WEAKENED_ANY_OF_SEVERAL;
    String meant = NameList.listed(weakest);
    for (Map.Entry<String, AnnotationValue> item : items.entrySet()) {
      List<String> implied = implied(item.getKey(), items.keySet());
      if (!implied.isEmpty()) {
        site.warn(
            diagnostic,
            item.getValue(),
            item.getKey(),
            site.subject(),
            NameList.and(implied),
            meant);
      }
    }
  }

  /** Returns the other names of {@code names} that {@code name} implies. */
  private List<String> implied(String name, Iterable<String> names) {
    List<String> implied = new ArrayList<>();
    for (String other : names) {
      if (!other.equals(name) && coverage.implies(name, other)) {
        implied.add(other);
      }
    }
    return implied;
  }

  /** In {@code value}, each name no role grants; in {@code anyOf}, the list if none is granted. */
  private void ungranted(Site site, Map<String, AnnotationValue> items, boolean any) {
    List<String> ungranted = new ArrayList<>();
    for (Map.Entry<String, AnnotationValue> item : items.entrySet()) {
      if (coverage.granted(item.getKey())) {
        continue;
      }
      ungranted.add(item.getKey());
      if (!any) {
        warnUngranted(site, item.getValue(), List.of(item.getKey()));
      }
    }
    if (any && ungranted.size() == items.size()) {
      warnUngranted(site, items.values().iterator().next(), ungranted);
    }
  }

  /** Warns that no role grants {@code names}, of which a caller needs all or, if several, one. */
  private void warnUngranted(Site site, AnnotationValue item, List<String> names) {
    boolean byDefault = site.element instanceof TypeElement;
    Diagnostic diagnostic =
        names.size() == 1
            ? byDefault ? Diagnostic.UNGRANTED_PERMISSION_DEFAULT : Diagnostic.UNGRANTED_PERMISSION
            : byDefault ? Diagnostic.UNGRANTED_ANY_OF_DEFAULT : Diagnostic.UNGRANTED_ANY_OF;
    site.warn(
        diagnostic,
        item,
        matrix.describe(),
        NameList.listed(names),
        byDefault ? site.element.getSimpleName() : site.subject(),
        matrix.sourceName());
  }

  /** Where the warnings of one annotation go. */
  private final class Site {
    final Element element;
    final AnnotationMirror mirror;

    Site(Element element, AnnotationMirror mirror) {
      this.element = element;
      this.mirror = mirror;
    }

    /** What the annotation is on, for the message: worked out only when there is a message. */
    String subject() {
      return RequirementReader.describe(element);
    }

    void warn(Diagnostic diagnostic, AnnotationValue item, Object... args) {
      reporter.report(diagnostic, element, mirror, item, args);
    }
  }
}

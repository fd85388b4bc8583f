package dev.rolegate.processor.internal.callgraph;

import dev.rolegate.processor.internal.base.CompilerApi;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.ElementFilter;

/**
 * Stands in for {@link CallGraphWarnings} where the compiler offers no Trees API: reports {@code
 * [CallGraphCheckOff]} once, on the first valid guarded type with method bodies (a class, or an
 * interface declaring a method with a body) that does not suppress it. A type without bodies makes
 * no calls, so it is not told.
 */
final class CallGraphOff implements CallGraphStep.Recorder {
  private final Reporter reporter;
  private final String why;
  private boolean reported;

  /** {@code why} is {@link CompilerApi#unavailable()}. */
  CallGraphOff(Reporter reporter, String why) {
    this.reporter = reporter;
    this.why = why;
  }

  @Override
  public void record(GuardedService service, MatrixHandle matrix) {
    if (reported
        || !hasBodies(service)
        || reporter.suppresses(Diagnostic.CALL_GRAPH_CHECK_OFF, service.type())) {
      return;
    }
    reported = true;
    String name = service.type().getSimpleName().toString();
    reporter.report(Diagnostic.CALL_GRAPH_CHECK_OFF, service.type(), why, name, name);
  }

  private static boolean hasBodies(GuardedService service) {
    if (service.type().getKind() == ElementKind.CLASS) {
      return true;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(service.type().getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        return true;
      }
    }
    return false;
  }
}

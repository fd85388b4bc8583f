package dev.rolegate.processor.internal.callgraph;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.rolegate.processor.internal.base.CompilerApi;
import dev.rolegate.processor.internal.base.MethodNames;
import dev.rolegate.processor.internal.base.RoleCoverage;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.diagnostic.NameList;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.model.RequirementSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * {@code [UncoveredGuardedCall]}: a guarded method whose body calls another guarded method that
 * needs something its own requirement does not imply. Works over any guarded method with a body
 * (interface default methods, class methods), naming the roles that pass the outer check but not
 * the inner one.
 *
 * <p>Bodies are read with the Trees API (as the validation's {@code SourceDeclarations} reads
 * carriers) once javac has attributed them: annotation processing runs before attribution, so the
 * check runs in a task listener after each top-level type's ANALYZE phase, when every call is
 * resolved. Where the compiler offers no Trees API ({@link CompilerApi}: not javac, or no {@code
 * jdk.compiler} module) the check is off, which {@link CallGraphOff} says once; a workspace carrier
 * compiled from source is then refused, as {@link
 * dev.rolegate.processor.internal.validation.StableAccessors} cannot verify it.
 */
public final class CallGraphWarnings implements TaskListener {
  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final GuardRegistry registry;

  /**
   * The guarded methods with a requirement, by the top-level type that declares them: each ANALYZE
   * event looks up its own type's methods instead of scanning every service (which made large
   * builds quadratic).
   */
  private final Map<String, List<Pending>> byTop = new HashMap<>();

  /** One guarded method whose body is checked when its top-level type has been attributed. */
  private record Pending(Registered registered, GuardRegistry.Entry entry) {}

  private record Registered(
      GuardRegistry.Service service, MatrixHandle matrix, RoleCoverage coverage) {}

  private CallGraphWarnings(Trees trees, Elements elements, Types types, Reporter reporter) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.registry = new GuardRegistry(elements, types);
  }

  /**
   * Installs the check on the javac task behind {@code javac} (javac's own environment, {@link
   * CompilerApi#javac()}) and returns what records each valid service with the matrix it was
   * checked against.
   */
  static CallGraphStep.Recorder install(ProcessingEnvironment javac, Reporter reporter) {
    CallGraphWarnings warnings =
        new CallGraphWarnings(
            Trees.instance(javac), javac.getElementUtils(), javac.getTypeUtils(), reporter);
    JavacTask.instance(javac).addTaskListener(warnings);
    return (service, matrix) ->
        warnings.register(
            new Registered(
                warnings.registry.add(service), matrix, new RoleCoverage(matrix.matrix())));
  }

  private void register(Registered registered) {
    // Unguarded methods too: an @Unguarded default method calling a guarded one is the plainest
    // escalation path of all. An abstract method calls nothing.
    for (GuardRegistry.Entry entry : registered.service().methods().values()) {
      if (entry.bodiless()) {
        continue;
      }
      byTop
          .computeIfAbsent(entry.top(), top -> new ArrayList<>())
          .add(new Pending(registered, entry));
    }
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
      return;
    }
    try {
      analyze(event.getTypeElement(), event.getCompilationUnit());
    } catch (RuntimeException e) {
      reporter.internalError(event.getTypeElement(), e);
    }
  }

  /** Checks the bodies of guarded methods declared in {@code top}, now attributed. */
  private void analyze(TypeElement top, CompilationUnitTree unit) {
    List<Pending> pending = byTop.getOrDefault(top.getQualifiedName().toString(), List.of());
    for (Pending each : pending) {
      GuardRegistry.Entry entry = each.entry();
      Optional<ExecutableElement> method = registry.resolve(entry.signature());
      TreePath path = method.map(trees::getPath).orElse(null);
      if (path != null && path.getLeaf() instanceof MethodTree tree && tree.getBody() != null) {
        TypeElement declaring = (TypeElement) method.get().getEnclosingElement();
        for (BodyCalls.Call call : BodyCalls.in(trees, types, declaring, path)) {
          check(each.registered(), entry, method.get(), call, unit);
        }
      }
    }
  }

  private void check(
      Registered registered,
      GuardRegistry.Entry caller,
      ExecutableElement method,
      BodyCalls.Call call,
      CompilationUnitTree unit) {
    TypeElement seenFrom =
        call.receiver() == BodyCalls.Receiver.THIS
            ? elements.getTypeElement(registered.service().type())
            : call.type();
    Optional<GuardRegistry.Callee> found =
        seenFrom == null
            ? Optional.empty()
            : registry.callee(call.callee(), seenFrom, registered.matrix().matrix());
    if (found.isEmpty()) {
      return;
    }
    GuardRegistry.Callee callee = found.get();
    Optional<RequirementSpec> outer = caller.requirement();
    if (outer.isPresent() && registered.coverage().implies(outer.get(), callee.requirement())) {
      return;
    }
    String callerName = caller.operation() + MethodNames.parameters(method);
    String calleeName = callee.operation() + MethodNames.parameters(call.callee());
    Optional<String> roles =
        outer.flatMap(
            requirement ->
                registered.coverage().passFirstNotSecond(requirement, callee.requirement()));
    Caller who =
        outer.isEmpty() ? Caller.UNGUARDED : roles.isPresent() ? Caller.ROLES : Caller.CUSTOM_ROLE;
    List<Element> scopes = new ArrayList<>(call.locals());
    scopes.add(method);
    reporter.report(
        uncovered(who, inner(registered.service(), call)),
        scopes,
        call.tree(),
        (kind, message) -> trees.printMessage(kind, message, call.tree(), unit),
        callerName,
        outer.map(CallGraphWarnings::describe).orElse(""),
        calleeName,
        describe(callee.requirement()),
        roles.orElse(""),
        registered.service().guard());
  }

  /** Who passes the caller's check but not the callee's. */
  private enum Caller {
    /** Every caller: the caller is {@code @Unguarded}. */
    UNGUARDED,
    /** Callers with roles of the matrix. */
    ROLES,
    /** No role of the matrix, only a custom one. */
    CUSTOM_ROLE
  }

  /** How the inner call is made, which decides what happens to it at run time. */
  private enum Inner {
    /** On {@code this} in an interface's implementation: the guard never sees it. */
    THIS_INTERFACE,
    /** On {@code this} in a guarded class: the guard checks it. */
    THIS_CLASS,
    /** A super call, which bypasses the guard. */
    SUPER,
    /** On another receiver: checked only if that is a guard. */
    OTHER
  }

  private static Inner inner(GuardRegistry.Service service, BodyCalls.Call call) {
    return switch (call.receiver()) {
      case THIS ->
          service.kind() == ElementKind.INTERFACE ? Inner.THIS_INTERFACE : Inner.THIS_CLASS;
      case SUPER -> Inner.SUPER;
      default -> Inner.OTHER;
    };
  }

  private static Diagnostic uncovered(Caller who, Inner inner) {
    return switch (who) {
      case UNGUARDED ->
          switch (inner) {
            case THIS_INTERFACE -> Diagnostic.UNCOVERED_CALL_UNGUARDED_THIS_INTERFACE;
            case THIS_CLASS -> Diagnostic.UNCOVERED_CALL_UNGUARDED_THIS_CLASS;
            case SUPER -> Diagnostic.UNCOVERED_CALL_UNGUARDED_SUPER;
            case OTHER -> Diagnostic.UNCOVERED_CALL_UNGUARDED_OTHER;
          };
      case ROLES ->
          switch (inner) {
            case THIS_INTERFACE -> Diagnostic.UNCOVERED_CALL_ROLES_THIS_INTERFACE;
            case THIS_CLASS -> Diagnostic.UNCOVERED_CALL_ROLES_THIS_CLASS;
            case SUPER -> Diagnostic.UNCOVERED_CALL_ROLES_SUPER;
            case OTHER -> Diagnostic.UNCOVERED_CALL_ROLES_OTHER;
          };
      case CUSTOM_ROLE ->
          switch (inner) {
            case THIS_INTERFACE -> Diagnostic.UNCOVERED_CALL_CUSTOM_ROLE_THIS_INTERFACE;
            case THIS_CLASS -> Diagnostic.UNCOVERED_CALL_CUSTOM_ROLE_THIS_CLASS;
            case SUPER -> Diagnostic.UNCOVERED_CALL_CUSTOM_ROLE_SUPER;
            case OTHER -> Diagnostic.UNCOVERED_CALL_CUSTOM_ROLE_OTHER;
          };
    };
  }

  private static String describe(RequirementSpec requirement) {
    return NameList.required(requirement.any(), requirement.permissions());
  }
}

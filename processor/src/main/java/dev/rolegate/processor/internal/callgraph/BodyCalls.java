package dev.rolegate.processor.internal.callgraph;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Finds the instance-method calls in one attributed method body (lambdas included, nested class
 * bodies not: their methods are callers of their own), with what each call is made on and the local
 * variables whose initializer holds it (where a call site can be suppressed).
 */
final class BodyCalls extends TreePathScanner<Void, Void> {
  /** What a call is made on, which decides whether a guard sees it. */
  enum Receiver {
    /** {@code m()} or {@code this.m()}: the object whose method is running. */
    THIS,
    /** {@code super.m()} or {@code I.super.m()}: a non-virtual call no guard overrides. */
    SUPER,
    /** Any other object, which may or may not be a guard. */
    OTHER
  }

  /** One call: {@code type} is the receiver's static type, where the callee is looked up. */
  record Call(
      MethodInvocationTree tree,
      ExecutableElement callee,
      Receiver receiver,
      TypeElement type,
      List<Element> locals) {}

  private final Trees trees;
  private final Types types;
  private final TypeElement self;
  private final List<Call> calls = new ArrayList<>();

  private BodyCalls(Trees trees, Types types, TypeElement self) {
    this.trees = trees;
    this.types = types;
    this.self = self;
  }

  /** Returns the calls in the body of the method at {@code method}, declared in {@code self}. */
  static List<Call> in(Trees trees, Types types, TypeElement self, TreePath method) {
    BodyCalls scanner = new BodyCalls(trees, types, self);
    scanner.scan(method, null);
    return List.copyOf(scanner.calls);
  }

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    return null;
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    Element callee = trees.getElement(new TreePath(getCurrentPath(), tree.getMethodSelect()));
    if (callee instanceof ExecutableElement method
        && !method.getModifiers().contains(Modifier.STATIC)
        && method.getEnclosingElement() instanceof TypeElement declaring) {
      receiver(tree.getMethodSelect(), declaring)
          .ifPresent(on -> calls.add(new Call(tree, method, on.receiver, on.type, locals())));
    }
    return super.visitMethodInvocation(tree, unused);
  }

  private record On(Receiver receiver, TypeElement type) {}

  private Optional<On> receiver(ExpressionTree select, TypeElement declaring) {
    if (select instanceof IdentifierTree) {
      // An unqualified call in an inner class may be on the outer instance.
      boolean own =
          types.isSubtype(types.erasure(self.asType()), types.erasure(declaring.asType()));
      return Optional.of(own ? new On(Receiver.THIS, self) : new On(Receiver.OTHER, declaring));
    }
    if (!(select instanceof MemberSelectTree member)) {
      return Optional.empty();
    }
    ExpressionTree on = member.getExpression();
    String last =
        on instanceof IdentifierTree id
            ? id.getName().toString()
            : on instanceof MemberSelectTree outer ? outer.getIdentifier().toString() : "";
    if (last.equals("super")) {
      return Optional.of(new On(Receiver.SUPER, declaring));
    }
    if (last.equals("this") && on instanceof IdentifierTree) {
      return Optional.of(new On(Receiver.THIS, self));
    }
    TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), on));
    if (type instanceof DeclaredType declared
        && declared.asElement() instanceof TypeElement element) {
      return Optional.of(new On(Receiver.OTHER, element));
    }
    return Optional.empty();
  }

  /** Returns the local variables (innermost first) whose initializer holds the current call. */
  private List<Element> locals() {
    List<Element> locals = new ArrayList<>();
    Tree child = null;
    for (TreePath path = getCurrentPath(); path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof VariableTree variable && variable.getInitializer() == child) {
        Element element = trees.getElement(path);
        if (element != null) {
          locals.add(element);
        }
      }
      child = leaf;
    }
    return locals;
  }
}

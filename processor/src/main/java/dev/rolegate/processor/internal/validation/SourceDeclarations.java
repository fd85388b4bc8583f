package dev.rolegate.processor.internal.validation;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.rolegate.processor.internal.base.CompilerApi;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * What a carrier compiled from source declares, read from its syntax tree with the Trees API (the
 * second use of {@code com.sun.source} in rolegate, beside {@link
 * dev.rolegate.processor.internal.callgraph.CallGraphWarnings}). Only the text as written counts:
 * javac adds a record's implicit accessors to the type but never to its tree, so a method found
 * here was written by hand.
 */
final class SourceDeclarations {
  private final Trees trees;

  private SourceDeclarations(Trees trees) {
    this.trees = trees;
  }

  /** Returns the reader for the compilation behind {@code compiler}, or empty where it has none. */
  static Optional<SourceDeclarations> instance(CompilerApi compiler) {
    return compiler.javac().map(javac -> new SourceDeclarations(Trees.instance(javac)));
  }

  /** Returns whether {@code type} has a syntax tree in this compilation. */
  boolean hasSource(TypeElement type) {
    return trees.getTree(type) != null;
  }

  /** Returns whether the source of {@code type} declares a no-argument method {@code name}. */
  boolean declaresAccessor(TypeElement type, String name) {
    return accessor(type, name).isPresent();
  }

  /**
   * Returns the field that the no-argument method {@code name} declared in the source of {@code
   * type} returns, when its body is exactly {@code return field;} or {@code return this.field;};
   * empty for any other body.
   */
  Optional<String> returnedField(TypeElement type, String name) {
    Optional<BlockTree> body = accessor(type, name).map(MethodTree::getBody);
    if (body.isEmpty()
        || body.get().getStatements().size() != 1
        || !(body.get().getStatements().get(0) instanceof ReturnTree returned)) {
      return Optional.empty();
    }
    ExpressionTree value = returned.getExpression();
    if (value instanceof IdentifierTree field) {
      // The method has no parameters and no locals: a bare name is a field, the carrier's own
      // when the carrier declares one of that name (checked by the caller).
      return Optional.of(field.getName().toString());
    }
    if (value instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree self
        && self.getName().contentEquals("this")) {
      return Optional.of(select.getIdentifier().toString());
    }
    return Optional.empty();
  }

  private Optional<MethodTree> accessor(TypeElement type, String name) {
    ClassTree tree = trees.getTree(type);
    if (tree == null) {
      return Optional.empty();
    }
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method
          && method.getName().contentEquals(name)
          && method.getParameters().isEmpty()) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}

package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;

/**
 * What an id annotation names: a workspace ({@code @WorkspaceId}, {@code @BoundWorkspace}) or an
 * account ({@code @AccountId}, {@code @BoundAccount}). Parameters and carriers of both follow one
 * rule; this says which annotation a check reads and how its diagnostics name it.
 */
enum IdKind {
  WORKSPACE(Names.WORKSPACE_ID, Names.BOUND_WORKSPACE, Diagnostic.UNSTABLE_WORKSPACE_CARRIER),
  ACCOUNT(Names.ACCOUNT_ID, Names.BOUND_ACCOUNT, Diagnostic.UNSTABLE_ACCOUNT_CARRIER);

  /** A way a marker can be misused; {@link #misuse} gives its diagnostic for each kind. */
  enum Misuse {
    TWICE,
    WITH_BOUND,
    TYPE,
    UNMARKED_RECORD,
    UNMARKED_CLASS,
    SEVERAL_ACCESSORS,
    ACCESSOR_TYPE,
    ACCESSOR_HIDDEN
  }

  private final String annotation;
  private final String bound;
  private final Diagnostic unstable;

  IdKind(String annotation, String bound, Diagnostic unstable) {
    this.annotation = annotation;
    this.bound = bound;
    this.unstable = unstable;
  }

  /** Returns the qualified name of the id annotation, e.g. {@code dev.rolegate.annotations.AccountId}. */
  String annotation() {
    return annotation;
  }

  /** Returns the qualified name of the annotation that names the bound one instead. */
  String bound() {
    return bound;
  }

  /** Returns {@code @WorkspaceId} or {@code @AccountId}, as messages show it. */
  String marker() {
    return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
  }

  /**
   * Returns the diagnostic of {@code cause}: a {@code [WorkspaceIdMisuse]} or an {@code
   * [AccountIdMisuse]}.
   */
  Diagnostic misuse(Misuse cause) {
    boolean workspace = this == WORKSPACE;
    return switch (cause) {
      case TWICE -> workspace ? Diagnostic.WORKSPACE_ID_TWICE : Diagnostic.ACCOUNT_ID_TWICE;
      case WITH_BOUND ->
          workspace ? Diagnostic.WORKSPACE_ID_WITH_BOUND : Diagnostic.ACCOUNT_ID_WITH_BOUND;
      case TYPE -> workspace ? Diagnostic.WORKSPACE_ID_TYPE : Diagnostic.ACCOUNT_ID_TYPE;
      case UNMARKED_RECORD -> workspace
          ? Diagnostic.WORKSPACE_ID_UNMARKED_RECORD : Diagnostic.ACCOUNT_ID_UNMARKED_RECORD;
      case UNMARKED_CLASS -> workspace
          ? Diagnostic.WORKSPACE_ID_UNMARKED_CLASS : Diagnostic.ACCOUNT_ID_UNMARKED_CLASS;
      case SEVERAL_ACCESSORS -> workspace
          ? Diagnostic.WORKSPACE_ID_SEVERAL_ACCESSORS : Diagnostic.ACCOUNT_ID_SEVERAL_ACCESSORS;
      case ACCESSOR_TYPE -> workspace
          ? Diagnostic.WORKSPACE_ID_ACCESSOR_TYPE : Diagnostic.ACCOUNT_ID_ACCESSOR_TYPE;
      case ACCESSOR_HIDDEN -> workspace
          ? Diagnostic.WORKSPACE_ID_ACCESSOR_HIDDEN : Diagnostic.ACCOUNT_ID_ACCESSOR_HIDDEN;
    };
  }

  /** Returns the id of a carrier whose accessor may answer differently on a second read. */
  Diagnostic unstable() {
    return unstable;
  }
}

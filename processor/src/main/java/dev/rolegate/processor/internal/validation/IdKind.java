package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;

/**
 * What an id annotation names: a workspace ({@code @WorkspaceId}, {@code @BoundWorkspace}) or an
 * account ({@code @AccountId}, {@code @BoundAccount}). Parameters and carriers of both follow one
 * rule; this says which annotation a check reads and how its diagnostics name it.
 */
enum IdKind {
  WORKSPACE(Names.WORKSPACE_ID, Names.BOUND_WORKSPACE, "workspace", "acts on",
      Diagnostic.WORKSPACE_ID, Diagnostic.UNSTABLE_WORKSPACE_CARRIER),
  ACCOUNT(Names.ACCOUNT_ID, Names.BOUND_ACCOUNT, "account", "acts in",
      Diagnostic.ACCOUNT_ID, Diagnostic.UNSTABLE_ACCOUNT_CARRIER);

  private final String annotation;
  private final String bound;
  private final String noun;
  private final String acts;
  private final Diagnostic misuse;
  private final Diagnostic unstable;

  IdKind(String annotation, String bound, String noun, String acts, Diagnostic misuse,
      Diagnostic unstable) {
    this.annotation = annotation;
    this.bound = bound;
    this.noun = noun;
    this.acts = acts;
    this.misuse = misuse;
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

  /** Returns {@code @BoundWorkspace} or {@code @BoundAccount}, as messages show it. */
  String boundMarker() {
    return "@" + bound.substring(bound.lastIndexOf('.') + 1);
  }

  /** Returns "workspace" or "account". */
  String noun() {
    return noun;
  }

  /** Returns "A workspace id" or "An account id", to start a sentence. */
  String anId() {
    return (this == ACCOUNT ? "An " : "A ") + noun + " id";
  }

  /** Returns "A call acts on one workspace" or "A call acts in one account". */
  String oneOnly() {
    return "A call " + acts + " one " + noun;
  }

  /** Returns the id of a misused marker: {@code [WorkspaceIdMisuse]} or {@code [AccountIdMisuse]}. */
  Diagnostic misuse() {
    return misuse;
  }

  /** Returns the id of a carrier whose accessor may answer differently on a second read. */
  Diagnostic unstable() {
    return unstable;
  }
}

package dev.rolegate.processor.internal.validation;

import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;

/**
 * What an id annotation names: a workspace ({@code @WorkspaceId}, {@code @BoundWorkspace}) or an
 * account ({@code @AccountId}, {@code @BoundAccount}). Parameters and carriers of both follow one
 * rule; this says which annotation a check reads and how its diagnostics name it.
 */
enum IdKind {
  WORKSPACE(Names.WORKSPACE_ID, Names.BOUND_WORKSPACE),
  ACCOUNT(Names.ACCOUNT_ID, Names.BOUND_ACCOUNT);

  /** A way a marker can be misused; {@link #misuse} gives its diagnostic for each kind. */
  enum Misuse {
    TWICE,
    WITH_BOUND,
    TYPE,
    UNMARKED_RECORD,
    UNMARKED_CLASS,
    SEVERAL_ACCESSORS,
    ACCESSOR_TYPE,
    ACCESSOR_PRIVATE,
    ACCESSOR_PROTECTED,
    ACCESSOR_PACKAGE_PRIVATE
  }

  private final String annotation;
  private final String bound;

  IdKind(String annotation, String bound) {
    this.annotation = annotation;
    this.bound = bound;
  }

  /**
   * Returns the qualified name of the id annotation, e.g. {@code
   * dev.rolegate.annotations.AccountId}.
   */
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
      case UNMARKED_RECORD ->
          workspace
              ? Diagnostic.WORKSPACE_ID_UNMARKED_RECORD
              : Diagnostic.ACCOUNT_ID_UNMARKED_RECORD;
      case UNMARKED_CLASS ->
          workspace ? Diagnostic.WORKSPACE_ID_UNMARKED_CLASS : Diagnostic.ACCOUNT_ID_UNMARKED_CLASS;
      case SEVERAL_ACCESSORS ->
          workspace
              ? Diagnostic.WORKSPACE_ID_SEVERAL_ACCESSORS
              : Diagnostic.ACCOUNT_ID_SEVERAL_ACCESSORS;
      case ACCESSOR_TYPE ->
          workspace ? Diagnostic.WORKSPACE_ID_ACCESSOR_TYPE : Diagnostic.ACCOUNT_ID_ACCESSOR_TYPE;
      case ACCESSOR_PRIVATE ->
          workspace
              ? Diagnostic.WORKSPACE_ID_ACCESSOR_PRIVATE
              : Diagnostic.ACCOUNT_ID_ACCESSOR_PRIVATE;
      case ACCESSOR_PROTECTED ->
          workspace
              ? Diagnostic.WORKSPACE_ID_ACCESSOR_PROTECTED
              : Diagnostic.ACCOUNT_ID_ACCESSOR_PROTECTED;
      case ACCESSOR_PACKAGE_PRIVATE ->
          workspace
              ? Diagnostic.WORKSPACE_ID_ACCESSOR_PACKAGE_PRIVATE
              : Diagnostic.ACCOUNT_ID_ACCESSOR_PACKAGE_PRIVATE;
    };
  }

  /**
   * Returns the diagnostic of a carrier whose accessor may answer differently on a second read, for
   * {@code cause}: an {@code [UnstableWorkspaceCarrier]} or an {@code [UnstableAccountCarrier]}.
   */
  Diagnostic unstable(StableAccessors.Cause cause) {
    boolean workspace = this == WORKSPACE;
    return switch (cause) {
      case INTERFACE ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_INTERFACE
              : Diagnostic.UNSTABLE_ACCOUNT_INTERFACE;
      case ENUM ->
          workspace ? Diagnostic.UNSTABLE_WORKSPACE_ENUM : Diagnostic.UNSTABLE_ACCOUNT_ENUM;
      case ABSTRACT_CLASS ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_ABSTRACT_CLASS
              : Diagnostic.UNSTABLE_ACCOUNT_ABSTRACT_CLASS;
      case NON_FINAL_CLASS ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_NON_FINAL_CLASS
              : Diagnostic.UNSTABLE_ACCOUNT_NON_FINAL_CLASS;
      case INHERITED ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_INHERITED
              : Diagnostic.UNSTABLE_ACCOUNT_INHERITED;
      case NOT_COMPONENT ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_NOT_COMPONENT
              : Diagnostic.UNSTABLE_ACCOUNT_NOT_COMPONENT;
      case EXPLICIT_RECORD_ACCESSOR ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_EXPLICIT_RECORD_ACCESSOR
              : Diagnostic.UNSTABLE_ACCOUNT_EXPLICIT_RECORD_ACCESSOR;
      case NOT_A_FIELD_READ ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_NOT_A_FIELD_READ
              : Diagnostic.UNSTABLE_ACCOUNT_NOT_A_FIELD_READ;
      case STATIC_FIELD ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_STATIC_FIELD
              : Diagnostic.UNSTABLE_ACCOUNT_STATIC_FIELD;
      case NON_FINAL_FIELD ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_NON_FINAL_FIELD
              : Diagnostic.UNSTABLE_ACCOUNT_NON_FINAL_FIELD;
      case FIELD_TYPE ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_FIELD_TYPE
              : Diagnostic.UNSTABLE_ACCOUNT_FIELD_TYPE;
      case NOT_OWN_FIELD ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_NOT_OWN_FIELD
              : Diagnostic.UNSTABLE_ACCOUNT_NOT_OWN_FIELD;
      case CLASS_FILE_UNREADABLE ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_UNREADABLE
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_UNREADABLE;
      case CLASS_FILE_NOT_A_CLASS_FILE ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_NOT_A_CLASS_FILE
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_NOT_A_CLASS_FILE;
      case CLASS_FILE_CLASS_NOT_FINAL ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_CLASS_NOT_FINAL
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_CLASS_NOT_FINAL;
      case CLASS_FILE_NO_METHOD ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_NO_METHOD
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_NO_METHOD;
      case CLASS_FILE_STATIC_OR_NO_CODE ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_STATIC_OR_NO_CODE
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_STATIC_OR_NO_CODE;
      case CLASS_FILE_NOT_A_FIELD_READ ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_NOT_A_FIELD_READ
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_NOT_A_FIELD_READ;
      case CLASS_FILE_MALFORMED ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_MALFORMED
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_MALFORMED;
      case CLASS_FILE_OTHER_FIELD ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_OTHER_FIELD
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_OTHER_FIELD;
      case CLASS_FILE_NON_FINAL_FIELD ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_NON_FINAL_FIELD
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_NON_FINAL_FIELD;
      case CLASS_FILE_UNDECLARED_FIELD ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_CLASS_FILE_UNDECLARED_FIELD
              : Diagnostic.UNSTABLE_ACCOUNT_CLASS_FILE_UNDECLARED_FIELD;
      case NO_TREES ->
          workspace ? Diagnostic.UNSTABLE_WORKSPACE_NO_TREES : Diagnostic.UNSTABLE_ACCOUNT_NO_TREES;
      case NO_CLASS_FILE ->
          workspace
              ? Diagnostic.UNSTABLE_WORKSPACE_NO_CLASS_FILE
              : Diagnostic.UNSTABLE_ACCOUNT_NO_CLASS_FILE;
    };
  }
}

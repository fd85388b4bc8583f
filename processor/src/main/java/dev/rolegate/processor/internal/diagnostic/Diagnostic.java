package dev.rolegate.processor.internal.diagnostic;

import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic.Kind;

/**
 * The processor's message catalogue: one constant per cause of a diagnostic, with its id, its kind
 * and its message template; constants for different causes may share an id. Each message reads
 * {@code [<Id>] <what is wrong, quoting the input>. <how to fix>.}; the id is stable and documented
 * in the README. Errors cannot be suppressed; a warning is silenced with
 * {@code @SuppressWarnings("<Id>")} on the element it is reported on or on any enclosing element
 * (see {@link Reporter}).
 */
public enum Diagnostic {
  /**
   * A permission name the matrix does not have, with close names: {@code %2$s} says which character
   * of the name is not A-Z, 0-9 or _, or is empty.
   */
  UNKNOWN_PERMISSION(
      "UnknownPermission", Kind.ERROR, "%s%s is not a permission of matrix %s. Did you mean %s?"),
  /** A permission name the matrix does not have, with no close name. */
  UNKNOWN_PERMISSION_NO_CLOSE_NAME(
      "UnknownPermission",
      Kind.ERROR,
      "%s%s is not a permission of matrix %s. No permission has a close name; see the Permission"
          + " tables of %s"),
  EMPTY_PERMISSIONS(
      "EmptyPermissions",
      Kind.ERROR,
      "@RequiresPermission on %s lists no permission. Name at least one in value (all required)"
          + " or anyOf (one suffices), or use @Unguarded(reason = \"...\") to leave it open on"
          + " purpose"),
  AMBIGUOUS_PERMISSIONS(
      "AmbiguousPermissions",
      Kind.ERROR,
      "@RequiresPermission on %s sets both value and anyOf. Use value for permissions that are"
          + " all required, or anyOf for permissions of which one suffices, not both"),
  /** {@code @RequiresPermission} on a static or private method, which no guard overrides. */
  NOT_PROXYABLE(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard %1$s method %2$s: a guard can only intercept calls to"
          + " instance methods it overrides. Make it a non-%1$s instance method, or remove"
          + " @RequiresPermission"),
  /** {@code @RequiresPermission} on a final method of the guarded class itself. */
  NOT_PROXYABLE_FINAL_METHOD(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard final method %s: a guard can only intercept calls to"
          + " instance methods it overrides, and a final method cannot be overridden. Make it"
          + " non-final, or remove @RequiresPermission"),
  /** {@code @RequiresPermission} on a final method that a guarded class inherits. */
  NOT_PROXYABLE_INHERITED_FINAL_METHOD(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard final method %s, inherited by %s: a guard can only"
          + " intercept calls to instance methods it overrides, and a final method cannot be"
          + " overridden. Make it non-final, or remove @RequiresPermission"),
  /** An interface method with the parameters of the guard's own {@code wrap} factory. */
  NOT_PROXYABLE_WRAP_CLASH(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard method %1$s of interface %2$s: it has the parameters of"
          + " the guard's own factory method %3$s.wrap. Rename the method, or change its"
          + " parameters"),
  NOT_PROXYABLE_LOCAL_INTERFACE(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard local interface %s: a guard cannot implement an"
          + " interface declared inside a method. Move the interface to the top level of its file"
          + " or into a class"),
  /**
   * A private interface. The private type, passed second as for
   * NOT_PROXYABLE_INTERFACE_IN_PRIVATE_TYPE, is the interface itself and not shown.
   */
  NOT_PROXYABLE_PRIVATE_INTERFACE(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard interface %s: it is private, so a guard in its package"
          + " cannot implement it. Make it package-private or public"),
  /** An interface inside a private type {@code %2$s}. */
  NOT_PROXYABLE_INTERFACE_IN_PRIVATE_TYPE(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard interface %s: its enclosing type %s is private, so a guard"
          + " in its package cannot implement it. Make it package-private or public"),
  NOT_PROXYABLE_ANNOTATION_TYPE(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard annotation type %s: an annotation type has no service"
          + " methods for a guard to intercept. Remove @RequiresPermission from it"),
  NOT_PROXYABLE_ENUM(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard enum %s: an enum cannot be extended, so no guard can"
          + " subclass it. Extract an interface with the guarded methods, annotate it, and wrap"
          + " the enum with that interface's Guarded type"),
  NOT_PROXYABLE_RECORD(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard record %s: a record cannot be extended, so no guard can"
          + " subclass it. Extract an interface with the guarded methods, annotate it, and wrap"
          + " the record with that interface's Guarded type"),
  /**
   * A private class. The private type, passed second as for NOT_PROXYABLE_CLASS_IN_PRIVATE_TYPE, is
   * the class itself and not shown.
   */
  NOT_PROXYABLE_PRIVATE_CLASS(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard class %s: it is private, so a guard in its package"
          + " cannot extend it. Make it package-private or public"),
  /** A class inside a private type {@code %2$s}. */
  NOT_PROXYABLE_CLASS_IN_PRIVATE_TYPE(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard class %s: its enclosing type %s is private, so a guard in"
          + " its package cannot extend it. Make it package-private or public"),
  NOT_PROXYABLE_INNER_CLASS(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard inner class %s: a guard cannot extend a non-static inner"
          + " class, whose instances need an instance of %s. Make it static"),
  NOT_PROXYABLE_FINAL_CLASS(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard final class %s: a class guard extends the class it"
          + " guards. Make the class non-final, or guard an interface it implements instead"),
  NOT_PROXYABLE_SEALED_CLASS(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard sealed class %s: a class guard extends the class it"
          + " guards, and a sealed class permits only the subclasses it lists. Unseal it (remove"
          + " sealed and its permits clause), or annotate an interface it implements and wrap the"
          + " implementation with that interface's Guarded type"),
  NOT_PROXYABLE_NO_CONSTRUCTOR(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard class %s: it has no non-private constructor, so a guard"
          + " cannot call super(...). Add a non-private constructor"),
  /** An abstract class with an abstract method left unimplemented. */
  NOT_PROXYABLE_ABSTRACT_CLASS(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard abstract class %1$s: a guard must be a concrete class,"
          + " but %1$s leaves abstract method %2$s unimplemented. Implement it in %1$s, or guard a"
          + " concrete subclass instead"),
  /** An abstract class with several abstract methods left unimplemented, listed in {@code %2$s}. */
  NOT_PROXYABLE_ABSTRACT_CLASS_METHODS(
      "NotProxyable",
      Kind.ERROR,
      "@RequiresPermission cannot guard abstract class %1$s: a guard must be a concrete class,"
          + " but %1$s leaves abstract methods %2$s unimplemented. Implement them in %1$s, or guard"
          + " a concrete subclass instead"),
  /** A method of the guarded type, or of a guarded type it extends: {@code %2$s} is its guard. */
  UNPROTECTED_METHOD(
      "UnprotectedMethod",
      Kind.ERROR,
      "%s has neither @RequiresPermission nor @Unguarded, so Guarded%s would leave it open. Add"
          + " @RequiresPermission(...) to it (or to its type as a default), or"
          + " @Unguarded(reason = \"...\") if it is meant to be open"),
  /** A method a guarded interface inherits from a type compiled elsewhere. */
  UNPROTECTED_METHOD_INHERITED_BY_INTERFACE(
      "UnprotectedMethod",
      Kind.ERROR,
      "method %1$s, inherited by %2$s, has neither @RequiresPermission nor @Unguarded, so"
          + " Guarded%3$s would leave it open. Redeclare it in %2$s with @RequiresPermission(...)"
          + " or @Unguarded(reason = \"...\"), or put @RequiresPermission on %2$s as the default"
          + " for every method it has"),
  /** A method a guarded class inherits from a type compiled elsewhere. */
  UNPROTECTED_METHOD_INHERITED_BY_CLASS(
      "UnprotectedMethod",
      Kind.ERROR,
      "method %1$s, inherited by %2$s, has neither @RequiresPermission nor @Unguarded, so"
          + " Guarded%3$s would leave it open. Override it in %2$s with @RequiresPermission(...)"
          + " or @Unguarded(reason = \"...\"), or put @RequiresPermission on %2$s as the default"
          + " for every method it has"),
  CONFLICTING_ANNOTATIONS(
      "ConflictingAnnotations",
      Kind.ERROR,
      "%s carries both @RequiresPermission and @Unguarded. Keep the one you mean"),
  /**
   * An interface inheriting one method from superinterfaces that do not override one another and
   * say different things about who may call it: the interface, the method, the declaring types, the
   * interface again.
   */
  INHERITED_DECLARATIONS_DISAGREE(
      "ConflictingAnnotations",
      Kind.ERROR,
      "%s inherits %s from %s, which do not say the same about who may call it (permissions or"
          + " @Unguarded, workspace or account). Its guard can check only one: override the"
          + " method in %s with what its callers need"),
  /** {@code @Unguarded(reason = "")}, or a reason of spaces only. */
  BLANK_UNGUARDED_REASON(
      "BlankUnguardedReason",
      Kind.ERROR,
      "%s is @Unguarded with an empty or blank reason, but an unguarded method is open to every"
          + " caller, unauthenticated ones included, and its reason is what reviewers read in the"
          + " access report. Say why it may be open, as in @Unguarded(reason = \"liveness probe,"
          + " reads nothing\"), or guard it with @RequiresPermission"),
  /** {@code @Unguarded} without its reason: the same id as BLANK_UNGUARDED_REASON. */
  MISSING_UNGUARDED_REASON(
      "BlankUnguardedReason",
      Kind.ERROR,
      "%s is @Unguarded without a reason, but an unguarded method is open to every caller,"
          + " unauthenticated ones included, and its reason is what reviewers read in the access"
          + " report. Say why it may be open, as in @Unguarded(reason = \"liveness probe, reads"
          + " nothing\"), or guard it with @RequiresPermission"),
  /** {@code @WorkspaceId} on a second parameter of one method: {@code %1$s} is the first one. */
  WORKSPACE_ID_TWICE(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId marks both %s and parameter %s of %s. A call acts on one workspace: keep"
          + " @WorkspaceId on one parameter"),
  /** {@code @WorkspaceId} on a parameter whose method carries {@code @BoundWorkspace}. */
  WORKSPACE_ID_WITH_BOUND(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %s of %s, which also carries @BoundWorkspace. A call acts on"
          + " one workspace: keep @WorkspaceId to check the workspace the call names, or remove"
          + " it to check the workspace bound to the caller's context"),
  /** {@code @WorkspaceId} on a parameter of a type that is no id and cannot be a carrier. */
  WORKSPACE_ID_TYPE(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %s of %s of type %s. A workspace id is a String or a"
          + " java.util.UUID, or a type that carries one (see @WorkspaceId): change the"
          + " parameter's type or move the annotation"),
  /** A carrier record with no marked component: {@code %4$s} is the record. */
  WORKSPACE_ID_UNMARKED_RECORD(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %s of %s of type %s, which carries no workspace id. Mark the"
          + " record component that holds the workspace id (a String or UUID) with @WorkspaceId,"
          + " as in record %s(@WorkspaceId String workspace, ...), or give the parameter the"
          + " type String or UUID"),
  /** A carrier class with no marked accessor: {@code %4$s} is the class. */
  WORKSPACE_ID_UNMARKED_CLASS(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %s of %s of type %s, which carries no workspace id. Mark the"
          + " no-argument method of %s that returns the workspace id (a String or UUID) with"
          + " @WorkspaceId, or give the parameter the type String or UUID"),
  /** A carrier with several marked accessors, listed in {@code %4$s}. */
  WORKSPACE_ID_SEVERAL_ACCESSORS(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %s of %s of type %s, which marks more than one accessor with"
          + " @WorkspaceId: %s. A call acts on one workspace: keep @WorkspaceId on one of them"),
  /** A carrier whose marked accessor returns neither String nor UUID. */
  WORKSPACE_ID_ACCESSOR_TYPE(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %s of %s of type %s, whose @WorkspaceId accessor %s returns %s."
          + " A workspace id is a String or a java.util.UUID: change the accessor's return type,"
          + " or mark another accessor"),
  /**
   * A carrier whose marked accessor {@code %4$s}, in package {@code %5$s}, the guard {@code %6$s}
   * in package {@code %7$s} cannot call: the accessor is private.
   */
  WORKSPACE_ID_ACCESSOR_PRIVATE(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %1$s of %2$s of type %3$s, whose @WorkspaceId accessor %4$s is"
          + " private, so %6$s in package %7$s cannot call it. Make %4$s public"),
  /** WORKSPACE_ID_ACCESSOR_PRIVATE for a protected accessor in another package. */
  WORKSPACE_ID_ACCESSOR_PROTECTED(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %1$s of %2$s of type %3$s, whose @WorkspaceId accessor %4$s is"
          + " protected in package %5$s, so %6$s in package %7$s cannot call it. Make %4$s"
          + " public"),
  /** WORKSPACE_ID_ACCESSOR_PRIVATE for a package-private accessor in another package. */
  WORKSPACE_ID_ACCESSOR_PACKAGE_PRIVATE(
      "WorkspaceIdMisuse",
      Kind.ERROR,
      "@WorkspaceId on parameter %1$s of %2$s of type %3$s, whose @WorkspaceId accessor %4$s is"
          + " package-private in package %5$s, so %6$s in package %7$s cannot call it. Make %4$s"
          + " public"),
  /**
   * A workspace carrier whose accessor may answer differently when the delegate reads it again, or
   * cannot be verified not to (the arguments of every UNSTABLE_* template: the parameter, its
   * method, its type, the accessor, {@code %5$s} the carrier, {@code %6$s} the accessor's name,
   * {@code %7$s} the id type, then the cause's names): an accessor declared by an interface or an
   * annotation type.
   */
  UNSTABLE_WORKSPACE_INTERFACE(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          " is declared by interface %5$s, which any class can implement with an accessor that"
              + " answers differently on each read")),
  /** An accessor of an enum. */
  UNSTABLE_WORKSPACE_ENUM(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(" belongs to enum %5$s; a carrier is a record or a final class")),
  /** An accessor of an abstract class. */
  UNSTABLE_WORKSPACE_ABSTRACT_CLASS(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          " belongs to abstract class %5$s, whose subclasses can override it to answer"
              + " differently on each read")),
  /** An accessor of a class that is not final. */
  UNSTABLE_WORKSPACE_NON_FINAL_CLASS(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          " belongs to %5$s, which is not final, so a subclass (an anonymous one, say) can"
              + " override it to answer differently on each read")),
  /** An accessor the carrier inherits: {@code %8$s} declares it. */
  UNSTABLE_WORKSPACE_INHERITED(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          " is inherited from %8$s, not declared in %5$s, so %5$s cannot show that it returns a"
              + " final field of its own")),
  /** A method of a record that is not the accessor of one of its components. */
  UNSTABLE_WORKSPACE_NOT_COMPONENT(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(" is not the accessor of a record component of %5$s")),
  /** A record component's accessor that the record declares itself. */
  UNSTABLE_WORKSPACE_EXPLICIT_RECORD_ACCESSOR(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          " is declared explicitly in record %5$s, so it may return something other than the"
              + " component %6$s")),
  /** A class's accessor whose body is not exactly {@code return field;}. */
  UNSTABLE_WORKSPACE_NOT_A_FIELD_READ(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          " does not just return a field: its body must be exactly return %6$s; of a final field"
              + " declared in %5$s")),
  /** An accessor returning static field {@code %8$s}. */
  UNSTABLE_WORKSPACE_STATIC_FIELD(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          " returns static field %8$s; only a final instance field is carried by the carrier"
              + " itself")),
  /** An accessor returning field {@code %8$s}, which is not final. */
  UNSTABLE_WORKSPACE_NON_FINAL_FIELD(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          " returns field %8$s, which is not final, so a setter or another thread can change it"
              + " between the check and the call")),
  /** An accessor returning field {@code %8$s} of type {@code %9$s}, not an id type. */
  UNSTABLE_WORKSPACE_FIELD_TYPE(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(" returns field %8$s of type %9$s, which is not a String or UUID")),
  /** An accessor returning {@code %8$s}, which is not a field of the carrier. */
  UNSTABLE_WORKSPACE_NOT_OWN_FIELD(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(" returns %8$s, which is not a field declared in %5$s")),
  /**
   * A carrier from the class path whose class file cannot be read ({@code %8$s}, the exception).
   * The other UNSTABLE_WORKSPACE_CLASS_FILE_* causes say what the class file shows instead of an
   * accessor that returns a final field.
   */
  UNSTABLE_WORKSPACE_CLASS_FILE_UNREADABLE(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(Carriers.classFile("its class file cannot be read (%8$s)"))),
  /** Its class file does not start as a class file does. */
  UNSTABLE_WORKSPACE_CLASS_FILE_NOT_A_CLASS_FILE(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(Carriers.classFile("its class file is not a class file"))),
  /** Its class file declares the class not final. */
  UNSTABLE_WORKSPACE_CLASS_FILE_CLASS_NOT_FINAL(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(Carriers.classFile("its class file declares the class not final"))),
  /** Its class file declares no method {@code %8$s} with descriptor {@code %9$s}. */
  UNSTABLE_WORKSPACE_CLASS_FILE_NO_METHOD(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(Carriers.classFile("its class file declares no method %8$s%9$s"))),
  /** Its class file declares the accessor static or without code. */
  UNSTABLE_WORKSPACE_CLASS_FILE_STATIC_OR_NO_CODE(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(Carriers.classFile("its class file declares it static or without code"))),
  /** The accessor's code is not just a field read. */
  UNSTABLE_WORKSPACE_CLASS_FILE_NOT_A_FIELD_READ(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          Carriers.classFile(
              "its code does more than return a field of the carrier (aload_0; getfield; areturn)"))),
  /** The field the code reads is not a field reference. */
  UNSTABLE_WORKSPACE_CLASS_FILE_MALFORMED(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(Carriers.classFile("its class file is malformed"))),
  /** The code reads field {@code %8$s} of {@code %9$s}, another class or another type. */
  UNSTABLE_WORKSPACE_CLASS_FILE_OTHER_FIELD(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(Carriers.classFile("it returns field %8$s of %9$s"))),
  /** The code reads field {@code %8$s}, static or not final. */
  UNSTABLE_WORKSPACE_CLASS_FILE_NON_FINAL_FIELD(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          Carriers.classFile("it returns field %8$s, which is not a final instance field"))),
  /** The code reads field {@code %8$s}, which the class does not declare. */
  UNSTABLE_WORKSPACE_CLASS_FILE_UNDECLARED_FIELD(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspace(
          Carriers.classFile("it returns field %8$s, which its class does not declare"))),
  /** A carrier compiled from source by a compiler without the Trees API. */
  UNSTABLE_WORKSPACE_NO_TREES(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspaceUnverified(
          " cannot be verified to answer the same on every read: rolegate reads a carrier's source"
              + " through javac's Trees API, which this compiler does not offer",
          "Give the parameter the type String or UUID, or compile with javac so that rolegate can"
              + " read %5$s's accessor")),
  /** A carrier from the class path whose class file {@code %8$s} is not found. */
  UNSTABLE_WORKSPACE_NO_CLASS_FILE(
      "UnstableWorkspaceCarrier",
      Kind.ERROR,
      Carriers.workspaceUnverified(
          " cannot be verified to answer the same on every read: its class file %8$s was not found"
              + " on the class path",
          "Give the parameter the type String or UUID, or compile %5$s from source in this"
              + " compilation so that rolegate can read %5$s's accessor")),
  /** {@code %2$s} is the workspace permission, or the permissions, the method needs. */
  MISSING_WORKSPACE(
      "MissingWorkspace",
      Kind.ERROR,
      "%s needs %s but names no workspace. Mark the parameter that names it with @WorkspaceId, or"
          + " add @BoundWorkspace to act on the workspace bound with"
          + " CurrentPrincipal.bind(principal, workspaceId)"),
  /** A method a guarded interface inherits from a type compiled elsewhere. */
  MISSING_WORKSPACE_INHERITED_BY_INTERFACE(
      "MissingWorkspace",
      Kind.ERROR,
      "method %1$s, inherited by %2$s, needs %3$s but names no workspace. Redeclare it in %2$s"
          + " with a @WorkspaceId parameter, or add @BoundWorkspace to %2$s to act on the"
          + " workspace bound with CurrentPrincipal.bind(principal, workspaceId)"),
  /** A method a guarded class inherits from a type compiled elsewhere. */
  MISSING_WORKSPACE_INHERITED_BY_CLASS(
      "MissingWorkspace",
      Kind.ERROR,
      "method %1$s, inherited by %2$s, needs %3$s but names no workspace. Override it in %2$s"
          + " with a @WorkspaceId parameter, or add @BoundWorkspace to %2$s to act on the"
          + " workspace bound with CurrentPrincipal.bind(principal, workspaceId)"),
  /** {@code @AccountId} on a second parameter of one method: {@code %1$s} is the first one. */
  ACCOUNT_ID_TWICE(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId marks both %s and parameter %s of %s. A call acts in one account: keep"
          + " @AccountId on one parameter"),
  /** {@code @AccountId} on a parameter whose method carries {@code @BoundAccount}. */
  ACCOUNT_ID_WITH_BOUND(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %s of %s, which also carries @BoundAccount. A call acts in one"
          + " account: keep @AccountId to check the account the call names, or remove it to"
          + " check the account bound to the caller's context"),
  /** {@code @AccountId} on a parameter of a type that is no id and cannot be a carrier. */
  ACCOUNT_ID_TYPE(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %s of %s of type %s. An account id is a String or a"
          + " java.util.UUID, or a type that carries one (see @AccountId): change the"
          + " parameter's type or move the annotation"),
  /** A carrier record with no marked component: {@code %4$s} is the record. */
  ACCOUNT_ID_UNMARKED_RECORD(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %s of %s of type %s, which carries no account id. Mark the record"
          + " component that holds the account id (a String or UUID) with @AccountId, as in"
          + " record %s(@AccountId String account, ...), or give the parameter the type String"
          + " or UUID"),
  /** A carrier class with no marked accessor: {@code %4$s} is the class. */
  ACCOUNT_ID_UNMARKED_CLASS(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %s of %s of type %s, which carries no account id. Mark the"
          + " no-argument method of %s that returns the account id (a String or UUID) with"
          + " @AccountId, or give the parameter the type String or UUID"),
  /** A carrier with several marked accessors, listed in {@code %4$s}. */
  ACCOUNT_ID_SEVERAL_ACCESSORS(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %s of %s of type %s, which marks more than one accessor with"
          + " @AccountId: %s. A call acts in one account: keep @AccountId on one of them"),
  /** A carrier whose marked accessor returns neither String nor UUID. */
  ACCOUNT_ID_ACCESSOR_TYPE(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %s of %s of type %s, whose @AccountId accessor %s returns %s. An"
          + " account id is a String or a java.util.UUID: change the accessor's return type, or"
          + " mark another accessor"),
  /**
   * A carrier whose marked accessor {@code %4$s}, in package {@code %5$s}, the guard {@code %6$s}
   * in package {@code %7$s} cannot call: the accessor is private.
   */
  ACCOUNT_ID_ACCESSOR_PRIVATE(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %1$s of %2$s of type %3$s, whose @AccountId accessor %4$s is"
          + " private, so %6$s in package %7$s cannot call it. Make %4$s public"),
  /** ACCOUNT_ID_ACCESSOR_PRIVATE for a protected accessor in another package. */
  ACCOUNT_ID_ACCESSOR_PROTECTED(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %1$s of %2$s of type %3$s, whose @AccountId accessor %4$s is"
          + " protected in package %5$s, so %6$s in package %7$s cannot call it. Make %4$s"
          + " public"),
  /** ACCOUNT_ID_ACCESSOR_PRIVATE for a package-private accessor in another package. */
  ACCOUNT_ID_ACCESSOR_PACKAGE_PRIVATE(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %1$s of %2$s of type %3$s, whose @AccountId accessor %4$s is"
          + " package-private in package %5$s, so %6$s in package %7$s cannot call it. Make %4$s"
          + " public"),
  /** One String or UUID parameter marked both {@code @AccountId} and {@code @WorkspaceId}. */
  ACCOUNT_ID_ON_WORKSPACE_ID(
      "AccountIdMisuse",
      Kind.ERROR,
      "@AccountId on parameter %s of %s, which also carries @WorkspaceId. A String or UUID"
          + " parameter names an account or a workspace, not both: keep @WorkspaceId to act in"
          + " that workspace's account, or give the account a parameter of its own"),
  /** {@link #UNSTABLE_WORKSPACE_INTERFACE} for an account carrier. */
  UNSTABLE_ACCOUNT_INTERFACE(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          " is declared by interface %5$s, which any class can implement with an accessor that"
              + " answers differently on each read")),
  /** {@link #UNSTABLE_WORKSPACE_ENUM} for an account carrier. */
  UNSTABLE_ACCOUNT_ENUM(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(" belongs to enum %5$s; a carrier is a record or a final class")),
  /** {@link #UNSTABLE_WORKSPACE_ABSTRACT_CLASS} for an account carrier. */
  UNSTABLE_ACCOUNT_ABSTRACT_CLASS(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          " belongs to abstract class %5$s, whose subclasses can override it to answer"
              + " differently on each read")),
  /** {@link #UNSTABLE_WORKSPACE_NON_FINAL_CLASS} for an account carrier. */
  UNSTABLE_ACCOUNT_NON_FINAL_CLASS(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          " belongs to %5$s, which is not final, so a subclass (an anonymous one, say) can"
              + " override it to answer differently on each read")),
  /** {@link #UNSTABLE_WORKSPACE_INHERITED} for an account carrier. */
  UNSTABLE_ACCOUNT_INHERITED(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          " is inherited from %8$s, not declared in %5$s, so %5$s cannot show that it returns a"
              + " final field of its own")),
  /** {@link #UNSTABLE_WORKSPACE_NOT_COMPONENT} for an account carrier. */
  UNSTABLE_ACCOUNT_NOT_COMPONENT(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(" is not the accessor of a record component of %5$s")),
  /** {@link #UNSTABLE_WORKSPACE_EXPLICIT_RECORD_ACCESSOR} for an account carrier. */
  UNSTABLE_ACCOUNT_EXPLICIT_RECORD_ACCESSOR(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          " is declared explicitly in record %5$s, so it may return something other than the"
              + " component %6$s")),
  /** {@link #UNSTABLE_WORKSPACE_NOT_A_FIELD_READ} for an account carrier. */
  UNSTABLE_ACCOUNT_NOT_A_FIELD_READ(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          " does not just return a field: its body must be exactly return %6$s; of a final field"
              + " declared in %5$s")),
  /** {@link #UNSTABLE_WORKSPACE_STATIC_FIELD} for an account carrier. */
  UNSTABLE_ACCOUNT_STATIC_FIELD(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          " returns static field %8$s; only a final instance field is carried by the carrier"
              + " itself")),
  /** {@link #UNSTABLE_WORKSPACE_NON_FINAL_FIELD} for an account carrier. */
  UNSTABLE_ACCOUNT_NON_FINAL_FIELD(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          " returns field %8$s, which is not final, so a setter or another thread can change it"
              + " between the check and the call")),
  /** {@link #UNSTABLE_WORKSPACE_FIELD_TYPE} for an account carrier. */
  UNSTABLE_ACCOUNT_FIELD_TYPE(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(" returns field %8$s of type %9$s, which is not a String or UUID")),
  /** {@link #UNSTABLE_WORKSPACE_NOT_OWN_FIELD} for an account carrier. */
  UNSTABLE_ACCOUNT_NOT_OWN_FIELD(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(" returns %8$s, which is not a field declared in %5$s")),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_UNREADABLE} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_UNREADABLE(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(Carriers.classFile("its class file cannot be read (%8$s)"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_NOT_A_CLASS_FILE} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_NOT_A_CLASS_FILE(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(Carriers.classFile("its class file is not a class file"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_CLASS_NOT_FINAL} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_CLASS_NOT_FINAL(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(Carriers.classFile("its class file declares the class not final"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_NO_METHOD} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_NO_METHOD(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(Carriers.classFile("its class file declares no method %8$s%9$s"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_STATIC_OR_NO_CODE} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_STATIC_OR_NO_CODE(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(Carriers.classFile("its class file declares it static or without code"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_NOT_A_FIELD_READ} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_NOT_A_FIELD_READ(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          Carriers.classFile(
              "its code does more than return a field of the carrier (aload_0; getfield; areturn)"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_MALFORMED} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_MALFORMED(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(Carriers.classFile("its class file is malformed"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_OTHER_FIELD} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_OTHER_FIELD(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(Carriers.classFile("it returns field %8$s of %9$s"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_NON_FINAL_FIELD} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_NON_FINAL_FIELD(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          Carriers.classFile("it returns field %8$s, which is not a final instance field"))),
  /** {@link #UNSTABLE_WORKSPACE_CLASS_FILE_UNDECLARED_FIELD} for an account carrier. */
  UNSTABLE_ACCOUNT_CLASS_FILE_UNDECLARED_FIELD(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.account(
          Carriers.classFile("it returns field %8$s, which its class does not declare"))),
  /** {@link #UNSTABLE_WORKSPACE_NO_TREES} for an account carrier. */
  UNSTABLE_ACCOUNT_NO_TREES(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.accountUnverified(
          " cannot be verified to answer the same on every read: rolegate reads a carrier's source"
              + " through javac's Trees API, which this compiler does not offer",
          "Give the parameter the type String or UUID, or compile with javac so that rolegate can"
              + " read %5$s's accessor")),
  /** {@link #UNSTABLE_WORKSPACE_NO_CLASS_FILE} for an account carrier. */
  UNSTABLE_ACCOUNT_NO_CLASS_FILE(
      "UnstableAccountCarrier",
      Kind.ERROR,
      Carriers.accountUnverified(
          " cannot be verified to answer the same on every read: its class file %8$s was not found"
              + " on the class path",
          "Give the parameter the type String or UUID, or compile %5$s from source in this"
              + " compilation so that rolegate can read %5$s's accessor")),
  /** {@code %2$s} is the account permission, or the permissions, the method needs. */
  MISSING_ACCOUNT(
      "MissingAccount",
      Kind.ERROR,
      "%s needs %s but names no account. Add @AccountId to the parameter that names the account,"
          + " @BoundAccount to act in the account bound to the caller"
          + " (CurrentPrincipal.bind(principal, account, workspace)), or @WorkspaceId to the"
          + " parameter that names a workspace, to act in that workspace's account"),
  /** A method a guarded interface inherits from a type compiled elsewhere. */
  MISSING_ACCOUNT_INHERITED_BY_INTERFACE(
      "MissingAccount",
      Kind.ERROR,
      "method %1$s, inherited by %2$s, needs %3$s but names no account. Redeclare it in %2$s with"
          + " an @AccountId or @WorkspaceId parameter, or add @BoundAccount to %2$s to act in the"
          + " account bound to the caller (CurrentPrincipal.bind(principal, account, workspace))"),
  /** A method a guarded class inherits from a type compiled elsewhere. */
  MISSING_ACCOUNT_INHERITED_BY_CLASS(
      "MissingAccount",
      Kind.ERROR,
      "method %1$s, inherited by %2$s, needs %3$s but names no account. Override it in %2$s with"
          + " an @AccountId or @WorkspaceId parameter, or add @BoundAccount to %2$s to act in the"
          + " account bound to the caller (CurrentPrincipal.bind(principal, account, workspace))"),
  NO_MATRIX(
      "NoMatrix",
      Kind.ERROR,
      "%s needs a permission matrix, but none is compiled here or on the class path. Add"
          + " dev.rolegate:rolegate-prefect to the dependencies for the bundled Prefect Cloud"
          + " matrix, or compile your own with @PermissionMatrix(\"matrix.md\") on a package"),
  /** A second {@code @PermissionMatrix} package in one compilation. */
  SEVERAL_MATRICES(
      "SeveralMatrices",
      Kind.ERROR,
      "package %s declares a second @PermissionMatrix; package %s already declares one. A"
          + " compilation compiles one matrix: remove one of the two @PermissionMatrix"
          + " annotations, or compile each package in its own module"),
  /** More than one compiled matrix on the class path, and none declared here. */
  SEVERAL_MATRICES_ON_CLASS_PATH(
      "SeveralMatrices",
      Kind.ERROR,
      "the class path holds %d compiled matrices: %s. Keep one matrix on the class path, or"
          + " declare the one this compilation uses with @PermissionMatrix on one of its"
          + " packages"),
  MATRIX_NOT_FOUND(
      "MatrixNotFound",
      Kind.ERROR,
      "@PermissionMatrix(\"%s\") names a file that was not found; looked in: %s. Put the file"
          + " under src/main/resources/%s, where it ships beside the classes, or name it with the"
          + " compiler option -Arolegate.matrix=<path> (Gradle needs the option: it compiles"
          + " with an empty source path and keeps resources out of the class output)"),
  /** The file that {@code -Arolegate.matrix} names cannot be read: the same id, another cause. */
  MATRIX_OPTION_UNREADABLE(
      "MatrixNotFound",
      Kind.ERROR,
      "-Arolegate.matrix=%s names the matrix file of @PermissionMatrix(\"%s\"), but it cannot be"
          + " read: %s. Pass the matrix file's absolute path (a relative one is resolved against"
          + " the compiler's working directory), or drop the option to have the file looked up"
          + " next to package-info.java and under the resources"),
  /**
   * {@code -Arolegate.matrix} is set, but no {@code @PermissionMatrix} package is compiled: a note,
   * since no element carries the option and no {@code @SuppressWarnings} could reach it.
   */
  MATRIX_OPTION_UNUSED(
      "MatrixOptionUnused",
      Kind.NOTE,
      "-Arolegate.matrix=%s is set, but no package of this compilation declares"
          + " @PermissionMatrix, so the file is not read. Drop the option from this compilation,"
          + " or compile the @PermissionMatrix package whose matrix it names in it"),
  /**
   * The file {@code -Arolegate.matrix} names does not lie where the table looks for it at run time
   * ({@code <package>/<file>} under a resources root): a note, as packages take no
   * {@code @SuppressWarnings}.
   */
  MATRIX_OPTION_PATH(
      "MatrixOptionPath",
      Kind.NOTE,
      "-Arolegate.matrix=%1$s does not end with %2$s, the class path resource that the compiled"
          + " table compares itself with when it loads, so unless the build ships the file there"
          + " the table refuses to load (StaleMatrixError). Keep the matrix at"
          + " src/main/resources/%2$s and name that file"),
  /**
   * The matrix was read from the source path, which the build does not ship: the runtime has no
   * file to compare the table with, and Maven does not notice an edit of only the matrix.
   */
  MATRIX_NOT_SHIPPED(
      "MatrixNotShipped",
      Kind.NOTE,
      "@PermissionMatrix(\"%1$s\") was read from the source path, which Maven does not ship with"
          + " the classes: unless the build copies %1$s beside them, the compiled table cannot be"
          + " compared with the file at run time, and a build that recompiles only changed .java"
          + " files (maven-compiler-plugin) keeps a table compiled from an older %1$s after an edit"
          + " of only the matrix. Move it to"
          + " src/main/resources/%2$s/%1$s: the table then refuses to load when it was compiled"
          + " from other text than the file beside it"),
  /**
   * The compiled matrix on the class path was compiled from other text than the matrix file that
   * lies beside it on the class path.
   */
  STALE_MATRIX(
      "StaleMatrix",
      Kind.ERROR,
      "The matrix compiled into package %s was compiled from an older %s: the class path's %s has"
          + " SHA-256 %s…, its capability table was compiled from one with SHA-256 %s…, so an edit"
          + " of the matrix was never compiled and the table refuses to load. Rebuild the module"
          + " that declares @PermissionMatrix from clean (mvn clean install there), then this one"),
  /**
   * A matrix file that is not UTF-8: the first bad byte's number and value. This template and the
   * ones after it, through MATRIX_TOO_MANY_CONSTANTS, start with the file and the line of the
   * mistake, their first two arguments ({@code acme.md:7: }).
   */
  MATRIX_NOT_UTF8(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "byte %,d (0x%02X) is not valid UTF-8; a matrix is a UTF-8 text file (is this a binary"
              + " file, or one saved in another encoding?): save it as UTF-8")),
  MATRIX_NO_PERMISSION_TABLE(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "the file has no Permission table. Add a Markdown table whose header starts with"
              + " | Permission | Level | Includes |")),
  /** A title longer than a string constant holds: its length in bytes. */
  MATRIX_TITLE_TOO_LONG(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "the title (the first # heading) is %d bytes long in UTF-8; generated code holds it in a"
              + " string constant of at most 65,535 bytes: shorten it")),
  /** A table whose first header cell, quoted, is a typo of {@code Permission}. */
  MATRIX_PERMISSION_HEADER_MISSPELT(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "this table's header starts with %s, not Permission, so it would be read as prose and"
              + " its rows ignored. Start its header with | Permission | Level | Includes |")),
  /** A table whose first header cell, quoted, is {@code Roles}. */
  MATRIX_ROLE_HEADER_MISSPELT(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "this table's header starts with %s, not Role, so it would be read as prose and its"
              + " rows ignored. Start its header with | Role | Level | Inherits | Grants |")),
  MATRIX_NO_SEPARATOR(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at("a table header must be followed by a separator row such as |---|---|")),
  /** A table lacking one required column: its name, the header it needs and the one it has. */
  MATRIX_COLUMN_MISSING(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at("this table lacks the %s column; its header must include %s (found: %s)")),
  /** {@link #MATRIX_COLUMN_MISSING} for several columns, their names listed. */
  MATRIX_COLUMNS_MISSING(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at("this table lacks the %s columns; its header must include %s (found: %s)")),
  /** A column a table has more than once: how often, its name, their numbers, the header. */
  MATRIX_COLUMN_TWICE(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at("this table has %d %s columns (columns %s); keep one (found: %s)")),
  /** A table with Permission (or Role) and Level columns whose first column is another. */
  MATRIX_NAME_COLUMN_NOT_FIRST(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "this table has %s and Level columns, but %<s is not its first column, so it would be"
              + " read as prose and its rows ignored; move the %<s column first")),
  /** A row that repeats a table header: its first cell. */
  MATRIX_HEADER_REPEATED(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "this row repeats a table header (%s) inside a table; remove it, or leave a blank line"
              + " before a new table")),
  /** A cell longer than a string constant holds: its length in bytes. */
  MATRIX_CELL_TOO_LONG(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "a cell of this row is %d bytes long in UTF-8; generated code holds each cell in a"
              + " string constant of at most 65,535 bytes: shorten it")),
  /** A row with another number of cells than its header. */
  MATRIX_CELL_COUNT(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "this row has %d cells but the table header has %d; check for a missing or extra |, and"
              + " write a | inside a cell as \\|")),
  /** A workspace role marked {@code (default)}. */
  MATRIX_DEFAULT_NOT_ACCOUNT(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "only an account role can be the default; write \"workspace\" in the Level cell of %s")),
  /** A permission's Level cell that names no level. */
  MATRIX_PERMISSION_LEVEL(
      "MatrixSyntax", Kind.ERROR, Located.at("level \"%s\" is neither workspace nor account")),
  /** A role's Level cell that names no level. */
  MATRIX_ROLE_LEVEL(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at(
          "level \"%s\" is neither workspace nor account (an account role may be marked"
              + " \"account (default)\")")),
  /** An empty name cell: which name it is (permission, role, inherited role, workspace role). */
  MATRIX_NAME_EMPTY(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at("the %s name is empty; names look like DELETE_DEPLOYMENTS")),
  /**
   * A name that is not UPPER_SNAKE_CASE: which name, the name quoted, and the character outside
   * printable ASCII it holds, if any (as in UNKNOWN_PERMISSION).
   */
  MATRIX_NAME_INVALID(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at("%s name %s is not UPPER_SNAKE_CASE%s; names look like DELETE_DEPLOYMENTS")),
  /** An Includes or Grants cell with an item that is no name: the column, the item quoted. */
  MATRIX_NAME_LIST_INVALID(
      "MatrixSyntax",
      Kind.ERROR,
      Located.at("the %s cell must list UPPER_SNAKE_CASE names separated by commas, but has %s%s")),
  MATRIX_DUPLICATE_PERMISSION(
      "MatrixDuplicateName",
      Kind.ERROR,
      Located.at("permission %s is already defined on line %d; give each permission one row")),
  /** A role defined twice at one level: the level, the role, the line of its first row. */
  MATRIX_DUPLICATE_ROLE(
      "MatrixDuplicateName",
      Kind.ERROR,
      Located.at("%s role %s is already defined on line %d; give each role one row")),
  /** A second default account role: it, the first one and its line. */
  MATRIX_DUPLICATE_DEFAULT(
      "MatrixDuplicateName",
      Kind.ERROR,
      Located.at(
          "account role %s is marked (default), but %s on line %d already is; mark one account"
              + " role as the default")),
  /** A permission including a name the matrix does not define, with close names. */
  MATRIX_UNKNOWN_INCLUDE(
      "MatrixUnknownName", Kind.ERROR, Located.unknown("permission %s includes %s", true)),
  /** A permission including a name the matrix does not define, with no close name. */
  MATRIX_UNKNOWN_INCLUDE_NO_CLOSE_NAME(
      "MatrixUnknownName", Kind.ERROR, Located.unknown("permission %s includes %s", false)),
  /** A role granting a name the matrix does not define, with close names. */
  MATRIX_UNKNOWN_GRANT("MatrixUnknownName", Kind.ERROR, Located.unknown("role %s grants %s", true)),
  /** A role granting a name the matrix does not define, with no close name. */
  MATRIX_UNKNOWN_GRANT_NO_CLOSE_NAME(
      "MatrixUnknownName", Kind.ERROR, Located.unknown("role %s grants %s", false)),
  /** A role inheriting a name no role of its level has, with close names. */
  MATRIX_UNKNOWN_INHERITED(
      "MatrixUnknownName", Kind.ERROR, Located.unknown("role %s inherits %s", true)),
  /** A role inheriting a name no role of its level has, with no close name. */
  MATRIX_UNKNOWN_INHERITED_NO_CLOSE_NAME(
      "MatrixUnknownName", Kind.ERROR, Located.unknown("role %s inherits %s", false)),
  /** An account role holding everywhere a name no workspace role has, with close names. */
  MATRIX_UNKNOWN_EVERYWHERE(
      "MatrixUnknownName",
      Kind.ERROR,
      Located.unknown("account role %s holds workspace role %s everywhere", true)),
  /** An account role holding everywhere a name no workspace role has, with no close name. */
  MATRIX_UNKNOWN_EVERYWHERE_NO_CLOSE_NAME(
      "MatrixUnknownName",
      Kind.ERROR,
      Located.unknown("account role %s holds workspace role %s everywhere", false)),
  /** A permission including one of the other level: both levels and names. */
  MATRIX_INCLUDE_LEVEL(
      "MatrixLevelMismatch",
      Kind.ERROR,
      Located.at(
          "%s permission %s includes %s permission %s; a permission can only include permissions"
              + " of its own level")),
  MATRIX_WORKSPACE_ROLE_GRANTS_ACCOUNT_PERMISSION(
      "MatrixLevelMismatch",
      Kind.ERROR,
      Located.at(
          "workspace role %s grants account permission %s; grant it to an account role instead")),
  MATRIX_ACCOUNT_ROLE_GRANTS_WORKSPACE_PERMISSION(
      "MatrixLevelMismatch",
      Kind.ERROR,
      Located.at(
          "account role %s grants workspace permission %s; grant it to a workspace role instead")),
  MATRIX_WORKSPACE_ROLE_INHERITS_ACCOUNT_ROLE(
      "MatrixLevelMismatch",
      Kind.ERROR,
      Located.at(
          "workspace role %s inherits %s, which is only an account role; a role inherits from a"
              + " role of its own level")),
  MATRIX_ACCOUNT_ROLE_INHERITS_WORKSPACE_ROLE(
      "MatrixLevelMismatch",
      Kind.ERROR,
      Located.at(
          "account role %s inherits %s, which is only a workspace role; a role inherits from a"
              + " role of its own level")),
  MATRIX_EVERYWHERE_ON_WORKSPACE_ROLE(
      "MatrixLevelMismatch",
      Kind.ERROR,
      Located.at(
          "workspace role %s names a workspace role everywhere (%s); only account roles hold a"
              + " workspace role everywhere")),
  /**
   * An includes or inherits loop: its path ({@code A (line 5) includes B (line 6) includes A}) and
   * the relation.
   */
  MATRIX_CYCLE(
      "MatrixCycle",
      Kind.ERROR,
      Located.at("cycle: %s; remove one of these %s so the relation has no loop")),
  /** More permissions than a table holds: how many, the most it holds, this row's number. */
  MATRIX_TOO_MANY_PERMISSIONS(
      "MatrixTooLarge",
      Kind.ERROR,
      Located.at(
          "the matrix has %,d permissions; a compiled matrix holds at most %,d (its generated"
              + " capability table sets one constant per permission in a class initializer, which"
              + " the JVM caps at 64 KB). This row is permission %,d: merge or remove"
              + " permissions")),
  /** A table that would need too many constant-pool entries: how many, and the most it may. */
  MATRIX_TOO_MANY_CONSTANTS(
      "MatrixTooLarge",
      Kind.ERROR,
      Located.at(
          "the generated capability table would need about %,d constant-pool entries (one for"
              + " each permission's constant, two for each distinct name, scope and description,"
              + " two for each distinct 64-bit word of the permissions' and roles' closed"
              + " bitsets); a compiled matrix may need at most %,d (the JVM caps a class at"
              + " 65,535): use fewer permissions, roles or distinct descriptions, or simpler"
              + " includes")),
  UNRESOLVED_TYPES(
      "UnresolvedTypes",
      Kind.ERROR,
      "%s was not guarded because its @RequiresPermission values never resolved. Check that"
          + " the constants it names exist and compile"),
  /**
   * A package-private method a guarded class inherits from another package: the same id as
   * UNPROTECTED_METHOD, another cause.
   */
  UNPROTECTED_HIDDEN_METHOD(
      "UnprotectedMethod",
      Kind.ERROR,
      "method %1$s, inherited by %2$s, is package-private in package %3$s, so %4$s cannot override"
          + " it to check the caller, and code in %3$s can still call it. Make it protected or"
          + " public so that the guard checks it, mark it @Unguarded(reason = \"...\") if it is"
          + " meant to be open, or guard an interface instead"),
  /**
   * Open methods of a class guard whose class implements a guarded interface: the same id as
   * UNPROTECTED_METHOD, reported once on the class, since the interface's guard is the one meant.
   */
  GUARDED_IMPLEMENTATION(
      "UnprotectedMethod",
      Kind.ERROR,
      "%1$s carries @RequiresPermission, so Guarded%1$s would extend it and need a permission or"
          + " @Unguarded on each of its methods, but it implements %2$s, which is already guarded:"
          + " %3$s is its guard. Remove @RequiresPermission from %1$s and wrap an instance with"
          + " %3$s.wrap(instance, principals), or annotate every method of %1$s if a class guard"
          + " is meant"),
  /** A final method of a guarded class: the same id as UNPROTECTED_METHOD, another cause. */
  UNPROTECTED_FINAL_METHOD(
      "UnprotectedMethod",
      Kind.ERROR,
      "%s is final, so %s cannot override it to check the caller and would leave it open. Make it"
          + " non-final so that the guard can check it, or mark it @Unguarded(reason = \"...\")"
          + " if it is meant to be open"),
  /** A final method a guarded class inherits: the same cause as UNPROTECTED_FINAL_METHOD. */
  UNPROTECTED_INHERITED_FINAL_METHOD(
      "UnprotectedMethod",
      Kind.ERROR,
      "method %s, inherited by %s, is final, so %s cannot override it to check the caller and"
          + " would leave it open. Make it non-final so that the guard can check it, or mark it"
          + " @Unguarded(reason = \"...\") if it is meant to be open"),
  DUPLICATE_PERMISSION(
      "DuplicatePermission",
      Kind.WARNING,
      "@RequiresPermission on %s lists %s twice in %s. Remove the second %s"),
  REDUNDANT_PERMISSION(
      "RedundantPermission",
      Kind.WARNING,
      "@RequiresPermission on %s requires %s, which %s, also required, already implies. Remove"
          + " %s"),
  /** An anyOf name that implies another; the names no other implies, {@code %4$s}, are one. */
  WEAKENED_ANY_OF(
      "WeakenedAnyOf",
      Kind.WARNING,
      "%1$s in anyOf of @RequiresPermission on %2$s implies %3$s, also listed, so it lets no one"
          + " else in: the list means %4$s alone. Write @RequiresPermission(%4$s), or remove %3$s"
          + " if only holders of %1$s should pass"),
  /** WEAKENED_ANY_OF where several names, {@code %4$s}, imply no other. */
  WEAKENED_ANY_OF_SEVERAL(
      "WeakenedAnyOf",
      Kind.WARNING,
      "%1$s in anyOf of @RequiresPermission on %2$s implies %3$s, also listed, so it lets no one"
          + " else in: the list means anyOf = {%4$s}. Write @RequiresPermission(anyOf = {%4$s}),"
          + " or remove %3$s if only holders of %1$s should pass"),
  /** A permission no role grants, required by a method. */
  UNGRANTED_PERMISSION(
      "UngrantedPermission",
      Kind.WARNING,
      "No role of matrix %1$s grants %2$s, so no role can call %3$s (only a custom role holding"
          + " %2$s could). Grant %2$s to a role in %4$s, or require a permission that a role"
          + " holds"),
  /** UNGRANTED_PERMISSION, required by the default of type {@code %3$s}. */
  UNGRANTED_PERMISSION_DEFAULT(
      "UngrantedPermission",
      Kind.WARNING,
      "No role of matrix %1$s grants %2$s, so no role can call the methods of %3$s that use this"
          + " default (only a custom role holding %2$s could). Grant %2$s to a role in %4$s, or"
          + " require a permission that a role holds"),
  /** An anyOf list of several permissions none of which a role grants, on a method. */
  UNGRANTED_ANY_OF(
      "UngrantedPermission",
      Kind.WARNING,
      "No role of matrix %1$s grants any of %2$s, so no role can call %3$s (only a custom role"
          + " holding one of them could). Grant one of them to a role in %4$s, or require a"
          + " permission that a role holds"),
  /** UNGRANTED_ANY_OF in the default of type {@code %3$s}. */
  UNGRANTED_ANY_OF_DEFAULT(
      "UngrantedPermission",
      Kind.WARNING,
      "No role of matrix %1$s grants any of %2$s, so no role can call the methods of %3$s that use"
          + " this default (only a custom role holding one of them could). Grant one of them to a"
          + " role in %4$s, or require a permission that a role holds"),
  /**
   * A guarded method calls another whose requirement its own does not imply (the arguments of every
   * UNCOVERED_CALL_* template: the caller, its requirement, the callee, the callee's requirement,
   * {@code %5$s} the roles that pass the first check, {@code %6$s} the guard): an
   * {@code @Unguarded} caller; on {@code this} in an interface, unchecked.
   */
  UNCOVERED_CALL_UNGUARDED_THIS_INTERFACE(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.UNGUARDED, Calls.EVERY_CALLER_PASSES, Calls.THIS_INTERFACE)),
  /** Uncovered: an {@code @Unguarded} caller; on {@code this} in a class. */
  UNCOVERED_CALL_UNGUARDED_THIS_CLASS(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.UNGUARDED, Calls.EVERY_CALLER_PASSES, Calls.THIS_CLASS)),
  /** Uncovered: an {@code @Unguarded} caller; a super call, unchecked. */
  UNCOVERED_CALL_UNGUARDED_SUPER(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.UNGUARDED, Calls.EVERY_CALLER_PASSES, Calls.SUPER)),
  /** Uncovered: an {@code @Unguarded} caller; on another receiver. */
  UNCOVERED_CALL_UNGUARDED_OTHER(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.UNGUARDED, Calls.EVERY_CALLER_PASSES, Calls.OTHER)),
  /** Uncovered: roles {@code %5$s} pass the first check; on {@code this} in an interface. */
  UNCOVERED_CALL_ROLES_THIS_INTERFACE(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.GUARDED, Calls.ROLES_PASS, Calls.THIS_INTERFACE)),
  /** Uncovered: roles {@code %5$s} pass the first check; on {@code this} in a class. */
  UNCOVERED_CALL_ROLES_THIS_CLASS(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.GUARDED, Calls.ROLES_PASS, Calls.THIS_CLASS)),
  /** Uncovered: roles {@code %5$s} pass the first check; a super call, unchecked. */
  UNCOVERED_CALL_ROLES_SUPER(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.GUARDED, Calls.ROLES_PASS, Calls.SUPER)),
  /** Uncovered: roles {@code %5$s} pass the first check; on another receiver. */
  UNCOVERED_CALL_ROLES_OTHER(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.GUARDED, Calls.ROLES_PASS, Calls.OTHER)),
  /** Uncovered: only a custom role passes the first check; on {@code this} in an interface. */
  UNCOVERED_CALL_CUSTOM_ROLE_THIS_INTERFACE(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.GUARDED, Calls.CUSTOM_ROLE_PASSES, Calls.THIS_INTERFACE)),
  /** Uncovered: only a custom role passes the first check; on {@code this} in a class. */
  UNCOVERED_CALL_CUSTOM_ROLE_THIS_CLASS(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.GUARDED, Calls.CUSTOM_ROLE_PASSES, Calls.THIS_CLASS)),
  /** Uncovered: only a custom role passes the first check; a super call, unchecked. */
  UNCOVERED_CALL_CUSTOM_ROLE_SUPER(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.GUARDED, Calls.CUSTOM_ROLE_PASSES, Calls.SUPER)),
  /** Uncovered: only a custom role passes the first check; on another receiver. */
  UNCOVERED_CALL_CUSTOM_ROLE_OTHER(
      "UncoveredGuardedCall",
      Kind.WARNING,
      Calls.template(Calls.GUARDED, Calls.CUSTOM_ROLE_PASSES, Calls.OTHER)),
  /** The compiler offers no Trees API, so no UNCOVERED_CALL_* can be checked. */
  CALL_GRAPH_CHECK_OFF(
      "CallGraphCheckOff",
      Kind.WARNING,
      "%s, so rolegate cannot read method bodies and the [UncoveredGuardedCall] check is off: no"
          + " call in %s or in any other guarded type of this compilation is checked against its"
          + " caller's requirement. Compile with javac (module jdk.compiler) to have calls"
          + " checked, or add @SuppressWarnings(\"CallGraphCheckOff\") to %s with a comment saying"
          + " why; the warning then goes to the next guarded type with method bodies"),
  /** {@code @WorkspaceId} on parameter {@code %1$s} of {@code %2$s}, an unguarded method. */
  UNUSED_WORKSPACE_ID(
      "UnusedWorkspaceId",
      Kind.WARNING,
      "@WorkspaceId marks parameter %s of %s, which is @Unguarded, so its guard checks nothing"
          + " and never reads the workspace. Remove @WorkspaceId, or guard the method with"
          + " @RequiresPermission"),
  /** {@code @AccountId} on parameter {@code %1$s} of {@code %2$s}, an unguarded method. */
  UNUSED_ACCOUNT_ID(
      "UnusedAccountId",
      Kind.WARNING,
      "@AccountId marks parameter %s of %s, which is @Unguarded, so its guard checks nothing and"
          + " never reads the account. Remove @AccountId, or guard the method with"
          + " @RequiresPermission"),
  /**
   * A method of a guarded interface returning the type or a supertype: the method {@code %1$s},
   * what it returns, the interface, its guard.
   */
  RETURNS_GUARDED_TYPE("ReturnsGuardedType", Kind.WARNING, Returns.declared(Returns.TYPE)),
  /**
   * RETURNS_GUARDED_TYPE for a method inherited by {@code %5$s} from a type without source here.
   */
  RETURNS_GUARDED_TYPE_INHERITED(
      "ReturnsGuardedType", Kind.WARNING, Returns.inherited(5, Returns.TYPE)),
  /** A method of a guarded class: the same id as RETURNS_GUARDED_TYPE, another guard. */
  RETURNS_GUARDED_CLASS("ReturnsGuardedType", Kind.WARNING, Returns.declared(Returns.CLASS)),
  /** RETURNS_GUARDED_CLASS for a method inherited by {@code %5$s}. */
  RETURNS_GUARDED_CLASS_INHERITED(
      "ReturnsGuardedType", Kind.WARNING, Returns.inherited(5, Returns.CLASS)),
  /**
   * A method returning a proper subtype of its guarded type (interface or class): the same id as
   * RETURNS_GUARDED_TYPE; the guard refuses what it cannot stand in for.
   */
  RETURNS_GUARDED_SUBTYPE("ReturnsGuardedType", Kind.WARNING, Returns.declared(Returns.SUBTYPE)),
  /** RETURNS_GUARDED_SUBTYPE for a method inherited by {@code %6$s}. */
  RETURNS_GUARDED_SUBTYPE_INHERITED(
      "ReturnsGuardedType", Kind.WARNING, Returns.inherited(6, Returns.SUBTYPE)),
  /**
   * A method returning a type that holds the guarded type, a supertype or a subtype of it as an
   * array component, a type argument or a wildcard bound: the same id as RETURNS_GUARDED_TYPE; the
   * guard sees only the returned value. The method {@code %1$s}, what it returns, what it can hold
   * and where ({@code %4$s}), the guard of the interface.
   */
  RETURNS_GUARDED_CONTAINER(
      "ReturnsGuardedType", Kind.WARNING, Returns.declared(Returns.container(Returns.WRAPPED))),
  /** RETURNS_GUARDED_CONTAINER for a method inherited by {@code %6$s}. */
  RETURNS_GUARDED_CONTAINER_INHERITED(
      "ReturnsGuardedType", Kind.WARNING, Returns.inherited(6, Returns.container(Returns.WRAPPED))),
  /** RETURNS_GUARDED_CONTAINER of a guarded class, whose guards are made with new. */
  RETURNS_GUARDED_CLASS_CONTAINER(
      "ReturnsGuardedType", Kind.WARNING, Returns.declared(Returns.container(Returns.MADE))),
  /** RETURNS_GUARDED_CLASS_CONTAINER for a method inherited by {@code %6$s}. */
  RETURNS_GUARDED_CLASS_CONTAINER_INHERITED(
      "ReturnsGuardedType", Kind.WARNING, Returns.inherited(6, Returns.container(Returns.MADE))),
  /**
   * The access the compilation computes differs from the access lock file: one error listing every
   * change, widening first (docs/access-lock.md).
   */
  ACCESS_CHANGED(
      "AccessChanged",
      Kind.ERROR,
      "The access rolegate computes differs from the access lock %s in %s, widening first:\n%s\n"
          + "Each change needs a reviewer. To accept them, rewrite the lock with the compiler"
          + " option -Arolegate.accessLock.update=true and commit it with the change. %s"),
  /**
   * Only narrowing changes, with {@code -Arolegate.accessLock.narrowing=warn}: the same id as
   * ACCESS_CHANGED, as a warning on the compilation (no element carries it).
   */
  ACCESS_NARROWED(
      "AccessChanged",
      Kind.WARNING,
      "The access rolegate computes is narrower than the access lock %s in %s:\n%s\n"
          + "-Arolegate.accessLock.narrowing=warn makes this a warning. To record it, rewrite the"
          + " lock with the compiler option -Arolegate.accessLock.update=true and commit it. %s"),
  /** {@code -Arolegate.accessLock} names a file that does not exist. */
  ACCESS_LOCK_MISSING(
      "AccessLockInvalid",
      Kind.ERROR,
      "-Arolegate.accessLock=%s names no file, so there is no access to compare with. Create it:"
          + " compile once with -Arolegate.accessLock.update=true, review the file and commit it."
          + " %s"),
  /** The lock file cannot be read: {@code %2$s} is the I/O exception. */
  ACCESS_LOCK_UNREADABLE(
      "AccessLockInvalid",
      Kind.ERROR,
      "The access lock %s cannot be read: %s. Check the path and the file's permissions"),
  /** The lock file is not UTF-8: {@code %2$d} is the line of its first byte that is not. */
  ACCESS_LOCK_NOT_UTF8(
      "AccessLockInvalid",
      Kind.ERROR,
      "The access lock %s is not UTF-8: line %d holds a byte that is not. Save it as UTF-8, or "
          + LockLines.REWRITE),
  /** A line of the lock file is no lock line: {@code %3$s} is the line, quoted. */
  ACCESS_LOCK_NOT_A_LOCK_LINE(
      "AccessLockInvalid",
      Kind.ERROR,
      "The access lock %s is malformed: line %d: %s is not a lock line. A lock line reads call"
          + " <type> <operation> <fact> or role workspace|account <ROLE> [<fact>]"
          + " (docs/access-lock.md). Fix the line, or "
          + LockLines.REWRITE),
  /**
   * A line gives a method or permission ({@code %3$s}) a second fact ({@code %5$s}) of a kind it
   * has one of ({@code %4$s}: its requirement, where it reads the workspace...); line {@code %6$d}
   * gives it {@code %7$s}. The subject and the facts are quoted.
   */
  ACCESS_LOCK_SECOND_FACT(
      "AccessLockInvalid",
      Kind.ERROR,
      "The access lock %s is malformed: line %d gives %s a second %s fact, %s, where line %d"
          + " gives it %s. Keep one of the two lines, or "
          + LockLines.REWRITE),
  /** The lock file cannot be written on update: {@code %2$s} is the I/O exception. */
  ACCESS_LOCK_UNWRITABLE(
      "AccessLockInvalid",
      Kind.ERROR,
      "The access lock %s cannot be written: %s. Check that its folder exists and can be written"
          + " to"),
  /**
   * {@code -Arolegate.accessLock.update=true} rewrote the lock: how many changes it accepts and the
   * list of them. A note, so a build with {@code -Werror} passes.
   */
  ACCESS_LOCK_UPDATED(
      "AccessLockUpdated",
      Kind.NOTE,
      "-Arolegate.accessLock.update=true wrote the access lock %s: it accepts %s, widening"
          + " first:\n%s"),
  /** ACCESS_LOCK_UPDATED where the rewrite changed nothing. */
  ACCESS_LOCK_UNCHANGED(
      "AccessLockUpdated",
      Kind.NOTE,
      "-Arolegate.accessLock.update=true wrote the access lock %s: nothing changed"),
  /** ACCESS_LOCK_UPDATED where there was no readable lock before: the lines it holds. */
  ACCESS_LOCK_CREATED(
      "AccessLockUpdated",
      Kind.NOTE,
      "-Arolegate.accessLock.update=true wrote the access lock %s: it holds %d lines (there was"
          + " no readable lock to compare with)"),
  /**
   * The lock names guarded types this compilation finds only as class files (a partial
   * compilation): their lines are not compared.
   */
  ACCESS_LOCK_NOT_COMPARED(
      "AccessLockNotCompared",
      Kind.NOTE,
      "The access lock %s names %s, which this compilation does not compile from source (a"
          + " partial compilation), so their lines were not compared. A full build (mvn clean"
          + " compile) compares them"),
  /** ACCESS_LOCK_NOT_COMPARED on update: the lines of those types are kept, not dropped. */
  ACCESS_LOCK_KEPT(
      "AccessLockNotCompared",
      Kind.NOTE,
      "The access lock %s names %s, which this compilation does not compile from source (a"
          + " partial compilation), so their lines were kept as they were. A full build (mvn"
          + " clean compile) compares them"),
  /** {@code -Arolegate.accessLock} names no file path: {@code %2$s} says why. */
  ACCESS_LOCK_OPTION(
      "AccessLockInvalid", Kind.ERROR, "-A%s=%s is not valid: it is not a file path (%s)"),
  /** {@code -Arolegate.accessLock} is blank. */
  ACCESS_LOCK_OPTION_BLANK(
      "AccessLockInvalid",
      Kind.ERROR,
      "-A%s=%s is not valid: name the lock file, e.g. -Arolegate.accessLock=rolegate-access.lock"),
  /** {@code -Arolegate.accessLock.update} is neither true nor false. */
  ACCESS_LOCK_UPDATE_OPTION(
      "AccessLockInvalid",
      Kind.ERROR,
      "-A%s=%s is not valid: give true (rewrite the lock file) or false (compare with it)"),
  /** {@code -Arolegate.accessLock.update=true} without {@code -Arolegate.accessLock}. */
  ACCESS_LOCK_UPDATE_WITHOUT_LOCK(
      "AccessLockInvalid",
      Kind.ERROR,
      "-A%s=%s is not valid: it rewrites the file that -Arolegate.accessLock=<path> names, and"
          + " that option is not set. Add it"),
  /** {@code -Arolegate.accessLock.narrowing} is neither error nor warn. */
  ACCESS_LOCK_NARROWING_OPTION(
      "AccessLockInvalid",
      Kind.ERROR,
      "-A%s=%s is not valid: give error (narrowing fails the build, the default) or warn (a"
          + " warning)"),
  GENERATED_NAME_CLASH(
      "GeneratedNameClash",
      Kind.ERROR,
      "@PermissionMatrix on package %s generates %s, but a type of that name already exists."
          + " Rename or move that type: a @PermissionMatrix package receives Permissions,"
          + " WorkspaceRoles, AccountRoles and %s"),
  /**
   * The guard of an interface would take the name of a type that rolegate did not generate: the
   * same id as GENERATED_NAME_CLASH, reported on the guarded interface.
   */
  GUARD_NAME_TAKEN_INTERFACE(
      "GeneratedNameClash",
      Kind.ERROR,
      "@RequiresPermission cannot guard interface %s: its guard would be %s, but a type of that"
          + " name already exists. Rename or move that type: rolegate names the guard of"
          + " Outer.Inner GuardedOuter_Inner, in the same package"),
  /** GUARD_NAME_TAKEN_INTERFACE for a guarded class. */
  GUARD_NAME_TAKEN_CLASS(
      "GeneratedNameClash",
      Kind.ERROR,
      "@RequiresPermission cannot guard class %s: its guard would be %s, but a type of that name"
          + " already exists. Rename or move that type: rolegate names the guard of Outer.Inner"
          + " GuardedOuter_Inner, in the same package"),
  /**
   * Two guarded types whose guards have one name ({@code Outer.Inner} and {@code Outer_Inner}), the
   * second an interface.
   */
  GUARD_NAME_SHARED_INTERFACE(
      "GeneratedNameClash",
      Kind.ERROR,
      "@RequiresPermission cannot guard interface %s: its guard would be %s, which is already the"
          + " guard of %s. Rename one of the two types: rolegate names the guard of Outer.Inner"
          + " GuardedOuter_Inner, in the same package"),
  /** GUARD_NAME_SHARED_INTERFACE, the second type a class. */
  GUARD_NAME_SHARED_CLASS(
      "GeneratedNameClash",
      Kind.ERROR,
      "@RequiresPermission cannot guard class %s: its guard would be %s, which is already the guard"
          + " of %s. Rename one of the two types: rolegate names the guard of Outer.Inner"
          + " GuardedOuter_Inner, in the same package"),
  /**
   * Printed by {@code dev.rolegate.annotations.processing.MissingProcessorCheck} (in
   * rolegate-annotations, which cannot see this enum) when this processor did not run; listed here
   * so that every id is in one place, and a test keeps the two messages equal.
   */
  PROCESSOR_NOT_RUN(
      "ProcessorNotRun",
      Kind.ERROR,
      "rolegate's annotation processor did not run: rolegate-annotations is on the class path, but"
          + " dev.rolegate:rolegate-processor is not on the annotation processor path, so nothing"
          + " rolegate generates (Permissions, WorkspaceRoles, AccountRoles, Guarded<Type>) exists"
          + " and javac reports each use of it as \"cannot find symbol\". Add the processor: with"
          + " Maven, to maven-compiler-plugin's <configuration>: <annotationProcessorPaths><path>"
          + "<groupId>dev.rolegate</groupId><artifactId>rolegate-processor</artifactId>"
          + "<version>%1$s</version></path></annotationProcessorPaths>; with Gradle, to the"
          + " dependencies: annotationProcessor \"dev.rolegate:rolegate-processor:%1$s\""),
  INTERNAL_ERROR(
      "InternalError",
      Kind.ERROR,
      "rolegate failed while processing %s: %s. This is a bug in rolegate, not in your code;"
          + " please report it with this message at https://github.com/rolegate/rolegate/issues."
          + " Stack trace:%n%s");

  private final String id;
  private final Kind kind;
  private final String format;

  Diagnostic(String id, Kind kind, String format) {
    this.id = id;
    this.kind = kind;
    this.format = format;
  }

  /** Returns the stable id, e.g. {@code UnknownPermission}. */
  public String id() {
    return id;
  }

  /** Returns whether this is an error, a warning or a note. */
  public Kind kind() {
    return kind;
  }

  /** Returns the message template, in {@link String#format} syntax, without the id. */
  public String template() {
    return format;
  }

  /**
   * Returns the template after the {@code <file>:<line>: } location that the template of a matrix
   * problem starts with.
   *
   * @throws IllegalStateException if this is not a matrix problem's diagnostic
   */
  public String templateAfterLocation() {
    if (!format.startsWith(Located.LOCATION)) {
      throw new IllegalStateException(this + " is not located in a matrix file");
    }
    return format.substring(Located.LOCATION.length());
  }

  /** Returns the full message: {@code [Id] } and the formatted text. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(format, args);
  }

  /**
   * The start of every matrix problem's template, the file and the line of the mistake ({@code
   * acme.md:7: }), and the parts the unknown-name templates share.
   */
  private static final class Located {
    static final String LOCATION = "%s:%d: ";

    private Located() {}

    static String at(String cause) {
      return LOCATION + cause;
    }

    /** A relation naming what the matrix does not define, with close names or none. */
    static String unknown(String relation, boolean closeNames) {
      return at(
          relation
              + ", which the matrix does not define. "
              + (closeNames
                  ? "Did you mean %s? Otherwise define it in its table"
                  : "Define it in its table, or name one that is defined"));
    }
  }

  /**
   * Returns the arguments of a template that starts with a file and a line ({@code %s:%d: } or
   * {@code ... %s ... line %d}): {@code file}, {@code line}, then {@code rest}.
   */
  public static Object[] located(String file, int line, List<Object> rest) {
    List<Object> all = new ArrayList<>(rest.size() + 2);
    all.add(file);
    all.add(line);
    all.addAll(rest);
    return all.toArray();
  }

  /** The way out every unusable access lock shares. */
  private static final class LockLines {
    static final String REWRITE =
        "rewrite the file with -Arolegate.accessLock.update=true and review its diff";

    private LockLines() {}
  }

  /**
   * The parts that the unstable-carrier templates share: the parameter and its accessor, why a
   * second read matters, and the stable form to use.
   */
  private static final class Carriers {
    private static final String WORKSPACE =
        "@WorkspaceId on parameter %1$s of %2$s of type %3$s, whose @WorkspaceId accessor %4$s";
    private static final String WORKSPACE_WHY =
        ". The guard checks the workspace id it reads from"
            + " the carrier once, and the delegate reads it again, so an accessor that can answer"
            + " differently lets the call act on a workspace that was never checked. ";
    private static final String ACCOUNT =
        "@AccountId on parameter %1$s of %2$s of type %3$s, whose @AccountId accessor %4$s";
    private static final String ACCOUNT_WHY =
        ". The guard checks the account id it reads from"
            + " the carrier once, and the delegate reads it again, so an accessor that can answer"
            + " differently lets the call act in an account that was never checked. ";

    private Carriers() {}

    static String workspace(String cause) {
      return workspaceUnverified(cause, stableForm("@WorkspaceId"));
    }

    static String workspaceUnverified(String cause, String fix) {
      return WORKSPACE + cause + WORKSPACE_WHY + fix;
    }

    static String account(String cause) {
      return accountUnverified(cause, stableForm("@AccountId"));
    }

    static String accountUnverified(String cause, String fix) {
      return ACCOUNT + cause + ACCOUNT_WHY + fix;
    }

    /** The cause of a carrier from the class path: what its accessor's code was found to do. */
    static String classFile(String finding) {
      return " does not just return a final field of %5$s (it comes from the class path, so its"
          + " code was read: "
          + finding
          + ")";
    }

    /** The record form or the final-class form of a carrier, or a plain id parameter. */
    private static String stableForm(String marker) {
      return "Make %5$s a record that marks its component and declares no accessor for it, as in"
          + " record %5$s("
          + marker
          + " %7$s %6$s, ...) {}, or a final class whose "
          + marker
          + " method %6$s() is exactly return %6$s; of a final %7$s field it declares; or give"
          + " the parameter the type String or UUID";
    }
  }

  /**
   * The RETURNS_GUARDED_* templates: what a method returns, after the method ({@code %1$s}) as
   * declared in the guarded type or as inherited from a type without source here.
   */
  private static final class Returns {
    static final String TYPE =
        "%2$s, which can hold the implementation itself or another %3$s. %4$s returns itself in"
            + " place of its delegate and wraps any other %3$s that is not a guard in a new %4$s"
            + " with the same principal source, but it cannot reach an implementation inside what"
            + " is returned (a field of another returned object, a collection, an Optional). Keep"
            + " implementations out of returned objects, or put guards there (%4$s.wrap(...));"
            + " then add @SuppressWarnings(\"ReturnsGuardedType\") with a comment saying why";
    static final String CLASS =
        "%2$s, which can hold an instance of %3$s. %4$s passes on a %4$s (this, or the copy"
            + " super.clone() makes) and throws IllegalStateException for a %3$s that is not one"
            + " (made with new %3$s(...)), so that it never reaches the caller, but it cannot reach"
            + " a %3$s inside what is returned (a field of another returned object, a collection,"
            + " an Optional). Create instances with new %4$s(...) and keep them out of returned"
            + " objects; then add @SuppressWarnings(\"ReturnsGuardedType\") with a comment saying"
            + " why";
    static final String SUBTYPE =
        "%2$s, a subtype of %3$s that %4$s is not, so %4$s cannot stand in for the result: it"
            + " throws IllegalStateException when the result is the implementation itself or any"
            + " other %2$s that is not a guard of %2$s, which would reach the caller unguarded, and"
            + " passes null and a guard. Return a guard of %2$s (%5$s) or data instead; then add"
            + " @SuppressWarnings(\"ReturnsGuardedType\") with a comment saying why";

    /** How guards of an interface are made, for {@link #container}. */
    static final String WRAPPED = "%5$s.wrap(...) around each";

    /** How guards of a class are made, for {@link #container}. */
    static final String MADE = "instances made with new %5$s(...)";

    private Returns() {}

    /** What a method returns that holds the type; {@code guards} says how guards are made. */
    static String container(String guards) {
      return "%2$s, which can hold %3$s inside it (%4$s). %5$s checks the returned value itself,"
          + " not what it holds, so an implementation inside reaches the caller unguarded. Return"
          + " guards there ("
          + guards
          + ") or data instead; then add @SuppressWarnings(\"ReturnsGuardedType\") with a"
          + " comment saying why";
    }

    static String declared(String returned) {
      return "%1$s returns " + returned;
    }

    /** {@code inheritor}: the position of the argument naming the guarded type. */
    static String inherited(int inheritor, String returned) {
      return "method %1$s, inherited by %" + inheritor + "$s, returns " + returned;
    }
  }

  /**
   * The parts that the uncovered-call templates share and combine: who passes the caller's check
   * but not the callee's, and what happens to the inner call at run time.
   */
  private static final class Calls {
    static final String GUARDED = "%1$s requires %2$s but calls %3$s, which requires %4$s. ";
    static final String UNGUARDED =
        "%1$s requires no permission (it is @Unguarded) but calls %3$s, which requires %4$s. ";
    static final String EVERY_CALLER_PASSES =
        "Every caller, authenticated or not, passes the first check";
    static final String ROLES_PASS = "Callers with %5$s pass the first check but not the second";
    static final String CUSTOM_ROLE_PASSES =
        "No role of the matrix passes the first check and"
            + " fails the second, but a custom role can";
    static final String THIS_INTERFACE =
        "The guard checks only the outer call: the inner one runs"
            + " on the delegate unchecked, an escalation path";
    static final String THIS_CLASS =
        "%6$s checks the inner call too, so it fails for them with AccessDeniedException";
    static final String SUPER =
        "A super call bypasses the guard: the inner call runs unchecked, an escalation path";
    static final String OTHER =
        "The inner call is checked only if its receiver is a guard;"
            + " otherwise it runs unchecked, an escalation path";
    private static final String FIX =
        ". Give %1$s a requirement that implies %3$s's, or add"
            + " @SuppressWarnings(\"UncoveredGuardedCall\") to it (or to the local variable the call"
            + " initializes) with a comment saying why the call is safe";

    private Calls() {}

    static String template(String call, String who, String inner) {
      return call + who + ". " + inner + FIX;
    }
  }
}

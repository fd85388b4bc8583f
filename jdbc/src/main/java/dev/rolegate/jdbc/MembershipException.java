package dev.rolegate.jdbc;

import java.util.Objects;

/**
 * A membership read or change that rolegate-jdbc refused, with the {@link Reason} and a message
 * that says what was wrong and how to fix it. Messages carry ids and role names (quoted by the
 * runtime's one name rule), never other data; a refused change wrote nothing.
 */
public class MembershipException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a read or a change was refused. */
  public enum Reason {
    /** An id or role name breaks the stored-name rule of {@link StoredNames}. */
    INVALID_NAME,
    /** A role name the matrix (or the account's custom roles) does not have at that level. */
    UNKNOWN_ROLE,
    /** An account, workspace, member or service account that does not exist. */
    NOT_FOUND,
    /** An id already taken, or a membership that already exists. */
    DUPLICATE,
    /** A workspace role for someone who is not a member of the workspace's account. */
    NOT_A_MEMBER,
    /**
     * A service account used where only a user may be (a second account, removal instead of
     * deletion).
     */
    SERVICE_ACCOUNT,
    /** A grant or a change of a role stronger than the acting principal's own. */
    ESCALATION,
    /** The acting principal no longer holds the permission in the database. */
    NOT_PERMITTED,
    /** The change would leave the account without an OWNER. */
    LAST_OWNER,
    /**
     * Stored rows that form no valid principal (a service account that is a member of a second
     * account, say): written around rolegate's operations; fix the rows.
     */
    INVALID_ROWS,
    /** The database failed; nothing was written. */
    STORE_FAILURE
  }

  private final Reason reason;

  /** Creates the exception. */
  public MembershipException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Creates the exception with its cause. */
  public MembershipException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the read or change was refused. */
  public Reason reason() {
    return reason;
  }
}

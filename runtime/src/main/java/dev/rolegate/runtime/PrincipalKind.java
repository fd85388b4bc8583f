package dev.rolegate.runtime;

/** What a principal is: a person or a key held by a machine. */
public enum PrincipalKind {
  /** A person signed in to the account. */
  USER,
  /** A service account: an API key used by a worker, a CI job or another service. */
  SERVICE_ACCOUNT;

  /** Returns how messages name this kind, e.g. {@code "service account"}. */
  public String word() {
    return this == USER ? "user" : "service account";
  }
}

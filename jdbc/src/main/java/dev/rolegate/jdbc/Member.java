package dev.rolegate.jdbc;

import dev.rolegate.runtime.PrincipalKind;

/**
 * A member of an account or a workspace: the principal's id, whether it is a user or a service
 * account, and its role there (an account role, or a workspace role).
 */
public record Member(String principal, PrincipalKind kind, String role) {}

package dev.rolegate.spring;

import dev.rolegate.jdbc.JdbcMembershipStore;
import dev.rolegate.jdbc.MembershipException;
import dev.rolegate.runtime.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Resolves a request's principal from the database: its id is the name of Spring Security's
 * authentication, its roles are the database's, and the credentials' authorities are ignored. Reads
 * what the request acts on: with a workspace in the path, the caller's roles there ({@link
 * JdbcMembershipStore#principalIn}); else with an account in the path, its role there ({@link
 * JdbcMembershipStore#principalInAccount}); else the caller with no workspace. Nothing is cached: a
 * role revoked in the database is gone from the next request, on every node.
 *
 * <p>An id that could never be stored, a stored role the matrix lacks and stored rows that form no
 * valid principal are refused as {@link PrincipalMappingException} (HTTP 401); any other failure
 * propagates, and the filter refuses the request with HTTP 401 too: a request is never let through
 * without a principal from the database.
 */
public class JdbcPrincipalResolver implements PrincipalResolver {
  private final JdbcMembershipStore store;
  private final WorkspacePath workspacePath;
  private final AccountPath accountPath;

  /** Creates the resolver. */
  public JdbcPrincipalResolver(
      JdbcMembershipStore store, WorkspacePath workspacePath, AccountPath accountPath) {
    this.store = Objects.requireNonNull(store, "store");
    this.workspacePath = Objects.requireNonNull(workspacePath, "workspacePath");
    this.accountPath = Objects.requireNonNull(accountPath, "accountPath");
  }

  @Override
  public Principal resolve(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    String id = authentication.getName();
    try {
      Optional<String> workspace = workspacePath.workspace(request);
      if (workspace.isPresent()) {
        return store.principalIn(id, workspace.get());
      }
      Optional<String> account = accountPath.account(request);
      if (account.isPresent()) {
        return store.principalInAccount(id, account.get());
      }
      return store.principalInAccount(id, null);
    } catch (MembershipException e) {
      switch (e.reason()) {
        case INVALID_NAME, UNKNOWN_ROLE, INVALID_ROWS ->
            throw new PrincipalMappingException(e.getMessage());
        default -> throw e;
      }
    }
  }
}

package dev.rolegate.samples.workspaces;

import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.samples.store.WorkspaceStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workspace members held in memory; no access checks of its own. Role names are checked against
 * the compiled matrix, so a typo such as {@code "owner"} is rejected.
 */
public final class InMemoryWorkspaceMemberService implements WorkspaceMemberService {
  private final WorkspaceStore<Member> members = new WorkspaceStore<>("member");
  private final Map<String, String> defaultRoles = new LinkedHashMap<>();

  @Override
  public List<Member> listUsers(String workspace) {
    return members.list(workspace).stream().filter(m -> !m.serviceAccount()).toList();
  }

  @Override
  public List<Member> listServiceAccounts(String workspace) {
    return members.list(workspace).stream().filter(Member::serviceAccount).toList();
  }

  @Override
  public Member add(String workspace, String memberId, boolean serviceAccount, String role) {
    return members.put(workspace, memberId, new Member(memberId, serviceAccount, checked(role)));
  }

  @Override
  public boolean remove(String workspace, String memberId) {
    return members.remove(workspace, memberId);
  }

  @Override
  public Member setRole(String workspace, String memberId, String role) {
    Member old = members.get(workspace, memberId);
    return members.put(workspace, memberId, new Member(memberId, old.serviceAccount(), checked(role)));
  }

  @Override
  public synchronized void setDefaultRole(String workspace, String role) {
    defaultRoles.put(workspace, checked(role));
  }

  /** Returns the workspace's default role, if one is set (set-up and tests; not guarded). */
  public synchronized Optional<String> defaultRole(String workspace) {
    return Optional.ofNullable(defaultRoles.get(workspace));
  }

  private static String checked(String role) {
    return Matrix.load().role(role, Level.WORKSPACE).name();
  }
}

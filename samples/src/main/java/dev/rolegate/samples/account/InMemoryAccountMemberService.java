package dev.rolegate.samples.account;

import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Account members held in memory, per account; role names are checked against the compiled matrix.
 * No access checks of its own.
 */
final class InMemoryAccountMemberService implements AccountMemberService {
  private final Map<String, Map<String, AccountMember>> members = new HashMap<>();

  @Override
  public synchronized List<AccountMember> list(String account) {
    return List.copyOf(members.getOrDefault(account, Map.of()).values());
  }

  @Override
  public synchronized AccountMember invite(String account, String memberId, String accountRole) {
    String role = Matrix.load().role(accountRole, Level.ACCOUNT).name();
    AccountMember member = new AccountMember(memberId, role);
    members.computeIfAbsent(account, a -> new LinkedHashMap<>()).put(memberId, member);
    return member;
  }

  @Override
  public synchronized boolean remove(String account, String memberId) {
    Map<String, AccountMember> of = members.get(account);
    return of != null && of.remove(memberId) != null;
  }
}

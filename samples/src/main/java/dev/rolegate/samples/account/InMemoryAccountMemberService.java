package dev.rolegate.samples.account;

import dev.rolegate.runtime.Level;
import dev.rolegate.runtime.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Account members held in memory; role names are checked against the compiled matrix. */
final class InMemoryAccountMemberService implements AccountMemberService {
  private final Map<String, AccountMember> members = new LinkedHashMap<>();

  @Override
  public synchronized List<AccountMember> list() {
    return List.copyOf(members.values());
  }

  @Override
  public synchronized AccountMember invite(String memberId, String accountRole) {
    String role = Matrix.load().role(accountRole, Level.ACCOUNT).name();
    AccountMember member = new AccountMember(memberId, role);
    members.put(memberId, member);
    return member;
  }

  @Override
  public synchronized boolean remove(String memberId) {
    return members.remove(memberId) != null;
  }
}

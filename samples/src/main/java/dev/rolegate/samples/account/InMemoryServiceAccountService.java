package dev.rolegate.samples.account;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Service accounts held in memory, per account; ids count up within each account ({@code sa-1},
 * ...). No access checks of its own.
 */
final class InMemoryServiceAccountService implements ServiceAccountService {
  private final Map<String, Map<String, ServiceAccount>> accounts = new HashMap<>();
  private final Map<String, Integer> created = new HashMap<>();

  @Override
  public synchronized List<ServiceAccount> list(String account) {
    return List.copyOf(accounts.getOrDefault(account, Map.of()).values());
  }

  @Override
  public synchronized ServiceAccount create(String account, String name) {
    int n = created.merge(account, 1, Integer::sum);
    ServiceAccount serviceAccount = new ServiceAccount("sa-" + n, name);
    accounts
        .computeIfAbsent(account, a -> new LinkedHashMap<>())
        .put(serviceAccount.id(), serviceAccount);
    return serviceAccount;
  }

  @Override
  public synchronized boolean delete(String account, String id) {
    Map<String, ServiceAccount> of = accounts.get(account);
    return of != null && of.remove(id) != null;
  }
}

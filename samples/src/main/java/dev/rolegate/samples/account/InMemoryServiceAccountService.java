package dev.rolegate.samples.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Service accounts held in memory; no access checks of its own. */
final class InMemoryServiceAccountService implements ServiceAccountService {
  private final Map<String, ServiceAccount> accounts = new LinkedHashMap<>();
  private int created;

  @Override
  public synchronized List<ServiceAccount> list() {
    return List.copyOf(accounts.values());
  }

  @Override
  public synchronized ServiceAccount create(String name) {
    created++;
    ServiceAccount account = new ServiceAccount("sa-" + created, name);
    accounts.put(account.id(), account);
    return account;
  }

  @Override
  public synchronized boolean delete(String id) {
    return accounts.remove(id) != null;
  }
}

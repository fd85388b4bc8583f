package dev.rolegate.jdbc;

import dev.rolegate.runtime.AccountDirectory;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The account of each workspace, read from table {@code rolegate_workspace} at every question (no
 * cache: a workspace created a moment ago is known at once). An id that breaks the stored-name rule
 * names no workspace (null: unknown, denied); a database failure throws, which a guard answers with
 * a denial.
 */
public final class JdbcAccountDirectory implements AccountDirectory {
  private final DataSource dataSource;

  /** Creates the directory over {@code dataSource}'s rolegate schema. */
  public JdbcAccountDirectory(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public String accountOf(String workspace) {
    if (!StoredNames.isId(workspace)) {
      return null;
    }
    String key = StoredNames.canonical(workspace);
    return Sql.read(
        dataSource,
        connection ->
            Sql.string(connection, "select account_id from rolegate_workspace where id = ?", key));
  }
}

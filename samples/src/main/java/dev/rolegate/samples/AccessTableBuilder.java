package dev.rolegate.samples;

import dev.rolegate.runtime.AccessDeniedException;
import dev.rolegate.runtime.CurrentPrincipal;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fills an {@link AccessTable} by really calling the guarded services: each cell makes fresh
 * guarded services (so no call sees another's effects, a default role set in one cell included),
 * binds the column's principal built under those services' workspace defaults, makes the call and
 * records allowed, or denied when the guard throws {@link AccessDeniedException}. Any other
 * exception is a bug in the sample and propagates.
 */
public final class AccessTableBuilder {
  private AccessTableBuilder() {}

  /** Returns the table of {@link OperationCatalogue#all()} against the standard role columns. */
  public static AccessTable standard() {
    return build(
        OperationCatalogue.all(), RoleColumn.standard(SampleData.WORKSPACE), SampleData::seeded);
  }

  /** Calls every operation as every column, each on services from {@code freshServices}. */
  public static AccessTable build(
      List<Operation> operations,
      List<RoleColumn> columns,
      Supplier<PrefectServices> freshServices) {
    List<String> labels = columns.stream().map(RoleColumn::label).toList();
    List<AccessTable.Row> rows = new ArrayList<>();
    for (Operation operation : operations) {
      List<Boolean> cells = new ArrayList<>();
      for (RoleColumn column : columns) {
        PrefectServices services = freshServices.get();
        cells.add(allowed(operation, column.principal(services.defaults()), services));
      }
      rows.add(new AccessTable.Row(operation.label(), cells));
    }
    return new AccessTable(labels, rows);
  }

  /** Returns whether the guards let {@code principal} make the call. */
  // -Xlint:try: the scope binds the principal for the block and is never read in it.
  @SuppressWarnings("try")
  public static boolean allowed(
      Operation operation, Principal principal, PrefectServices services) {
    try (PrincipalScope scope = CurrentPrincipal.bind(principal)) {
      operation.invoke(services);
      return true;
    } catch (AccessDeniedException denied) {
      return false;
    }
  }
}

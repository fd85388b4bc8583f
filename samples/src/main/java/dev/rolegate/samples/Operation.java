package dev.rolegate.samples;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One row of the access table: a labelled call on the (guarded) services, such as {@code
 * deployments.delete}. The call's result is ignored: only whether the guard let it through counts.
 *
 * @param label the row label, {@code area.operation}
 * @param call the call to make
 */
public record Operation(String label, Consumer<PrefectServices> call) {
  /** Checks that both parts are present. */
  public Operation {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(call, "call");
  }

  /** Makes the call on {@code services}. */
  public void invoke(PrefectServices services) {
    call.accept(services);
  }
}

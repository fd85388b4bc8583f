package com.acme.app;

import com.acme.billing.Invoices;
import com.acme.orders.Orders;
import dev.rolegate.runtime.GuardIndex;
import dev.rolegate.runtime.GuardedType;
import dev.rolegate.runtime.UnauthenticatedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps one service of each module the way a framework integration does: a service whose type the
 * guard indexes list is wrapped in the guard they name, any other is used as it is; then calls
 * each with no principal bound.
 */
public final class App {
  private static final List<String> REACHED = new ArrayList<>();

  private App() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    GuardIndex index = GuardIndex.load(App.class.getClassLoader());
    Orders orders = wrap(index, Orders.class, (workspace, order) -> reached("edited " + order));
    Invoices invoices =
        wrap(index, Invoices.class, (workspace, invoice) -> reached("paid " + invoice));
    System.out.println(
        "Orders: " + orders.getClass().getName() + ", " + call(() -> orders.edit("ws-1", "o-7")));
    System.out.println("Invoices: " + invoices.getClass().getName() + ", "
        + call(() -> invoices.pay("ws-1", "i-1")));
    System.out.println("delegates reached: " + REACHED);
  }

  private static <T> T wrap(GuardIndex index, Class<T> api, T bean)
      throws ReflectiveOperationException {
    GuardedType type = index.find(api).orElse(null);
    if (type == null) {
      return bean;
    }
    Class<?> guard = Class.forName(type.guardName(), true, App.class.getClassLoader());
    return api.cast(guard.getMethod("wrap", api).invoke(null, bean));
  }

  private static String call(java.util.function.Supplier<String> call) {
    try {
      return call.get();
    } catch (UnauthenticatedException e) {
      return "refused unauthenticated";
    }
  }

  private static String reached(String what) {
    REACHED.add(what);
    return what;
  }
}

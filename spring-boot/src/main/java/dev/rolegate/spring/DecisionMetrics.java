package dev.rolegate.spring;

import dev.rolegate.runtime.Decision;
import dev.rolegate.runtime.DecisionListener;
import dev.rolegate.runtime.Decisions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Counts every guard's decision in Micrometer as {@value #METER}, tagged {@code outcome} ({@code
 * allowed} or {@code denied}), {@code operation} (the guarded method, e.g. {@code
 * DeploymentCatalog.delete}) and {@code permission} (the permissions it requires, comma-separated,
 * as declared). Tags come from the code, never from a caller: no principal, account or workspace id
 * is a tag value, so the number of series is bounded by the guarded methods.
 *
 * <p>The runtime has one listener per JVM ({@link Decisions#setListener}). Once every singleton
 * exists this installs itself in front of the listener already installed, if any, and of the
 * application's {@link DecisionListener} beans, which it calls after counting; on close it puts the
 * listener it found back, unless another was installed since. An application that installs its own
 * listener later replaces this one: declare it as a bean instead.
 */
public class DecisionMetrics
    implements DecisionListener, SmartInitializingSingleton, DisposableBean {
  private static final System.Logger LOG = System.getLogger("dev.rolegate.spring");

  /** The counter's name. */
  public static final String METER = "rolegate.decisions";

  private final MeterRegistry registry;
  private final ObjectProvider<DecisionListener> listenerBeans;
  private volatile List<DecisionListener> applicationListeners = List.of();
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private volatile DecisionListener previous;
  private volatile boolean installed;

  private record Key(boolean allowed, String operation, List<String> permissions) {}

  /**
   * Counts into {@code registry}, then calls the application's {@link DecisionListener} beans
   * ({@code listenerBeans}, in their order; read once every singleton exists).
   */
  public DecisionMetrics(MeterRegistry registry, ObjectProvider<DecisionListener> listenerBeans) {
    this.registry = registry;
    this.listenerBeans = listenerBeans;
  }

  @Override
  public void afterSingletonsInstantiated() {
    applicationListeners =
        listenerBeans.orderedStream().filter(listener -> listener != this).toList();
    previous = Decisions.listener();
    Decisions.setListener(this);
    installed = true;
  }

  @Override
  public void onDecision(Decision decision) {
    // Each step on its own: one that throws (a registry refusing the meter, a listener) takes
    // nothing from the others, as the runtime's one listener would take nothing from a decision.
    deliver(
        "the decision counter",
        () ->
            counters
                .computeIfAbsent(
                    new Key(decision.allowed(), decision.operation(), decision.permissions()),
                    key ->
                        Counter.builder(METER)
                            .description("Decisions of rolegate's guards")
                            .tag("outcome", key.allowed() ? "allowed" : "denied")
                            .tag("operation", key.operation())
                            .tag("permission", String.join(",", key.permissions()))
                            .register(registry))
                .increment());
    for (DecisionListener listener : applicationListeners) {
      deliver(listener.getClass().getName(), () -> listener.onDecision(decision));
    }
    DecisionListener before = previous;
    if (before != null && before != this) {
      deliver(before.getClass().getName(), () -> before.onDecision(decision));
    }
  }

  private static void deliver(String who, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      // Class names only: a listener's message may quote whatever it was handed.
      LOG.log(
          System.Logger.Level.WARNING,
          who
              + " threw "
              + e.getClass().getName()
              + " on a decision; the other listeners and the decision are unaffected");
    }
  }

  @Override
  public void destroy() {
    if (installed && Decisions.listener() == this) {
      Decisions.setListener(previous);
    }
    installed = false;
  }
}

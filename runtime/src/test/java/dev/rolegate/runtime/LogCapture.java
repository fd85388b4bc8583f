package dev.rolegate.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that keeps what the runtime logs under {@code dev.rolegate} during a
 * test (a throwing decision listener, a scope closed on another thread) instead of printing it. It
 * is registered for every test of this module ({@code junit-platform.properties}); a test about a
 * logged line takes a {@link Lines} parameter and asserts on its messages. The runtime logs through
 * {@link System.Logger}, whose JDK default backend is {@code java.util.logging}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  /** Held here: {@code java.util.logging} keeps loggers only weakly, and with them our settings. */
  private static final Logger LOG = Logger.getLogger("dev.rolegate");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LogCapture.class);

  /** The messages logged under {@code dev.rolegate} during one test, in order, from any thread. */
  public static final class Lines extends Handler {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    /** Returns the messages logged so far in this test. */
    public List<String> messages() {
      return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
      messages.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Lines lines = new Lines();
    context.getStore(NAMESPACE).put(Lines.class, lines);
    LOG.setUseParentHandlers(false);
    LOG.addHandler(lines);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LOG.removeHandler(lines(context));
    LOG.setUseParentHandlers(true);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Lines.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return lines(context);
  }

  private static Lines lines(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(Lines.class, Lines.class);
  }
}

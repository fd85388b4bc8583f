package dev.rolegate.spring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records the starter logs while a capture is open. The starter logs through {@code
 * System.Logger}, whose JDK default is java.util.logging: its records are kept here instead of
 * printed, and the logger is given back as it was on {@link #close()}.
 */
final class StarterLog implements AutoCloseable {
  private final Logger log = Logger.getLogger("dev.rolegate.spring");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private StarterLog() {
    log.setUseParentHandlers(false);
    log.addHandler(handler);
  }

  /** Starts keeping the starter's records until {@link #close()}. */
  static StarterLog capture() {
    return new StarterLog();
  }

  /** Returns the records logged since the capture opened, a live view. */
  List<LogRecord> records() {
    return records;
  }

  @Override
  public void close() {
    log.removeHandler(handler);
    log.setUseParentHandlers(true);
  }
}

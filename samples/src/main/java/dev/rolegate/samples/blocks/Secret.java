package dev.rolegate.samples.blocks;

import java.util.Objects;

/**
 * Secret block data (a password, an access key). Its {@link #toString()} never shows the value, so
 * logging a block, a record holding one or an exception message cannot leak it; only {@link
 * #reveal()} returns it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "secret value");
  }

  /** Wraps a secret value. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** Returns the secret value itself. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns a fixed redacted text, never the value. */
  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}

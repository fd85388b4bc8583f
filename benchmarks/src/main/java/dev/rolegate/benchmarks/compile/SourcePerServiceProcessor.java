package dev.rolegate.benchmarks.compile;

/**
 * One empty source file per service, for {@link RoundCost}: the files rolegate creates (its guard
 * per service), without rolegate's work; the least any processor pays that generates a type per
 * service.
 */
public final class SourcePerServiceProcessor extends PerServiceProcessor {
  @Override
  boolean writesResources() {
    return false;
  }
}

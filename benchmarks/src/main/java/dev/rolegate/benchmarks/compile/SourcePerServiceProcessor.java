package dev.rolegate.benchmarks.compile;

/**
 * A processor that writes, for each type carrying {@code @RequiresPermission}, one empty source
 * file and nothing else, for {@link RoundCost}: what creating one generated type per service costs
 * javac, the least any processor pays that generates a type per service.
 */
public final class SourcePerServiceProcessor extends FilePerServiceProcessor {
  @Override
  boolean writesResources() {
    return false;
  }
}

package dev.rolegate.benchmarks.compile;

/**
 * One empty source file and one empty resource per service, for {@link RoundCost}: what a second
 * file per service costs javac.
 */
public final class SourceAndResourcePerServiceProcessor extends PerServiceProcessor {
  @Override
  boolean writesResources() {
    return true;
  }
}

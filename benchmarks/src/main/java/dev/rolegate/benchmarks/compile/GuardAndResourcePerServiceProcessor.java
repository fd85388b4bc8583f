package dev.rolegate.benchmarks.compile;

/**
 * Each service's guard, given as text, and one empty resource per service: what a second generated
 * file per service costs javac.
 */
public final class GuardAndResourcePerServiceProcessor extends PerServiceProcessor {
  @Override
  boolean writesResources() {
    return true;
  }
}

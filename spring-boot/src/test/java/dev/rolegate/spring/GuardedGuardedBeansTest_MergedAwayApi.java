package dev.rolegate.spring;

import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * Stands for the generated guard of {@link GuardedBeansTest.MergedAwayApi}, whose module's index is
 * missing: what a merged jar holds when another module's index overwrote the one listing it.
 */
@RolegateGenerated
final class GuardedGuardedBeansTest_MergedAwayApi implements GuardedBeansTest.MergedAwayApi {
  @Override
  public String list(String workspace) {
    throw new AssertionError("never called");
  }
}

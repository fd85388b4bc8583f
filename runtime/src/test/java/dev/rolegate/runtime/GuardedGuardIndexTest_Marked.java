package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.RolegateGenerated;

/** Stands for the generated guard of {@link GuardIndexTest.Marked}, for {@link GuardIndexTest}. */
@RolegateGenerated
final class GuardedGuardIndexTest_Marked implements GuardIndexTest.Marked {
  static {
    GuardIndexTest.neverInitialized();
  }
}

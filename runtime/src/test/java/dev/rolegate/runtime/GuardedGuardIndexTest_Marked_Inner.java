package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * Stands for the generated guard of {@link GuardIndexTest.Marked.Inner}, for {@link
 * GuardIndexTest}.
 */
@RolegateGenerated
final class GuardedGuardIndexTest_Marked_Inner implements GuardIndexTest.Marked.Inner {
  static {
    GuardIndexTest.neverInitialized();
  }
}

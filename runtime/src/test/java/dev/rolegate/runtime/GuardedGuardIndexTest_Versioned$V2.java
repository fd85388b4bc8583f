package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * Stands for the generated guard of {@link GuardIndexTest.Versioned$V2}, for {@link
 * GuardIndexTest}.
 */
@RolegateGenerated
final class GuardedGuardIndexTest_Versioned$V2 implements GuardIndexTest.Versioned$V2 {
  static {
    GuardIndexTest.neverInitialized();
  }
}

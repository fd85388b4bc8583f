package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.RolegateGenerated;

/**
 * A generated class of the guard's name of {@link GuardIndexTest.Unrelated} that is no subtype of
 * it, for {@link GuardIndexTest}.
 */
@RolegateGenerated
final class GuardedGuardIndexTest_Unrelated {}

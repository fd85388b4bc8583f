package dev.rolegate.runtime;

/**
 * A class of the guard's name of {@link GuardIndexTest.HandNamed} that the processor did not write
 * (no {@code RolegateGenerated}), for {@link GuardIndexTest}.
 */
@GuardIndexTest.Audited
final class GuardedGuardIndexTest_HandNamed implements GuardIndexTest.HandNamed {}

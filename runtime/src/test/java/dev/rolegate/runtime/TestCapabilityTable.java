package dev.rolegate.runtime;

/**
 * Registers {@link TestMatrix#MATRIX} as the single compiled matrix on the test class path
 * (META-INF/services), as a generated capability table does, so that {@link Matrix#load()} and
 * {@code Principal.Builder.build()} without a matrix can be tested.
 */
public final class TestCapabilityTable implements CapabilityTable {
  @Override
  public Matrix matrix() {
    return TestMatrix.MATRIX;
  }
}

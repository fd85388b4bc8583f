/**
 * The rolegate samples: a Prefect-like in-memory service layer in sub-packages (one area each),
 * guarded by the guards the rolegate processor generates from the bundled Prefect Cloud matrix,
 * and {@link dev.rolegate.samples.App}, which prints who may call what.
 */
package dev.rolegate.samples;

/**
 * The rolegate samples: a Prefect-like in-memory service layer in sub-packages (one area each),
 * guarded by the guards the rolegate processor generates from the bundled Prefect Cloud matrix, a
 * sample worker ({@link dev.rolegate.samples.worker.SampleWorker}), and {@link
 * dev.rolegate.samples.App}, which prints who may call what, runs the worker and explains
 * decisions.
 */
package dev.rolegate.samples;

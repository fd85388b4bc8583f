package dev.rolegate.processor.internal.callgraph;

import dev.rolegate.processor.internal.base.CompilerApi;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;

/**
 * The call-graph step of the pipeline, {@code [UncoveredGuardedCall]}: {@link #start} it when the
 * processor is initialized, so that its task listener is registered before javac attributes
 * anything, then {@link #record} each valid service. The bodies of the recorded services' methods
 * are checked once javac has attributed them ({@link CallGraphWarnings}), after processing; where
 * the compiler offers no Trees API the step says once that the check is off ({@link CallGraphOff}).
 */
public final class CallGraphStep {
  /** What the step does with each valid service: the check itself, or the note that it is off. */
  interface Recorder {
    void record(GuardedService service, MatrixHandle matrix);
  }

  private final Recorder recorder;

  private CallGraphStep(Recorder recorder) {
    this.recorder = recorder;
  }

  /**
   * Starts the step on the compilation behind {@code compiler}: installs the check's task listener
   * on javac's task, or, where there is no Trees API (not javac, or no {@code jdk.compiler} module,
   * so that the check's classes do not link), prepares the note that the check is off.
   */
  public static CallGraphStep start(CompilerApi compiler, Reporter reporter) {
    return new CallGraphStep(
        compiler
            .javac()
            .map(javac -> CallGraphWarnings.install(javac, reporter))
            .orElseGet(() -> new CallGraphOff(reporter, compiler.unavailable())));
  }

  /** Records {@code service}, valid and checked against {@code matrix}, for the check. */
  public void record(GuardedService service, MatrixHandle matrix) {
    recorder.record(service, matrix);
  }
}

package dev.rolegate.processor;

import com.google.auto.service.AutoService;
import dev.rolegate.processor.internal.base.CompilerApi;
import dev.rolegate.processor.internal.base.Names;
import dev.rolegate.processor.internal.callgraph.CallGraphStep;
import dev.rolegate.processor.internal.diagnostic.PackageLocations;
import dev.rolegate.processor.internal.diagnostic.Reporter;
import dev.rolegate.processor.internal.generation.ConstantsGenerator;
import dev.rolegate.processor.internal.generation.GeneratedTypes;
import dev.rolegate.processor.internal.generation.GuardGenerator;
import dev.rolegate.processor.internal.generation.TableGenerator;
import dev.rolegate.processor.internal.model.GuardedService;
import dev.rolegate.processor.internal.model.MatrixHandle;
import dev.rolegate.processor.internal.report.AccessLockCheck;
import dev.rolegate.processor.internal.report.AccessReportWriter;
import dev.rolegate.processor.internal.step.GuardStep;
import dev.rolegate.processor.internal.step.MatrixStep;
import dev.rolegate.processor.internal.step.SourceTypes;
import dev.rolegate.processor.internal.validation.ServiceValidation;
import dev.rolegate.processor.internal.validation.StableAccessors;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The rolegate annotation processor. It compiles a {@code @PermissionMatrix} package's matrix
 * (constants, capability table), or finds the single compiled matrix on the class path, then checks
 * every {@code @RequiresPermission} against it and writes a {@code Guarded<Type>} per guarded
 * interface (implementing it) or class (extending it), warning about permission lists and guarded
 * calls that do not mean what they seem, and at the end writes the access report ({@code
 * META-INF/rolegate/access-report.md} and {@code .json}) and the machine-readable guard index
 * ({@code META-INF/rolegate/guard-index}, docs/guard-index.md). User mistakes are diagnostics on
 * the exact element; an unexpected failure is an {@code [InternalError]} diagnostic, never a
 * crashed {@code javac}. The option {@code -Arolegate.matrix=<path>} names the matrix file where
 * the Filer cannot find it (Gradle); {@code -Arolegate.accessLock=<path>} names an access lock the
 * computed access must match.
 */
@AutoService(Processor.class)
public final class RolegateProcessor extends AbstractProcessor {
  private final Consumer<GuardedService> beforeGenerate;
  private final UnaryOperator<ProcessingEnvironment> compilerView;
  private Reporter reporter;
  private MatrixStep matrices;
  private GuardStep guards;
  private CallGraphStep callGraph;
  private GuardGenerator generator;
  private SourceTypes sources;
  private AccessReportWriter report;
  private AccessLockCheck lock;

  /** Creates the processor; {@code javac} calls this through the service registration. */
  public RolegateProcessor() {
    this(service -> {});
  }

  /**
   * For tests: {@code beforeGenerate} sees each valid service first, before the call graph records
   * it and its guard is written.
   */
  RolegateProcessor(Consumer<GuardedService> beforeGenerate) {
    this(beforeGenerate, UnaryOperator.identity());
  }

  /**
   * For tests: {@code compilerView} replaces the environment that the call-graph check and the
   * workspace carrier check ask for the Trees API (it is applied once), so a test can show what
   * happens under a compiler that has none.
   */
  RolegateProcessor(
      Consumer<GuardedService> beforeGenerate, UnaryOperator<ProcessingEnvironment> compilerView) {
    this.beforeGenerate = beforeGenerate;
    this.compilerView = compilerView;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(PackageLocations.of(env));
    GeneratedTypes output = new GeneratedTypes(env.getFiler());
    matrices =
        new MatrixStep(
            env.getFiler(),
            env.getOptions().get(MatrixStep.MATRIX_OPTION),
            env.getElementUtils(),
            reporter,
            new ConstantsGenerator(output),
            new TableGenerator(output, env.getFiler()));
    report = new AccessReportWriter(env.getFiler());
    sources = new SourceTypes(env.getElementUtils());
    lock = new AccessLockCheck(env.getOptions(), reporter, sources);
    ProcessingEnvironment view = compilerView.apply(env);
    CompilerApi compiler = CompilerApi.of(view);
    // Started here, before javac attributes anything: its task listener must see every type.
    callGraph = CallGraphStep.start(compiler, reporter);
    ServiceValidation validation =
        new ServiceValidation(
            env.getElementUtils(),
            env.getTypeUtils(),
            reporter,
            StableAccessors.create(view, compiler));
    guards = new GuardStep(env.getElementUtils(), reporter, matrices, validation);
    generator = new GuardGenerator(output, env.getTypeUtils());
  }

  /**
   * Returns rolegate's annotations and the marker its generated code carries, all of which {@link
   * #process} claims. javac's {@code -Xlint:processing} (part of {@code -Xlint:all}) warns about
   * every annotation of a round that no processor claims, in the user's sources and in what we
   * generate for the next round, and that warning fails a {@code -Werror} build. None has source
   * retention: Gradle recompiles everything when an aggregating processor is handed an annotation
   * of source retention ({@code IncrementalMetadataTest} keeps it so).
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        Names.REQUIRES_PERMISSION,
        Names.PERMISSION_MATRIX,
        Names.UNGUARDED,
        Names.WORKSPACE_ID,
        Names.BOUND_WORKSPACE,
        Names.ACCOUNT_ID,
        Names.BOUND_ACCOUNT,
        Names.GENERATED);
  }

  /**
   * Returns {@code rolegate.matrix}, the option naming the matrix file ({@link MatrixStep}), and
   * the access lock's options ({@link AccessLockCheck}).
   */
  @Override
  public Set<String> getSupportedOptions() {
    Set<String> options = new HashSet<>(AccessLockCheck.options());
    options.add(MatrixStep.MATRIX_OPTION);
    return Set.copyOf(options);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * The rest of the pipeline for one valid service, checked against {@code matrix}: the call graph
   * records it (its bodies are checked once javac has attributed them), its guard is written and
   * the access report adds its rows.
   */
  private void guard(GuardedService service, MatrixHandle matrix) {
    beforeGenerate.accept(service);
    callGraph.record(service, matrix);
    generator.generate(service, matrix);
    report.add(service, matrix);
  }

  /**
   * Runs the pipeline over a round: the matrix step compiles the declared matrix; the guard step
   * collects the round's guarded types and asks the validation about each ({@link
   * ServiceValidation}), handing each valid one to the call graph, generation and the report
   * ({@link #guard}); in the last round the deferred types are reported, the access report written
   * and the access lock checked.
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      sources.round(round.getRootElements());
      TypeElement matrix = processingEnv.getElementUtils().getTypeElement(Names.PERMISSION_MATRIX);
      if (matrix != null) {
        matrices.process(round.getElementsAnnotatedWith(matrix));
      }
      TypeElement requires =
          processingEnv.getElementUtils().getTypeElement(Names.REQUIRES_PERMISSION);
      if (requires != null) {
        if (!round.processingOver()) {
          // No source may be written in the last round; what is still deferred is reported below.
          guards.process(
              round.getRootElements(), round.getElementsAnnotatedWith(requires), this::guard);
        }
      }
      if (round.processingOver()) {
        matrices.finish();
        guards.finish(round.errorRaised());
        // Resources may be written in the last round (sources may not): every guard is known now.
        report.write(round.errorRaised() || reporter.errorCount() > 0);
        lock.finish(round.errorRaised() || reporter.errorCount() > 0, matrices.declared(), report);
      }
    } catch (RuntimeException e) {
      GuardStep.reportInternalError(reporter, null, e);
    }
    return true; // claims rolegate's annotations; see getSupportedAnnotationTypes
  }
}

package dev.rolegate.benchmarks.compile;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.lang.model.SourceVersion;

/**
 * What the floor processors of {@link RoundCost} share: they run where rolegate's would, on the
 * types carrying {@code @RequiresPermission}, and claim nothing.
 */
abstract class FloorProcessor extends AbstractProcessor {
  @Override
  public final Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.rolegate.annotations.RequiresPermission");
  }

  @Override
  public final SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }
}

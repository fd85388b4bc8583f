package dev.rolegate.processor.internal.base;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * javac's own processing environment behind the one rolegate is handed, the one place that looks
 * for it: the Trees API (read by the validation's {@code SourceDeclarations} and by the call-graph
 * analysis) accepts only javac's class, and a build tool may wrap it to watch what a processor
 * writes (Gradle's incremental processing holds javac's environment in a field of its own). Where
 * there is none (not javac, or no {@code jdk.compiler} module), it says why.
 */
public final class CompilerApi {
  /** How many wrappers are unwrapped at most. */
  private static final int DEPTH = 4;

  private final ProcessingEnvironment javac;
  private final String unavailable;

  private CompilerApi(ProcessingEnvironment javac, String unavailable) {
    this.javac = javac;
    this.unavailable = unavailable;
  }

  /** Looks for javac's environment in {@code env}, then in what it wraps, and so on. */
  public static CompilerApi of(ProcessingEnvironment env) {
    try {
      ProcessingEnvironment candidate = env;
      for (int depth = 0; depth < DEPTH && candidate != null; depth++) {
        try {
          Trees.instance(candidate);
          return new CompilerApi(candidate, null);
        } catch (IllegalArgumentException notJavac) {
          candidate = wrapped(candidate);
        }
      }
      return new CompilerApi(
          null,
          "The processing environment ("
              + env.getClass().getName()
              + ") is not javac's and wraps none that is");
    } catch (LinkageError noCompilerApi) {
      return new CompilerApi(null, "The compiler API (module jdk.compiler) is not available");
    }
  }

  /** Returns javac's environment, which the Trees API accepts, or empty where there is none. */
  public Optional<ProcessingEnvironment> javac() {
    return Optional.ofNullable(javac);
  }

  /** Returns why there is no Trees API, a sentence without its full stop; null when there is. */
  public String unavailable() {
    return unavailable;
  }

  /** Returns the environment {@code env} holds in a field, or null if it holds none. */
  private static ProcessingEnvironment wrapped(ProcessingEnvironment env) {
    for (Class<?> type = env.getClass(); type != null; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (ProcessingEnvironment.class.isAssignableFrom(field.getType())
            && !Modifier.isStatic(field.getModifiers())) {
          try {
            field.setAccessible(true);
            return (ProcessingEnvironment) field.get(env);
          } catch (ReflectiveOperationException | RuntimeException inaccessible) {
            return null;
          }
        }
      }
    }
    return null;
  }
}

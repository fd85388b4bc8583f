package dev.rolegate.annotations.processing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports, as the first error of a build, that rolegate's annotation processor did not run. A build
 * that forgets the processor ({@code annotationProcessorPaths}) compiles with rolegate-annotations
 * on its class path only; javac (17 to 22) then runs the processors registered there, this one
 * among them. Where the real processor is not loadable from this class's own loader, it reports one
 * error on the first element carrying a rolegate annotation, before javac's "cannot find symbol"
 * for each generated name. Where it is (the processor path holds rolegate-processor and, through
 * it, this class), it does nothing. It never claims an annotation, so the real processor sees every
 * one.
 */
public final class MissingProcessorCheck extends AbstractProcessor {
  static final String PROCESSOR = "dev.rolegate.processor.RolegateProcessor";
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "dev.rolegate.annotations.RequiresPermission",
          "dev.rolegate.annotations.Unguarded",
          "dev.rolegate.annotations.WorkspaceId",
          "dev.rolegate.annotations.BoundWorkspace",
          "dev.rolegate.annotations.PermissionMatrix");
  private boolean reported;

  /** Creates the check; javac calls this through the service registration. */
  public MissingProcessorCheck() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ANNOTATIONS;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reported || annotations.isEmpty() || processorLoadable()) {
      return false;
    }
    Set<String> names = new TreeSet<>();
    for (TypeElement annotation : annotations) {
      names.add(annotation.getQualifiedName().toString());
    }
    for (String name : names) {
      for (TypeElement annotation : annotations) {
        if (annotation.getQualifiedName().contentEquals(name)) {
          for (Element element : round.getElementsAnnotatedWith(annotation)) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message(), element);
            reported = true;
            return false;
          }
        }
      }
    }
    return false;
  }

  private boolean processorLoadable() {
    try {
      Class.forName(PROCESSOR, false, MissingProcessorCheck.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError missing) {
      return false;
    }
  }

  /** Returns the error, naming this artifact's version where the jar records it. */
  static String message() {
    String version = version();
    return "[ProcessorNotRun] rolegate's annotation processor did not run: rolegate-annotations is"
        + " on the class path, but dev.rolegate:rolegate-processor is not on the annotation"
        + " processor path, so nothing rolegate generates (Permissions, WorkspaceRoles,"
        + " AccountRoles, Guarded<Type>) exists and javac reports each use of it as \"cannot find"
        + " symbol\". Add the processor: with Maven, to maven-compiler-plugin's <configuration>:"
        + " <annotationProcessorPaths><path><groupId>dev.rolegate</groupId>"
        + "<artifactId>rolegate-processor</artifactId><version>"
        + version
        + "</version></path>"
        + "</annotationProcessorPaths>; with Gradle, to the dependencies: annotationProcessor"
        + " \"dev.rolegate:rolegate-processor:"
        + version
        + "\"";
  }

  private static String version() {
    try (InputStream in =
        MissingProcessorCheck.class.getResourceAsStream(
            "/META-INF/maven/dev.rolegate/rolegate-annotations/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) {
          return version;
        }
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      // The version of rolegate in use is the one to write.
    }
    return "<rolegate version>";
  }
}

package dev.rolegate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.samples.deployments.Deployment;
import dev.rolegate.samples.deployments.DeploymentRun;
import dev.rolegate.samples.deployments.DeploymentService;
import dev.rolegate.samples.workspaces.WorkspaceInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pattern that closes the "caller holding the unwrapped delegate" gap (docs/SECURITY.md): fails
 * when an implementation of a guarded service is exposed. It reads which types are guarded, and by
 * which guard, from the processor's access report, scans every class the samples compile, and
 * asserts that
 *
 * <ul>
 *   <li>each class implementing a guarded interface, other than its generated guard, is not public
 *       (so code outside its package cannot create, name or cast to it);
 *   <li>no public or protected member anywhere exposes such a class as its type;
 *   <li>every public static factory returning a guarded interface hands out its {@code Guarded*}
 *       instance, and so does every guarded-service component of {@link SampleData#seeded()}.
 * </ul>
 */
class GuardedImplementationsTest {
  private static final Pattern TYPE = Pattern.compile("\"type\": \"([\\w.$]+)\"");
  private static final Pattern GUARD = Pattern.compile("\"guard\": \"([\\w.$]+)\"");

  /** Arguments the factories may take; a factory needing anything else fails the test. */
  private static final Map<Class<?>, Object> ARGUMENTS =
      Map.of(
          List.class,
          List.of(new WorkspaceInfo("ws-prod", "Production flows")),
          WorkspaceDefaults.class,
          new WorkspaceDefaults(SampleRoles.CUSTOM.matrix()),
          CustomRoles.class,
          SampleRoles.CUSTOM,
          AccountDirectory.class,
          SampleData.accounts());

  @Test
  void noImplementationOfAGuardedServiceIsPublic() throws Exception {
    Map<Class<?>, Class<?>> guards = guardsFromTheAccessReport();
    List<Class<?>> classes = sampleClasses();
    List<String> exposed = exposures(classes, guards);
    assertEquals(List.of(), exposed);
    // The scan found the implementations it judges: the check is not vacuous.
    long implementations =
        classes.stream()
            .filter(c -> implementedGuardedInterface(c, guards) != null && !guards.containsValue(c))
            .count();
    assertTrue(implementations >= guards.size(), "implementations found: " + implementations);
  }

  @Test
  void publicFactoriesHandOutOnlyGuards() throws Exception {
    Map<Class<?>, Class<?>> guards = guardsFromTheAccessReport();
    int factories = 0;
    for (Class<?> type : sampleClasses()) {
      if (!Modifier.isPublic(type.getModifiers()) || guards.containsValue(type)) {
        continue; // a guard's own wrap(delegate) takes the delegate; it is the guard itself
      }
      for (Method method : type.getDeclaredMethods()) {
        Class<?> returned = method.getReturnType();
        if (!Modifier.isPublic(method.getModifiers()) || !guards.containsKey(returned)) {
          continue;
        }
        if (!Modifier.isStatic(method.getModifiers())) {
          continue; // record accessors and the like: checked through seeded() below
        }
        Object[] args = new Object[method.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
          args[i] = ARGUMENTS.get(method.getParameterTypes()[i]);
          assertNotNull(
              args[i],
              method
                  + ": give this test an argument of type "
                  + method.getParameterTypes()[i].getName()
                  + " so that it can check the factory");
        }
        Object service = method.invoke(null, args);
        assertSame(
            guards.get(returned),
            service.getClass(),
            method + " hands out an unguarded " + returned);
        factories++;
      }
    }
    assertTrue(factories >= guards.size(), "factories checked: " + factories);
  }

  @Test
  void seededServicesAreAllGuards() throws Exception {
    Map<Class<?>, Class<?>> guards = guardsFromTheAccessReport();
    PrefectServices services = SampleData.seeded();
    int checked = 0;
    for (RecordComponent component : PrefectServices.class.getRecordComponents()) {
      Object value = component.getAccessor().invoke(services);
      if (guards.containsKey(component.getType())) {
        assertSame(guards.get(component.getType()), value.getClass(), component.getName());
        checked++;
      }
    }
    assertEquals(guards.size(), checked, "every guarded service is a component of PrefectServices");
  }

  /** The check itself can fail: a public implementation, or a member typed by one, is reported. */
  @Test
  void exposures_publicImplementationAndMemberTypedByIt_areReported() throws Exception {
    Map<Class<?>, Class<?>> guards = guardsFromTheAccessReport();
    List<String> found = exposures(List.of(ExposedDeployments.class, Leaky.class), guards);
    assertEquals(2, found.size(), found.toString());
    assertTrue(
        found
            .get(0)
            .contains(
                "ExposedDeployments is public and implements " + DeploymentService.class.getName()),
        found.get(0));
    assertTrue(found.get(1).contains("Leaky.store"), found.get(1));
  }

  /** Returns what exposes an implementation of a guarded interface among {@code classes}. */
  static List<String> exposures(List<Class<?>> classes, Map<Class<?>, Class<?>> guards) {
    List<String> found = new ArrayList<>();
    List<Class<?>> implementations = new ArrayList<>();
    for (Class<?> type : classes) {
      Class<?> guarded = implementedGuardedInterface(type, guards);
      if (guarded == null || guards.get(guarded) == type) {
        continue;
      }
      implementations.add(type);
      int modifiers = type.getModifiers();
      if (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) {
        found.add(
            type.getName()
                + " is "
                + (Modifier.isPublic(modifiers) ? "public" : "protected")
                + " and implements "
                + guarded.getName()
                + ": make it package-private and hand out "
                + guards.get(guarded).getSimpleName()
                + ".wrap(...) from a factory");
      }
    }
    for (Class<?> type : classes) {
      for (Field field : type.getDeclaredFields()) {
        if (visible(field.getModifiers()) && implementations.contains(field.getType())) {
          found.add(
              type.getName() + "." + field.getName() + " exposes " + field.getType().getName());
        }
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method.getModifiers()) && implementations.contains(method.getReturnType())) {
          found.add(
              type.getName()
                  + "."
                  + method.getName()
                  + "() exposes "
                  + method.getReturnType().getName());
        }
      }
    }
    return found;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Returns the guarded interface {@code type} implements (directly or not), or null. */
  private static Class<?> implementedGuardedInterface(
      Class<?> type, Map<Class<?>, Class<?>> guards) {
    if (type.isInterface()) {
      return null;
    }
    for (Class<?> guarded : guards.keySet()) {
      if (guarded.isAssignableFrom(type)) {
        return guarded;
      }
    }
    return null;
  }

  /** Reads guarded type to guard class from the JSON access report the processor wrote. */
  static Map<Class<?>, Class<?>> guardsFromTheAccessReport() throws Exception {
    String json =
        Files.readString(
            classesRoot().resolve("META-INF/rolegate/access-report.json"), StandardCharsets.UTF_8);
    Matcher types = TYPE.matcher(json);
    Matcher guards = GUARD.matcher(json);
    Map<Class<?>, Class<?>> map = new LinkedHashMap<>();
    while (types.find()) {
      assertTrue(guards.find(types.end()), "no guard after " + types.group(1));
      Class<?> type = Class.forName(types.group(1));
      Class<?> guard = Class.forName(guards.group(1));
      assertTrue(type.isAssignableFrom(guard), guard + " is no " + type);
      map.put(type, guard);
    }
    assertTrue(map.size() >= 10, "guarded services in the report: " + map.keySet());
    return map;
  }

  /** Returns every class the samples' main sources compile to. */
  static List<Class<?>> sampleClasses() throws IOException, URISyntaxException {
    Path root = classesRoot();
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name =
            root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("package-info")) {
          continue;
        }
        try {
          classes.add(
              Class.forName(name, false, GuardedImplementationsTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
          throw new UncheckedIOException(new IOException("cannot load " + name, e));
        }
      }
    }
    assertTrue(classes.contains(SampleData.class), "scanned " + root);
    return classes;
  }

  private static Path classesRoot() throws URISyntaxException {
    return Path.of(SampleData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** What the check must catch: a public implementation of a guarded interface. */
  public static final class ExposedDeployments implements DeploymentService {
    @Override
    public String ping() {
      return "pong";
    }

    @Override
    public List<Deployment> list(String workspace) {
      return List.of();
    }

    @Override
    public Deployment read(String workspace, String id) {
      return null;
    }

    @Override
    public DeploymentRun run(String workspace, String id) {
      return null;
    }

    @Override
    public DeploymentRun runOnPool(String workspace, String id, String workPool) {
      return null;
    }

    @Override
    public DeploymentRun cancelRun(String workspace, String runId) {
      return null;
    }

    @Override
    public Deployment create(String workspace, Deployment deployment) {
      return deployment;
    }

    @Override
    public Deployment update(String workspace, Deployment deployment) {
      return deployment;
    }

    @Override
    public boolean delete(String workspace, String id) {
      return false;
    }
  }

  /** And a public member typed by an implementation. */
  static final class Leaky {
    public ExposedDeployments store;
  }
}

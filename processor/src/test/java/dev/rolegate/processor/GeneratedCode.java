package dev.rolegate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.PrincipalSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Compiles services with the processor against {@link TestMatrices#SMALL} and loads the generated
 * classes, so tests can call real generated guards.
 */
final class GeneratedCode {
  /** The directory of the tests' one account, acme: every workspace is acme's. */
  static final AccountDirectory ACME = AccountDirectory.singleAccount("acme");

  final Compilation compilation;
  private final ClassLoader loader;

  private GeneratedCode(Compilation compilation, java.nio.file.Path resources) {
    this.compilation = compilation;
    this.loader = new OutputLoader(compilation, resources);
  }

  /** Compiles {@code sources} (each "qualified.Name", text pairs) with the small test matrix. */
  static GeneratedCode compile(String... namesAndSources) {
    List<JavaFileObject> files = new ArrayList<>();
    files.add(
        JavaFileObjects.forSourceString(
            "test.package-info",
            "@dev.rolegate.annotations.PermissionMatrix(\"matrix.md\")\npackage test;\n"));
    for (int i = 0; i < namesAndSources.length; i += 2) {
      files.add(JavaFileObjects.forSourceString(namesAndSources[i], namesAndSources[i + 1]));
    }
    Compilation compilation =
        TestMatrices.compiler(TestMatrices.sourcePath(TestMatrices.SMALL)).compile(files);
    assertThat(compilation).succeededWithoutWarnings();
    return new GeneratedCode(compilation, null);
  }

  /** Loads the classes of a compilation that succeeded. */
  static GeneratedCode of(Compilation compilation) {
    assertThat(compilation).succeeded();
    return new GeneratedCode(compilation, null);
  }

  /**
   * Loads the classes of a compilation that succeeded, with the resources under {@code resources}
   * on the class path beside them (as a build ships src/main/resources with the classes).
   */
  static GeneratedCode of(Compilation compilation, java.nio.file.Path resources) {
    assertThat(compilation).succeeded();
    return new GeneratedCode(compilation, resources);
  }

  Class<?> load(String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + name, e);
    }
  }

  /** Returns the compiled test matrix. */
  Matrix matrix() {
    return (Matrix) invokeStatic(load("test.MatrixCapabilityTable"), "matrix");
  }

  /** Returns a principal of the test matrix with {@code role} in workspace "ws". */
  Principal inWorkspace(String role) {
    return Principal.user("alice")
        .matrix(matrix())
        .directory(ACME)
        .workspaceRole("ws", role)
        .build();
  }

  /**
   * Wraps a recording delegate of {@code service} with its generated guard, reading {@code source}.
   */
  Object guard(String service, String guard, Recorder delegate, PrincipalSource source) {
    Class<?> type = load(service);
    Object impl = Proxy.newProxyInstance(loader, new Class<?>[] {type}, delegate);
    try {
      return load(guard).getMethod("wrap", type, PrincipalSource.class).invoke(null, impl, source);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Calls {@code method} (found by name and parameter count) on {@code target}, rethrowing what it
   * throws.
   */
  static Object call(Object target, String method, Object... args) throws Throwable {
    Method found =
        Stream.of(target.getClass().getMethods())
            .filter(m -> m.getName().equals(method) && m.getParameterCount() == args.length)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no method " + method));
    try {
      return found.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object invokeStatic(Class<?> type, String method) {
    try {
      return type.getMethod(method).invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A delegate that records each call and answers from a function; a Throwable answer is thrown.
   */
  static final class Recorder implements InvocationHandler {
    final List<String> calls = new ArrayList<>();
    private final java.util.function.BiFunction<Method, Object[], Object> answer;

    Recorder(java.util.function.BiFunction<Method, Object[], Object> answer) {
      this.answer = answer;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      calls.add(method.getName());
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      Object result = answer.apply(method, args);
      if (result instanceof Throwable) {
        throw (Throwable) result;
      }
      return result;
    }
  }

  /**
   * Loads classes from the compilation's class output, then from the test class path; resources
   * from the directory {@code resources} (when not null), then from the test class path.
   */
  private static final class OutputLoader extends ClassLoader {
    private final Compilation compilation;
    private final java.nio.file.Path resources;

    OutputLoader(Compilation compilation, java.nio.file.Path resources) {
      super(GeneratedCode.class.getClassLoader());
      this.compilation = compilation;
      this.resources = resources;
    }

    @Override
    protected java.net.URL findResource(String name) {
      if (resources == null || !java.nio.file.Files.isRegularFile(resources.resolve(name))) {
        return null;
      }
      try {
        return resources.resolve(name).toUri().toURL();
      } catch (java.net.MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = "/CLASS_OUTPUT/" + name.replace('.', '/') + ".class";
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS && file.getName().equals(path)) {
          try (InputStream in = file.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      throw new ClassNotFoundException(name);
    }
  }
}

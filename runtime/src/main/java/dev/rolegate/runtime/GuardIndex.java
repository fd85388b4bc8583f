package dev.rolegate.runtime;

import dev.rolegate.runtime.internal.RolegateGenerated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The guarded types of an application, read from the guard indexes the annotation processor writes
 * ({@value #RESOURCE}, one per compilation; format in {@code docs/guard-index.md}), so that tools
 * (a test helper, a framework integration) find every guarded type, its guard and each method's
 * requirement without scanning the class path and without reflection on {@code @RequiresPermission}
 * (whose class retention would not allow it).
 *
 * <p>Reading is strict: a line that does not parse is an {@link IllegalArgumentException} naming
 * the resource, the line number and the line, never a type skipped or a method read as open. This
 * is set-up code; guards never read the index.
 */
public final class GuardIndex {
  /** Where each compilation's index lies in its class output (and jar). */
  public static final String RESOURCE = "META-INF/rolegate/guard-index";

  /** The format line every index starts with (after comments). */
  public static final String HEADER = "rolegate-guard-index 1";

  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
  private static final Pattern BINARY_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
  private static final Pattern TYPE = Pattern.compile(BINARY_NAME.pattern() + "(\\[\\])*");
  private static final Pattern PERMISSION = Pattern.compile("[A-Za-z0-9_.:-]+");

  private final List<GuardedType> types;
  private final Map<String, GuardedType> byName;
  private final String sources;

  private GuardIndex(Map<String, GuardedType> byName, String sources) {
    this.byName = Collections.unmodifiableMap(byName);
    this.types = List.copyOf(byName.values());
    this.sources = sources;
  }

  /**
   * Reads every {@value #RESOURCE} that {@code loader} sees and merges them.
   *
   * @throws IllegalArgumentException if one does not parse (naming the resource and line), or two
   *     list the same type differently (naming both)
   * @throws UncheckedIOException if one cannot be read
   */
  public static GuardIndex load(ClassLoader loader) {
    Objects.requireNonNull(loader, "class loader");
    Map<String, GuardedType> merged = new LinkedHashMap<>();
    List<String> sources = new ArrayList<>();
    try {
      Enumeration<URL> resources = loader.getResources(RESOURCE);
      while (resources.hasMoreElements()) {
        URL url = resources.nextElement();
        sources.add(url.toString());
        String text;
        try (InputStream in = url.openStream()) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (GuardedType type : parse(url.toString(), text).types) {
          GuardedType earlier = merged.putIfAbsent(type.typeName(), type);
          if (earlier != null && !earlier.sameAs(type)) {
            throw new IllegalArgumentException(
                "guard indexes disagree about "
                    + type.typeName()
                    + ": "
                    + earlier.resource()
                    + " and "
                    + type.resource()
                    + " list it differently; the class path holds two builds of it");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
    return new GuardIndex(
        merged, sources.isEmpty() ? "no " + RESOURCE : String.join(", ", sources));
  }

  /**
   * Parses the text of one index; {@code resource} names it in messages.
   *
   * @throws IllegalArgumentException naming the resource, the line number and the line when a line
   *     does not parse, the header is missing or of another version, a type is listed twice or
   *     lists no method, or a method is listed twice
   */
  public static GuardIndex parse(String resource, String text) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(text, "text");
    return new Parser(resource).parse(text);
  }

  /** Returns every guarded type, sorted by name within each index, indexes in class-path order. */
  public List<GuardedType> types() {
    return types;
  }

  /** Returns the entry of the type with this binary name, if indexed. */
  public Optional<GuardedType> find(String typeName) {
    return Optional.ofNullable(byName.get(typeName));
  }

  /**
   * Returns the entry of {@code type}, if indexed; fails rather than answer "not guarded" for a
   * type that is guarded but in no index read.
   *
   * <p>A type absent from the index is checked for its generated guard, loaded (not initialized)
   * through the type's class loader: the class the processor names for it ({@code Guarded} and the
   * type's simple names joined by {@code _}, in its package), a subtype of it annotated {@code
   * RolegateGenerated} (matched by name, so that a second copy of the runtime on another class
   * loader does not hide it). Its class file has a path of its own, so a merge of jars that keeps
   * the classes keeps it; finding it means the module's index was lost: jars merged into one
   * (maven-shade, an assembly) where another module's {@value #RESOURCE} overwrote it.
   *
   * @throws IllegalStateException if {@code type} is guarded but in no index read, or its guard
   *     cannot be looked for (its names or a class of its guard's name cannot be loaded), naming
   *     the type, its guard and the fix
   */
  public Optional<GuardedType> find(Class<?> type) {
    GuardedType entry = byName.get(type.getName());
    if (entry == null) {
      requireNoGeneratedGuard(type);
    }
    return Optional.ofNullable(entry);
  }

  /** Fails, as {@link #find(Class)} says, if {@code type} has a generated guard. */
  private void requireNoGeneratedGuard(Class<?> type) {
    Class<?> guard;
    try {
      guard = Class.forName(guardName(type), false, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      return;
    } catch (LinkageError e) {
      throw new IllegalStateException(
          type.getName()
              + " is in no guard index read ("
              + sources
              + ") and may be guarded, but its guard cannot be looked for: "
              + e
              + ". Rebuild the module that holds "
              + type.getName()
              + " and keep its classes whole when merging jars",
          e);
    }
    if (generated(guard) && type.isAssignableFrom(guard)) {
      throw new IllegalStateException(
          type.getName()
              + " is guarded by "
              + guard.getName()
              + from(guard)
              + " but in no guard index read ("
              + sources
              + "): jars were merged so that one module's "
              + RESOURCE
              + " overwrote another's. Concatenate them when merging (maven-shade: an"
              + " AppendingTransformer for "
              + RESOURCE
              + "; docs/guard-index.md)");
    }
  }

  /** Whether {@code guard} carries {@code RolegateGenerated}, of whichever class loader. */
  private static boolean generated(Class<?> guard) {
    for (Annotation annotation : guard.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals(RolegateGenerated.class.getName())) {
        return true;
      }
    }
    return false;
  }

  /** Returns where {@code guard} was loaded from, as " (from location)", or "" when not known. */
  private static String from(Class<?> guard) {
    return Optional.ofNullable(guard.getProtectionDomain().getCodeSource())
        .map(CodeSource::getLocation)
        .map(location -> " (from " + location + ")")
        .orElse("");
  }

  /**
   * Returns the binary name the processor gives the guard of {@code type}: {@code Guarded} and its
   * simple names, outermost first, joined by {@code _}, in its package.
   */
  static String guardName(Class<?> type) {
    StringBuilder simpleNames = new StringBuilder(type.getSimpleName());
    for (Class<?> outer = type.getEnclosingClass();
        outer != null;
        outer = outer.getEnclosingClass()) {
      simpleNames.insert(0, '_').insert(0, outer.getSimpleName());
    }
    String packageName = type.getPackageName();
    return (packageName.isEmpty() ? "" : packageName + ".") + "Guarded" + simpleNames;
  }

  @Override
  public String toString() {
    return "guard index of " + types.size() + " type(s)";
  }

  private static final class Parser {
    private final String resource;
    private final Map<String, GuardedType> types = new LinkedHashMap<>();
    private String[] type;
    private int typeLine;
    private String typeText;
    private final List<GuardedMethod> methods = new ArrayList<>();
    private boolean headerSeen;
    private int lineNumber;
    private String line;

    Parser(String resource) {
      this.resource = resource;
    }

    GuardIndex parse(String text) {
      for (String each : text.split("\n", -1)) {
        lineNumber++;
        line = each.endsWith("\r") ? each.substring(0, each.length() - 1) : each;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (headerSeen && line.equals(HEADER)) {
          // Another index appended to this one (jars merged by concatenating their indexes).
          endType();
        } else if (!headerSeen) {
          if (!line.equals(HEADER)) {
            throw problem(
                "expected the header \""
                    + HEADER
                    + "\" (another format version, or not"
                    + " a guard index)");
          }
          headerSeen = true;
        } else if (line.startsWith("type ")) {
          endType();
          type = line.split(" ", 5);
          typeLine = lineNumber;
          typeText = line;
          checkType();
        } else if (line.startsWith("method ")) {
          if (type == null) {
            throw problem("a method line before any type line");
          }
          methods.add(method());
        } else {
          throw problem("expected a \"type\" or \"method\" line");
        }
      }
      if (!headerSeen) {
        lineNumber = 0;
        line = "";
        throw problem("empty: no header \"" + HEADER + "\"");
      }
      endType();
      return new GuardIndex(types, resource);
    }

    private void checkType() {
      if (type.length != 5 || type[4].isBlank()) {
        throw problem(
            "a type line reads \"type <binary name> <guard binary name>"
                + " interface|class <matrix name>\"");
      }
      if (!BINARY_NAME.matcher(type[1]).matches() || !BINARY_NAME.matcher(type[2]).matches()) {
        throw problem("\"" + type[1] + "\" or \"" + type[2] + "\" is no binary type name");
      }
      if (!type[3].equals("interface") && !type[3].equals("class")) {
        throw problem("the guard kind is \"" + type[3] + "\", neither interface nor class");
      }
      if (types.containsKey(type[1])) {
        throw problem("type " + type[1] + " is listed twice");
      }
    }

    private void endType() {
      if (type == null) {
        return;
      }
      if (methods.isEmpty()) {
        throw new IllegalArgumentException(
            resource
                + ":"
                + typeLine
                + ": type "
                + type[1]
                + " lists no method: \""
                + typeText
                + "\"");
      }
      types.put(
          type[1],
          new GuardedType(type[1], type[2], type[3].equals("class"), type[4], methods, resource));
      methods.clear();
      type = null;
    }

    private GuardedMethod method() {
      String[] fields = line.split(" ", -1);
      if (fields.length != 6) {
        throw problem(
            "a method line reads \"method <name> <parameter types|-> allOf|anyOf|unguarded"
                + " <permissions|-> <workspace>\", six fields separated by single spaces");
      }
      String name = fields[1];
      if (!IDENTIFIER.matcher(name).matches()) {
        throw problem("\"" + name + "\" is no method name");
      }
      List<String> parameters =
          fields[2].equals("-") ? List.of() : list(fields[2], TYPE, "parameter type");
      GuardedMethod.Mode mode =
          switch (fields[3]) {
            case "allOf" -> GuardedMethod.Mode.ALL_OF;
            case "anyOf" -> GuardedMethod.Mode.ANY_OF;
            case "unguarded" -> GuardedMethod.Mode.UNGUARDED;
            default ->
                throw problem("the mode is \"" + fields[3] + "\", not allOf, anyOf or unguarded");
          };
      List<String> permissions;
      if (mode == GuardedMethod.Mode.UNGUARDED) {
        if (!fields[4].equals("-") || !fields[5].equals("none")) {
          throw problem(
              "an unguarded method lists no permission (\"-\") and no workspace (\"none\")");
        }
        permissions = List.of();
      } else {
        if (fields[4].equals("-")) {
          throw problem("a guarded method (" + fields[3] + ") lists no permission");
        }
        permissions = list(fields[4], PERMISSION, "permission");
      }
      GuardedMethod method = workspace(name, parameters, mode, permissions, fields[5]);
      for (GuardedMethod earlier : methods) {
        if (earlier.signature().equals(method.signature())) {
          throw problem("method " + method.signature() + " is listed twice in " + type[1]);
        }
      }
      return method;
    }

    private GuardedMethod workspace(
        String name,
        List<String> parameters,
        GuardedMethod.Mode mode,
        List<String> permissions,
        String field) {
      if (field.equals("none") || field.equals("bound")) {
        return new GuardedMethod(
            name,
            parameters,
            mode,
            permissions,
            field.equals("none")
                ? GuardedMethod.WorkspaceSource.NONE
                : GuardedMethod.WorkspaceSource.BOUND,
            -1,
            null);
      }
      String[] parts = field.split(":", -1);
      boolean parameter = parts[0].equals("parameter") && parts.length == 2;
      boolean carrier =
          parts[0].equals("carrier") && parts.length == 3 && IDENTIFIER.matcher(parts[2]).matches();
      if (!parameter && !carrier) {
        throw problem(
            "the workspace is \""
                + field
                + "\", not none, bound, parameter:<index>"
                + " or carrier:<index>:<accessor>");
      }
      int index;
      try {
        index = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw problem("the workspace parameter index \"" + parts[1] + "\" is no number");
      }
      if (index < 0 || index >= parameters.size()) {
        throw problem(
            "the workspace parameter index "
                + index
                + " is outside the "
                + parameters.size()
                + " parameter(s) of "
                + name);
      }
      return new GuardedMethod(
          name,
          parameters,
          mode,
          permissions,
          parameter
              ? GuardedMethod.WorkspaceSource.PARAMETER
              : GuardedMethod.WorkspaceSource.CARRIER,
          index,
          parameter ? null : parts[2]);
    }

    private List<String> list(String field, Pattern item, String what) {
      List<String> items = new ArrayList<>();
      for (String each : field.split(",", -1)) {
        if (!item.matcher(each).matches()) {
          throw problem("\"" + each + "\" is no " + what);
        }
        items.add(each);
      }
      return items;
    }

    private IllegalArgumentException problem(String what) {
      return new IllegalArgumentException(
          resource
              + ":"
              + lineNumber
              + ": "
              + what
              + (line.isEmpty() ? "" : ": " + dev.rolegate.runtime.internal.Names.quoted(line)));
    }
  }
}

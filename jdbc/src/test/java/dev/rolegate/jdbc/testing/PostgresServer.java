package dev.rolegate.jdbc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests: one per JVM, started on first use from the binaries of the
 * machine's PostgreSQL installation, in a fresh temporary directory, on a free TCP port of
 * 127.0.0.1, with trust authentication for the superuser {@value #USER}. A JVM shutdown hook stops
 * it and deletes the directory.
 *
 * <p>The binaries are those of the directory named by the environment variable {@value #BIN_ENV},
 * else of the newest {@code /usr/lib/postgresql/<version>/bin} (Debian's layout). PostgreSQL
 * refuses to run as root: when the JVM does, the server's commands run as the OS user {@code
 * postgres}, which owns the data directory. Durability is switched off for speed.
 */
public final class PostgresServer {

  /** The environment variable naming a PostgreSQL bin directory, checked before the default. */
  static final String BIN_ENV = "ROLEGATE_POSTGRES_BIN";

  /** The superuser {@code initdb} creates; every connection logs in as this user. */
  static final String USER = "rolegate";

  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
  private static final String OS_USER = "postgres";
  private static final long START_TIMEOUT_SECONDS = 60;
  private static final long COMMAND_TIMEOUT_SECONDS = 120;
  private static final int START_ATTEMPTS = 3;
  private static final int LOG_TAIL_LINES = 40;
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private static PostgresServer instance;
  private static RuntimeException failure;

  private final Path binDirectory;
  private final Path directory;
  private final boolean asPostgresUser;
  private final AtomicInteger databases = new AtomicInteger();
  private volatile boolean running;
  private int port;
  private String version;

  private PostgresServer(Path binDirectory, Path directory, boolean asPostgresUser) {
    this.binDirectory = binDirectory;
    this.directory = directory;
    this.asPostgresUser = asPostgresUser;
  }

  /**
   * The server of this JVM, started by the first call. A server that failed to start fails every
   * call with the same message.
   *
   * @throws IllegalStateException if there are no PostgreSQL binaries or the server did not start
   */
  public static synchronized PostgresServer get() {
    if (instance != null) {
      return instance;
    }
    if (failure != null) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    try {
      instance = start();
      return instance;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }

  /** The TCP port the server listens on, on 127.0.0.1. */
  public int port() {
    return port;
  }

  /**
   * The JDBC URL of a database of this server, logging in as {@value #USER} (no password).
   *
   * @param database a database name: lower-case letters, digits and underscores
   */
  public String jdbcUrl(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "not a database name of lower-case letters, digits and underscores: " + database);
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
  }

  /**
   * Creates an empty database with a name unique in this JVM, starting with {@code prefix}
   * (lower-cased, other characters than letters, digits and underscores replaced by {@code _}).
   */
  public DataSource newDatabase(String prefix) {
    String name = uniqueName(prefix);
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name + ": " + e, e);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"127.0.0.1"});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName(name);
    dataSource.setUser(USER);
    return dataSource;
  }

  /** The server's answer to {@code select version()}, as "PostgreSQL 15.14 on ...". */
  public String version() {
    return version;
  }

  private String uniqueName(String prefix) {
    String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
      cleaned = "db_" + cleaned;
    }
    String suffix = "_" + databases.incrementAndGet();
    int room = 63 - suffix.length();
    return (cleaned.length() > room ? cleaned.substring(0, room) : cleaned) + suffix;
  }

  private static PostgresServer start() {
    long started = System.nanoTime();
    Path bin = binDirectory(System.getenv(BIN_ENV), DEBIAN_ROOT);
    boolean asPostgresUser = runsAsRoot();
    Path directory;
    try {
      directory = Files.createTempDirectory("rolegate-pg-");
      if (asPostgresUser) {
        UserPrincipal owner =
            directory
                .getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(OS_USER);
        Files.setOwner(directory, owner);
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not make the PostgreSQL test directory: " + e, e);
    }
    PostgresServer server = new PostgresServer(bin, directory, asPostgresUser);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "rolegate-postgres-stop"));
    try {
      server.initialize();
      server.startOnFreePort();
      server.version = server.queryVersion();
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
    System.out.printf(
        Locale.ROOT,
        "rolegate: %s started on 127.0.0.1:%d in %d ms (%s)%n",
        server.version.split(" on ", 2)[0],
        server.port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        directory);
    return server;
  }

  /**
   * The bin directory to run: {@code override} when it is set, else the newest version under {@code
   * installRoot}.
   *
   * @throws IllegalStateException if that directory has no {@code initdb} or {@code pg_ctl}
   */
  static Path binDirectory(String override, Path installRoot) {
    if (override != null && !override.isBlank()) {
      Path bin = Path.of(override);
      if (!hasServerBinaries(bin)) {
        throw new IllegalStateException(
            "no PostgreSQL binaries (initdb, pg_ctl) in "
                + bin
                + ", named by "
                + BIN_ENV
                + ": set "
                + BIN_ENV
                + " to a PostgreSQL bin directory, or unset it and install"
                + " Debian's postgresql package: apt-get install postgresql");
      }
      return bin;
    }
    List<Path> candidates = new ArrayList<>();
    if (Files.isDirectory(installRoot)) {
      try (DirectoryStream<Path> versions = Files.newDirectoryStream(installRoot)) {
        for (Path version : versions) {
          Path bin = version.resolve("bin");
          if (hasServerBinaries(bin)) {
            candidates.add(bin);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return candidates.stream()
        .max(Comparator.comparing(PostgresServer::versionKey))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no PostgreSQL binaries: no "
                        + installRoot
                        + "/<version>/bin with initdb"
                        + " and pg_ctl, and "
                        + BIN_ENV
                        + " is not set. Install Debian's"
                        + " postgresql package: apt-get install postgresql, or set "
                        + BIN_ENV
                        + " to a PostgreSQL bin directory"));
  }

  private static boolean hasServerBinaries(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
  }

  /** Orders {@code <version>/bin} directories by version: 9.6 before 10 before 15. */
  private static VersionKey versionKey(Path bin) {
    String name = bin.getParent().getFileName().toString();
    String[] parts = name.split("\\.");
    int major = 0;
    int minor = 0;
    try {
      major = Integer.parseInt(parts[0]);
      minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException e) {
      // Not a version: ordered before every version, by name.
      major = -1;
    }
    return new VersionKey(major, minor, name);
  }

  private record VersionKey(int major, int minor, String name) implements Comparable<VersionKey> {
    @Override
    public int compareTo(VersionKey other) {
      return Comparator.comparingInt(VersionKey::major)
          .thenComparingInt(VersionKey::minor)
          .thenComparing(VersionKey::name)
          .compare(this, other);
    }
  }

  private static boolean runsAsRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  private Path dataDirectory() {
    return directory.resolve("data");
  }

  private Path socketDirectory() {
    return directory.resolve("socket");
  }

  private Path logFile() {
    return directory.resolve("server.log");
  }

  private void initialize() {
    run(
        "initdb",
        List.of(
            "-D",
            dataDirectory().toString(),
            "--auth=trust",
            "--username=" + USER,
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync"));
    try {
      Files.createDirectory(socketDirectory());
      if (asPostgresUser) {
        Files.setOwner(socketDirectory(), Files.getOwner(directory));
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not make " + socketDirectory() + ": " + e, e);
    }
    String conf =
        String.join(
            "\n",
            "",
            "# rolegate tests: loopback only, socket in the test directory, no durability.",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = '" + socketDirectory().toString().replace("'", "''") + "'",
            "max_connections = 100",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "");
    try {
      Files.writeString(
          dataDirectory().resolve("postgresql.conf"),
          conf,
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException("could not configure the PostgreSQL test server: " + e, e);
    }
  }

  /** Starts the server; a port taken between choosing it and binding it is chosen again. */
  private void startOnFreePort() {
    for (int attempt = 1; ; attempt++) {
      port = freePort();
      // Stopped in any case from here on: a start that timed out may leave a server running.
      running = true;
      Result result =
          command(
              "pg_ctl",
              List.of(
                  "start",
                  "-D",
                  dataDirectory().toString(),
                  "-l",
                  logFile().toString(),
                  "-o",
                  "-p " + port,
                  "-w",
                  "-t",
                  Long.toString(START_TIMEOUT_SECONDS)));
      if (result.exitCode() == 0) {
        return;
      }
      String log = logTail();
      if (attempt < START_ATTEMPTS && log.contains("could not bind")) {
        continue;
      }
      throw new IllegalStateException(
          "the PostgreSQL test server did not start on 127.0.0.1:"
              + port
              + " (pg_ctl start,"
              + " waiting at most "
              + START_TIMEOUT_SECONDS
              + " s, exited with "
              + result.exitCode()
              + "):\n"
              + result.output()
              + "\n--- server log (tail) ---\n"
              + log);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free TCP port on 127.0.0.1: " + e, e);
    }
  }

  private String queryVersion() {
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select version()")) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the PostgreSQL test server on 127.0.0.1:"
              + port
              + " does not accept connections: "
              + e
              + "\n--- server log (tail) ---\n"
              + logTail(),
          e);
    }
  }

  /** Stops the server if it runs and deletes its directory; runs once, from the shutdown hook. */
  private synchronized void stop() {
    if (running) {
      running = false;
      try {
        command("pg_ctl", List.of("stop", "-D", dataDirectory().toString(), "-m", "immediate"));
      } catch (RuntimeException e) {
        System.err.println("rolegate: could not stop the PostgreSQL test server: " + e);
      }
    }
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException | UncheckedIOException e) {
        System.err.println("rolegate: could not delete " + directory + ": " + e);
      }
    }
  }

  private void run(String program, List<String> arguments) {
    Result result = command(program, arguments);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          program + " failed (exit code " + result.exitCode() + "): " + result.output());
    }
  }

  private record Result(int exitCode, String output) {}

  /** Runs a PostgreSQL program to its end (bounded), as the postgres user when the JVM is root. */
  private Result command(String program, List<String> arguments) {
    List<String> line = new ArrayList<>();
    if (asPostgresUser) {
      line.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    line.add(binDirectory.resolve(program).toString());
    line.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
    builder.environment().put("LC_ALL", "C");
    builder.redirectErrorStream(true);
    Path output = directory.resolve(program + ".out");
    builder.redirectOutput(output.toFile());
    try {
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", line) + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), Files.readString(output).strip());
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + String.join(" ", line) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", line), e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no server log: " + e + ")";
    }
  }
}

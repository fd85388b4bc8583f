package dev.rolegate.jdbc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link PostgresServer} finds the PostgreSQL binaries, and what it says without them. */
class PostgresBinariesTest {

  @TempDir Path root;

  @Test
  void takesTheNewestVersionWithServerBinaries() throws IOException {
    binaries(root.resolve("9.6/bin"), "initdb", "pg_ctl");
    binaries(root.resolve("10/bin"), "initdb", "pg_ctl");
    binaries(root.resolve("15/bin"), "initdb", "pg_ctl");
    binaries(root.resolve("16/bin"), "psql");
    binaries(root.resolve("17/bin"), "initdb");

    assertEquals(root.resolve("15/bin"), PostgresServer.binDirectory(null, root));
    assertEquals(root.resolve("15/bin"), PostgresServer.binDirectory(" ", root));
  }

  @Test
  void takesTheEnvironmentVariableFirst() throws IOException {
    binaries(root.resolve("15/bin"), "initdb", "pg_ctl");
    Path elsewhere = binaries(root.resolve("custom/pgsql/bin"), "initdb", "pg_ctl");

    assertEquals(elsewhere, PostgresServer.binDirectory(elsewhere.toString(), root));
  }

  @Test
  void saysHowToInstallWhenThereAreNoBinaries() throws IOException {
    binaries(root.resolve("15/bin"), "psql");

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PostgresServer.binDirectory(null, root));
    assertEquals(
        "no PostgreSQL binaries: no "
            + root
            + "/<version>/bin with initdb and pg_ctl, and"
            + " ROLEGATE_POSTGRES_BIN is not set. Install Debian's postgresql package:"
            + " apt-get install postgresql, or set ROLEGATE_POSTGRES_BIN to a PostgreSQL bin"
            + " directory",
        e.getMessage());
    IllegalStateException missingRoot =
        assertThrows(
            IllegalStateException.class,
            () -> PostgresServer.binDirectory(null, root.resolve("absent")));
    assertEquals(
        e.getMessage().replace(root.toString(), root.resolve("absent").toString()),
        missingRoot.getMessage());
  }

  @Test
  void saysWhenTheEnvironmentVariableNamesNoBinaries() throws IOException {
    binaries(root.resolve("15/bin"), "initdb", "pg_ctl");
    Path empty = Files.createDirectories(root.resolve("empty"));

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> PostgresServer.binDirectory(empty.toString(), root));
    assertEquals(
        "no PostgreSQL binaries (initdb, pg_ctl) in "
            + empty
            + ", named by ROLEGATE_POSTGRES_BIN:"
            + " set ROLEGATE_POSTGRES_BIN to a PostgreSQL bin directory, or unset it and install"
            + " Debian's postgresql package: apt-get install postgresql",
        e.getMessage());
  }

  private static Path binaries(Path bin, String... programs) throws IOException {
    Files.createDirectories(bin);
    for (String program : programs) {
      Path file = Files.writeString(bin.resolve(program), "#!/bin/sh\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin;
  }
}

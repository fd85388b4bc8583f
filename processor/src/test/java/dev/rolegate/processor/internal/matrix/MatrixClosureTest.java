package dev.rolegate.processor.internal.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The closure, by what it must contain: a role holds its grants, everything they include
 * (transitively) and everything the role it inherits holds, and nothing else. Checked on a small
 * hand-written matrix and on seeded random ones against a slow reference written straight from that
 * definition (a fixpoint over the rows), so it holds for any way of computing the closure.
 */
class MatrixClosureTest {
  private static final String SMALL =
      """
      # Small

      | Permission | Level | Scope | Includes | Description |
      |---|---|---|---|---|
      | VIEW | workspace | see | | View things. |
      | EDIT | workspace | write | VIEW | Edit things. |
      | DELETE | workspace | | EDIT | Delete things. |
      | AUDIT | workspace | | | Read the audit log. |
      | BILLING | account | | | See invoices. |
      | ACCOUNT_ADMIN | account | | BILLING | Run the account. |

      | Role | Level | Inherits | Grants | Workspace role everywhere | Description |
      |---|---|---|---|---|---|
      | VIEWER | workspace | | VIEW | | Sees. |
      | EDITOR | workspace | VIEWER | EDIT | | Edits. |
      | OWNER | workspace | EDITOR | DELETE, AUDIT | | Owns. |
      | AUDITOR | workspace | | AUDIT | | Audits only. |
      | MEMBER | account (default) | | | | Any member. |
      | ADMIN | account | MEMBER | ACCOUNT_ADMIN | OWNER | Runs the account. |
      """;

  static final int TRIES = 60;

  static LongStream seeds() {
    return new SplittableRandom(20_261_128L).longs(TRIES);
  }

  private static CompiledMatrix compile(String text) {
    MatrixCompiler.Result result = MatrixCompiler.compile("small.md", text);
    assertEquals(List.of(), result.problems(), text);
    return result.matrix().orElseThrow();
  }

  private static BitSet bits(CompiledMatrix matrix, String... names) {
    BitSet bits = new BitSet();
    for (String name : names) {
      bits.set(matrix.indexOf(matrix.permission(name).orElseThrow()));
    }
    return bits;
  }

  private static RoleRow role(CompiledMatrix matrix, String name, Level level) {
    return matrix.roles(level).stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void smallMatrix_closureHoldsGrantsIncludesAndInheritedRoles() {
    CompiledMatrix m = compile(SMALL);
    assertEquals(bits(m, "VIEW"), m.closure(role(m, "VIEWER", Level.WORKSPACE)));
    assertEquals(bits(m, "VIEW", "EDIT"), m.closure(role(m, "EDITOR", Level.WORKSPACE)));
    assertEquals(
        bits(m, "VIEW", "EDIT", "DELETE", "AUDIT"), m.closure(role(m, "OWNER", Level.WORKSPACE)));
    assertEquals(bits(m, "AUDIT"), m.closure(role(m, "AUDITOR", Level.WORKSPACE)));
    assertEquals(new BitSet(), m.closure(role(m, "MEMBER", Level.ACCOUNT)));
    assertEquals(bits(m, "BILLING", "ACCOUNT_ADMIN"), m.closure(role(m, "ADMIN", Level.ACCOUNT)));
  }

  @Test
  void smallMatrix_impliedIsTransitiveAndIncludesItself() {
    CompiledMatrix m = compile(SMALL);
    assertEquals(bits(m, "VIEW"), m.implied(m.permission("VIEW").orElseThrow()));
    assertEquals(bits(m, "VIEW", "EDIT"), m.implied(m.permission("EDIT").orElseThrow()));
    assertEquals(
        bits(m, "VIEW", "EDIT", "DELETE"), m.implied(m.permission("DELETE").orElseThrow()));
    assertEquals(
        bits(m, "BILLING", "ACCOUNT_ADMIN"),
        m.implied(m.permission("ACCOUNT_ADMIN").orElseThrow()));
  }

  @Test
  void smallMatrix_returnedBitSetsAreCopies() {
    CompiledMatrix m = compile(SMALL);
    RoleRow viewer = role(m, "VIEWER", Level.WORKSPACE);
    m.closure(viewer).set(3);
    m.closure(viewer).clear();
    assertEquals(bits(m, "VIEW"), m.closure(viewer));
    PermissionRow edit = m.permission("EDIT").orElseThrow();
    m.implied(edit).clear();
    assertEquals(bits(m, "VIEW", "EDIT"), m.implied(edit));
  }

  @Test
  void smallMatrix_lookupsAndNames() {
    CompiledMatrix m = compile(SMALL);
    assertEquals("Small", m.title());
    assertEquals("small.md", m.sourceName());
    assertEquals(SMALL, m.text());
    assertEquals("Small (small.md)", m.describe());
    assertEquals(
        List.of("VIEW", "EDIT", "DELETE", "AUDIT", "BILLING", "ACCOUNT_ADMIN"),
        m.permissions().stream().map(PermissionRow::name).toList());
    for (int i = 0; i < m.permissions().size(); i++) {
      assertEquals(i, m.indexOf(m.permissions().get(i)));
    }
    assertEquals(
        List.of("VIEWER", "EDITOR", "OWNER", "AUDITOR", "MEMBER", "ADMIN"),
        m.roles().stream().map(RoleRow::name).toList());
    assertEquals(
        List.of("VIEWER", "EDITOR", "OWNER", "AUDITOR"),
        m.roles(Level.WORKSPACE).stream().map(RoleRow::name).toList());
    assertEquals(
        List.of("MEMBER", "ADMIN"), m.roles(Level.ACCOUNT).stream().map(RoleRow::name).toList());
    assertEquals(Optional.empty(), m.permission("view"));
    assertEquals(Optional.empty(), m.permission("NOPE"));
    PermissionRow edit = m.permission("EDIT").orElseThrow();
    assertEquals("write", edit.scope());
    assertEquals(List.of("VIEW"), edit.includes());
    assertEquals("Edit things.", edit.description());
    assertEquals(Level.WORKSPACE, edit.level());
    assertEquals("MEMBER", m.defaultAccountRole().orElseThrow().name());
    RoleRow admin = role(m, "ADMIN", Level.ACCOUNT);
    assertEquals("OWNER", admin.everywhere());
    assertEquals("MEMBER", admin.inherits());
    assertFalse(admin.isDefault());
    assertEquals(List.of("EDIT"), m.closestNames("EDTI"));
    assertEquals(List.of("DELETE"), m.closestNames("delete"));
    assertEquals(List.of(), m.closestNames("SOMETHING_ELSE_ENTIRELY"));
  }

  @Test
  void noDefaultAccountRole_isEmpty() {
    CompiledMatrix m =
        compile(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |

        | Role | Level | Inherits | Grants |
        |---|---|---|---|
        | MEMBER | account | | |
        """);
    assertEquals(Optional.empty(), m.defaultAccountRole());
    assertEquals("small.md", m.title());
  }

  @Test
  void sameNameAtBothLevels_closesEachWithinItsOwnLevel() {
    CompiledMatrix m =
        compile(
            """
        | Permission | Level | Includes |
        |---|---|---|
        | VIEW | workspace | |
        | EDIT | workspace | |
        | BILL | account | |
        | PAY | account | |

        | Role | Level | Inherits | Grants |
        |---|---|---|---|
        | BASE | workspace | | VIEW |
        | BASE | account | | BILL |
        | TOP | workspace | BASE | EDIT |
        | TOP | account | BASE | PAY |
        """);
    assertEquals(bits(m, "VIEW", "EDIT"), m.closure(role(m, "TOP", Level.WORKSPACE)));
    assertEquals(bits(m, "BILL", "PAY"), m.closure(role(m, "TOP", Level.ACCOUNT)));
  }

  @Test
  void longInheritanceChainAndDiamondIncludes_closeCompletely() {
    StringBuilder text = new StringBuilder("| Permission | Level | Includes |\n|---|---|---|\n");
    text.append("| P0 | workspace | |\n");
    for (int i = 1; i < 60; i++) {
      // P_i includes P_{i-1} and, for even i, P_{i-2} as well (diamonds).
      text.append("| P")
          .append(i)
          .append(" | workspace | P")
          .append(i - 1)
          .append(i % 2 == 0 && i >= 2 ? ", P" + (i - 2) : "")
          .append(" |\n");
    }
    text.append("\n| Role | Level | Inherits | Grants |\n|---|---|---|---|\n");
    text.append("| R0 | workspace | | |\n");
    for (int i = 1; i < 60; i++) {
      text.append("| R")
          .append(i)
          .append(" | workspace | R")
          .append(i - 1)
          .append(" | ")
          .append(i % 10 == 0 ? "P" + i : "")
          .append(" |\n");
    }
    CompiledMatrix m = compile(text.toString());
    BitSet all = new BitSet();
    all.set(0, 51);
    assertEquals(all, m.closure(role(m, "R59", Level.WORKSPACE)));
    BitSet upTo20 = new BitSet();
    upTo20.set(0, 21);
    assertEquals(upTo20, m.closure(role(m, "R29", Level.WORKSPACE)));
    assertEquals(new BitSet(), m.closure(role(m, "R9", Level.WORKSPACE)));
    BitSet p59 = new BitSet();
    p59.set(0, 60);
    assertEquals(p59, m.implied(m.permission("P59").orElseThrow()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomMatrix_closureEqualsReference(long seed) {
    Random random = new Random(seed);
    Generated g = Generated.random(random);
    MatrixCompiler.Result result = MatrixCompiler.compile("random.md", g.text);
    assertEquals(List.of(), result.problems(), g.text);
    CompiledMatrix m = result.matrix().orElseThrow();
    assertEquals(g.permissions.size(), m.permissions().size(), g.text);
    for (int i = 0; i < g.permissions.size(); i++) {
      PermissionRow row = m.permissions().get(i);
      assertEquals(g.permissions.get(i), row.name());
      assertEquals(g.referenceImplied(i), m.implied(row), g.text + "\nimplied " + row.name());
    }
    for (RoleRow role : m.roles()) {
      assertEquals(
          g.referenceClosure(role.name(), role.level()),
          m.closure(role),
          g.text + "\nclosure " + role.level() + " " + role.name());
    }
  }

  /** A random valid matrix: includes only point backwards and inherits only to earlier roles. */
  private static final class Generated {
    final List<String> permissions = new ArrayList<>();
    final List<Level> levels = new ArrayList<>();
    final List<List<Integer>> includes = new ArrayList<>();

    /** Per level: role name to (inherited role or null, granted permission indexes). */
    final Map<Level, Map<String, Object[]>> roles = new HashMap<>();

    String text;

    static Generated random(Random random) {
      Generated g = new Generated();
      int count = 1 + random.nextInt(40);
      StringBuilder out =
          new StringBuilder("# Random\n\n| Permission | Level | Includes |\n|---|---|---|\n");
      for (int i = 0; i < count; i++) {
        Level level = random.nextInt(3) == 0 ? Level.ACCOUNT : Level.WORKSPACE;
        List<Integer> inc = new ArrayList<>();
        for (int j = 0; j < i; j++) {
          if (g.levels.get(j) == level && random.nextInt(4) == 0) {
            inc.add(j);
          }
        }
        g.permissions.add("P_" + i);
        g.levels.add(level);
        g.includes.add(inc);
        out.append("| P_")
            .append(i)
            .append(" | ")
            .append(level.word())
            .append(" | ")
            .append(String.join(", ", inc.stream().map(j -> "P_" + j).toList()))
            .append(" |\n");
      }
      out.append("\n| Role | Level | Inherits | Grants |\n|---|---|---|---|\n");
      for (Level level : Level.values()) {
        Map<String, Object[]> byName = new LinkedHashMap<>();
        g.roles.put(level, byName);
        int roleCount = random.nextInt(12);
        List<String> names = new ArrayList<>();
        for (int r = 0; r < roleCount; r++) {
          String name = "R_" + r;
          String inherits =
              names.isEmpty() || random.nextBoolean()
                  ? null
                  : names.get(random.nextInt(names.size()));
          List<Integer> grants = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            if (g.levels.get(i) == level && random.nextInt(5) == 0) {
              grants.add(i);
            }
          }
          byName.put(name, new Object[] {inherits, grants});
          names.add(name);
          out.append("| ")
              .append(name)
              .append(" | ")
              .append(level.word())
              .append(" | ")
              .append(inherits == null ? "" : inherits)
              .append(" | ")
              .append(String.join(", ", grants.stream().map(i -> "P_" + i).toList()))
              .append(" |\n");
        }
      }
      g.text = out.toString();
      return g;
    }

    /**
     * Fixpoint: start from the permission, add whatever anything in the set includes, until stable.
     */
    BitSet referenceImplied(int permission) {
      BitSet set = new BitSet();
      set.set(permission);
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
          for (int j : includes.get(i)) {
            if (!set.get(j)) {
              set.set(j);
              changed = true;
            }
          }
        }
      }
      return set;
    }

    @SuppressWarnings("unchecked")
    BitSet referenceClosure(String role, Level level) {
      BitSet set = new BitSet();
      for (String r = role; r != null; r = (String) roles.get(level).get(r)[0]) {
        for (int grant : (List<Integer>) roles.get(level).get(r)[1]) {
          set.or(referenceImplied(grant));
        }
      }
      return set;
    }
  }

  @Test
  void generator_producesBothLevelsAndInheritance() {
    // Guards the property above against a generator that degenerates into trivial matrices.
    boolean account = false;
    boolean inherits = false;
    boolean includes = false;
    for (long seed : seeds().toArray()) {
      Generated g = Generated.random(new Random(seed));
      account |= g.levels.contains(Level.ACCOUNT);
      includes |= g.includes.stream().anyMatch(list -> !list.isEmpty());
      inherits |=
          g.roles.values().stream()
              .anyMatch(map -> map.values().stream().anyMatch(spec -> spec[0] != null));
    }
    assertTrue(account && inherits && includes);
  }
}

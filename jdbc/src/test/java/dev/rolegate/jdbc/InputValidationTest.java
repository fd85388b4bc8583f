package dev.rolegate.jdbc;

import static dev.rolegate.jdbc.MembershipException.Reason.INVALID_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolegate.jdbc.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile names on every change (H2 and a real PostgreSQL server): SQL metacharacters, very long
 * names, whitespace, control and look-alike characters are refused with the stored-name rule's
 * message, and nothing is written.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class InputValidationTest {
  private static final String INJECTION = "x'; drop table rolegate_account; --";
  private static final String LONG = "a".repeat(10_000);
  private static final List<String> HOSTILE =
      List.of(
          INJECTION, LONG, "", " mia", "mia\n", "mi\u0430", "ws\u200bprod", "-lead", "a//b", "/b");

  @Parameter TestDatabase database;

  private Fixture db;

  @BeforeEach
  void seed() {
    db = new Fixture(database, "input").seeded();
  }

  @Test
  void everyIdOfEveryChangeFollowsTheStoredNameRule() {
    AccountAdministration owner = db.accounts("olivia");
    WorkspaceAdministration workspaces = db.workspaces("olivia");
    for (String bad : HOSTILE) {
      db.refused(INVALID_NAME, "a user id", () -> owner.addMember("acct-acme", bad, "MEMBER"));
      db.refused(
          INVALID_NAME, "a principal id", () -> owner.setAccountRole("acct-acme", bad, "ADMIN"));
      db.refused(INVALID_NAME, "a user id", () -> owner.removeMember("acct-acme", bad));
      db.refused(
          INVALID_NAME,
          "a service account name",
          () -> owner.createServiceAccount("acct-acme", bad, "MEMBER"));
      db.refused(INVALID_NAME, "a workspace id", () -> owner.createWorkspace("acct-acme", bad));
      db.refused(
          INVALID_NAME, "a principal id", () -> workspaces.setRole("ws-prod", bad, "VIEWER"));
      db.refused(INVALID_NAME, "a role name", () -> workspaces.setRole("ws-prod", "mia", bad));
      db.refused(INVALID_NAME, "a role name", () -> workspaces.setDefaultRole("ws-prod", bad));
      db.refused(INVALID_NAME, "a role name", () -> owner.addMember("acct-acme", "ann", bad));
      db.refused(INVALID_NAME, "an account id", () -> db.provisioning.createAccount(bad, "ann"));
      db.refused(INVALID_NAME, "a user id", () -> db.provisioning.createAccount("acct-x", bad));
      db.refused(
          INVALID_NAME,
          "a role name",
          () -> db.provisioning.defineCustomRole("acct-acme", bad, "VIEWER", List.of()));
    }
    assertEquals(4, owner.members("acct-acme").size(), "the tables are all still there");
  }

  @Test
  void theMessageSaysWhatWasWrongAndTheRule() {
    MembershipException injection =
        db.refused(
            INVALID_NAME,
            "a user id \"x';",
            () -> db.accounts("olivia").addMember("acct-acme", INJECTION, "MEMBER"));
    assertTrue(
        injection
            .getMessage()
            .contains(
                "has character \"'\" at index 1; use 1 to 200"
                    + " letters, digits and . _ - @ : + |, starting with a letter or a digit"),
        injection.getMessage());
    MembershipException tooLong =
        db.refused(
            INVALID_NAME,
            "a workspace id is 10000 characters long, more than 200",
            () -> db.accounts("olivia").createWorkspace("acct-acme", LONG));
    assertFalse(tooLong.getMessage().contains(LONG), "a long name is not repeated in full");
    db.refused(
        INVALID_NAME,
        "a user id is missing",
        () -> db.accounts("olivia").addMember("acct-acme", null, "MEMBER"));
    db.refused(
        INVALID_NAME,
        "first character \"-\" at index 0",
        () -> db.accounts("olivia").addMember("acct-acme", "-lead", "MEMBER"));
  }

  @Test
  void usualIdsAreAccepted() {
    AccountAdministration owner = db.accounts("olivia");
    for (String id :
        List.of(
            "ann@example.com",
            "auth0|5f7c8ec7c33c6c004bbafe82",
            "github:12345",
            "a.b_c-d+e",
            "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0")) {
      owner.addMember("acct-acme", id, "MEMBER");
    }
    assertEquals(9, owner.members("acct-acme").size());
    assertTrue(StoredNames.isId("a".repeat(200)));
    assertFalse(StoredNames.isId("a".repeat(201)));
  }
}

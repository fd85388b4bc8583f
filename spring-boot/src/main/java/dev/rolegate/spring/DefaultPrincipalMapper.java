package dev.rolegate.spring;

import dev.rolegate.runtime.AccountDirectory;
import dev.rolegate.runtime.CustomRoles;
import dev.rolegate.runtime.Matrix;
import dev.rolegate.runtime.Principal;
import dev.rolegate.runtime.Role;
import dev.rolegate.runtime.WorkspaceDefaults;
import dev.rolegate.runtime.internal.Names;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The starter's default {@link PrincipalMapper}. The principal's id is {@link
 * Authentication#getName()}; it is built with the application's {@link AccountDirectory}, and its
 * memberships and roles come from
 *
 * <ul>
 *   <li>authorities {@code account:<account-id>:<ROLE>} (e.g. {@code account:acct-acme:ADMIN}), one
 *       per account the caller belongs to, and {@code workspace:<id>:<ROLE>} (e.g. {@code
 *       workspace:ws-prod:DEVELOPER}); in both the role follows the last colon; and the authority
 *       {@code principal:service-account} for a service account;
 *   <li>the claims of an OAuth2 token (a JWT from the resource server): {@code accounts} (an object
 *       of account id to role), {@code workspace_roles} (an object of workspace id to role) and
 *       {@code principal_type} ({@code user}, the default, or {@code service_account}).
 * </ul>
 *
 * <p>In a single-account application ({@code rolegate.single-account}) the forms without an
 * account, the authority {@code account:<ROLE>} and the claim {@code account_role}, are the role in
 * that account, and every principal is a member of it (MEMBER unless named); elsewhere they are
 * refused. A workspace role name that the matrix lacks is looked up in the application's {@link
 * CustomRoles} of the workspace's account; the application's {@link WorkspaceDefaults}, if any,
 * give the roles of workspaces without an explicit one.
 *
 * <p>Other authorities ({@code ROLE_USER}, {@code SCOPE_read}) are ignored. An anonymous or
 * unauthenticated request has no principal. Everything else fails closed with a {@link
 * PrincipalMappingException} (HTTP 401): a role the matrix does not have (names are
 * case-sensitive), two roles for one account or one workspace, an account id that cannot be shown,
 * a service account not in exactly one account, a role in a workspace of an account the credentials
 * name no membership of, a custom role of another account, a claim of the wrong shape.
 */
public class DefaultPrincipalMapper implements PrincipalMapper {
  /** A role name that may be quoted back in a message; anything else is not echoed. */
  private static final Pattern PRINTABLE_ROLE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Matrix matrix;
  private final AccountDirectory directory;
  private final String singleAccount;
  private final WorkspaceDefaults defaults;
  private final List<CustomRoles> customRoles;

  /** Creates the mapper for this matrix and directory, with several accounts. */
  public DefaultPrincipalMapper(Matrix matrix, AccountDirectory directory) {
    this(matrix, directory, null, null, List.of());
  }

  /**
   * Creates the mapper.
   *
   * @param singleAccount the account of a single-account application, in which the credentials'
   *     forms without an account give the role; null when there are several accounts
   * @param defaults the workspaces' default roles, or null
   * @param customRoles the custom roles of each account
   */
  public DefaultPrincipalMapper(
      Matrix matrix,
      AccountDirectory directory,
      String singleAccount,
      WorkspaceDefaults defaults,
      Collection<CustomRoles> customRoles) {
    this.matrix = Objects.requireNonNull(matrix, "matrix");
    this.directory = Objects.requireNonNull(directory, "account directory");
    this.singleAccount =
        singleAccount == null ? null : Names.requireShowable("an account id", singleAccount);
    this.defaults = defaults;
    this.customRoles = List.copyOf(customRoles);
  }

  @Override
  public Principal map(Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    Roles roles = new Roles();
    readAuthorities(authentication.getAuthorities(), roles);
    readClaims(JwtClaims.of(authentication), roles);
    return build(authentication.getName(), roles);
  }

  private void readAuthorities(Collection<? extends GrantedAuthority> authorities, Roles roles) {
    for (GrantedAuthority authority : authorities) {
      String text = authority.getAuthority();
      if (text == null) {
        continue;
      }
      if (text.startsWith("account:")) {
        String rest = text.substring("account:".length());
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
          roles.account(legacyAccount("an authority \"account:<ROLE>\""), rest);
        } else if (colon == 0 || colon == rest.length() - 1) {
          throw new PrincipalMappingException(
              "an authority \"account:<account-id>:<ROLE>\" lacks its account id or its role");
        } else {
          roles.account(rest.substring(0, colon), rest.substring(colon + 1));
        }
      } else if (text.startsWith("workspace:")) {
        String rest = text.substring("workspace:".length());
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
          throw new PrincipalMappingException(
              "an authority \"workspace:<id>:<ROLE>\" lacks its workspace id or its role");
        }
        roles.workspace(rest.substring(0, colon), rest.substring(colon + 1));
      } else if (text.equals("principal:service-account")) {
        roles.serviceAccount = true;
      }
    }
  }

  /** Returns the single account for a form without an account, or refuses it. */
  private String legacyAccount(String form) {
    if (singleAccount == null) {
      throw new PrincipalMappingException(
          form
              + " names no account, which only a single-account"
              + " application (rolegate.single-account) accepts; name the account:"
              + " \"account:<account-id>:<ROLE>\" (the claim \"accounts\": {\"<account-id>\":"
              + " \"<ROLE>\"})");
    }
    return singleAccount;
  }

  private void readClaims(Map<String, Object> claims, Roles roles) {
    Object legacy = claims.get("account_role");
    if (legacy != null) {
      if (!(legacy instanceof String name)) {
        throw new PrincipalMappingException("the claim account_role is not a string");
      }
      roles.account(legacyAccount("the claim account_role"), name);
    }
    Object accounts = claims.get("accounts");
    if (accounts != null) {
      for (Map.Entry<String, String> entry : stringMap(accounts, "accounts", "account id")) {
        roles.account(entry.getKey(), entry.getValue());
      }
    }
    Object workspaces = claims.get("workspace_roles");
    if (workspaces != null) {
      for (Map.Entry<String, String> entry :
          stringMap(workspaces, "workspace_roles", "workspace id")) {
        roles.workspace(entry.getKey(), entry.getValue());
      }
    }
    Object type = claims.get("principal_type");
    if (type != null) {
      if ("service_account".equals(type)) {
        roles.serviceAccount = true;
      } else if (!"user".equals(type)) {
        throw new PrincipalMappingException(
            "the claim principal_type is neither \"user\" nor \"service_account\"");
      }
    }
  }

  /** Returns a claim that must be an object of strings to role names, or fails naming it. */
  private static Collection<Map.Entry<String, String>> stringMap(
      Object claim, String name, String key) {
    String shape = "the claim " + name + " is not an object of " + key + " to role";
    if (!(claim instanceof Map<?, ?> map)) {
      throw new PrincipalMappingException(shape);
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String id) || !(entry.getValue() instanceof String role)) {
        throw new PrincipalMappingException(shape);
      }
      entries.put(id, role);
    }
    return entries.entrySet();
  }

  private Principal build(String id, Roles roles) {
    if (id == null || id.isBlank()) {
      throw new PrincipalMappingException("the authentication has no name to use as principal id");
    }
    if (singleAccount != null && roles.accountOf(singleAccount) == null) {
      roles.accounts.put(singleAccount, null);
    }
    for (Map.Entry<String, String> entry : roles.accounts.entrySet()) {
      if (!showable(entry.getKey())) {
        throw new PrincipalMappingException(
            "the credentials name an account id that is empty,"
                + " blank or holds a character that cannot be shown (not shown)");
      }
      if (entry.getValue() != null && matrix.accountRole(entry.getValue()).isEmpty()) {
        throw unknownRole(
            "account role (in account " + Names.quoted(entry.getKey()) + ")", entry.getValue());
      }
    }
    if (roles.serviceAccount && roles.accounts.size() != 1) {
      throw new PrincipalMappingException(
          "the credentials describe a service account in "
              + roles.accounts.size()
              + " accounts; a service account belongs to exactly one account:"
              + " name it once (\"account:<account-id>:<ROLE>\")");
    }
    Map<String, Role> workspaceRoles = new TreeMap<>();
    for (Map.Entry<String, String> entry : roles.workspaces.entrySet()) {
      workspaceRoles.put(entry.getKey(), workspaceRole(entry.getKey(), entry.getValue(), roles));
    }
    try {
      Principal.Builder builder =
          roles.serviceAccount ? Principal.serviceAccount(id) : Principal.user(id);
      builder.matrix(matrix).directory(directory);
      roles.accounts.forEach(
          (account, role) -> {
            if (role == null) {
              builder.member(account);
            } else {
              builder.member(account, role);
            }
          });
      workspaceRoles.forEach(builder::workspaceRole);
      if (defaults != null) {
        builder.workspaceDefaults(defaults);
      }
      return builder.build();
    } catch (RuntimeException e) {
      // The builder's message may quote the id; the client gets a fixed text instead.
      throw new PrincipalMappingException(
          "the authentication does not describe a valid principal (its id or a workspace id is"
              + " rejected: empty, blank or with control characters; or the account directory"
              + " failed)");
    }
  }

  /**
   * Returns the role {@code name} in {@code workspace}: a built-in workspace role, else a custom
   * role of the workspace's account. Refuses a role in a workspace of an account the credentials
   * name no membership of, and a custom role of another account.
   */
  private Role workspaceRole(String workspace, String name, Roles roles) {
    if (!showable(workspace)) {
      throw new PrincipalMappingException(
          "the credentials name a workspace id that is empty,"
              + " blank or holds a character that cannot be shown (not shown)");
    }
    String account;
    try {
      account = directory.accountOf(workspace);
    } catch (RuntimeException e) {
      throw new PrincipalMappingException(
          "the account of a workspace in the credentials could not be found");
    }
    if (account != null && roles.accountOf(account) == null) {
      throw new PrincipalMappingException(
          "the credentials give a role in workspace "
              + Names.quoted(workspace)
              + " of account "
              + Names.quoted(account)
              + ", but no"
              + " membership of that account: a workspace role is held only by members of the"
              + " workspace's account (add \"account:"
              + Names.escaped(account)
              + ":<ROLE>\")");
    }
    Optional<Role> builtIn = matrix.workspaceRole(name);
    if (builtIn.isPresent()) {
      return builtIn.get();
    }
    Role other = null;
    for (CustomRoles each : customRoles) {
      Optional<Role> custom = each.find(name);
      if (custom.isEmpty()) {
        continue;
      }
      String owner = each.account().orElse(singleAccount);
      boolean own = owner != null && AccountDirectory.sameAccount(owner, account);
      if (account == null || own) {
        return custom.get();
      }
      other = custom.get();
    }
    if (other != null) {
      throw new PrincipalMappingException(
          "the credentials give custom role "
              + shown(name)
              + " of another account in workspace "
              + Names.quoted(workspace)
              + " of account "
              + Names.quoted(account)
              + ": a custom role is held only in its own account's"
              + " workspaces");
    }
    throw unknownRole("workspace role (in workspace " + Names.escaped(workspace) + ")", name);
  }

  private static boolean showable(String id) {
    try {
      Names.requireShowable("an id", id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String shown(String role) {
    return PRINTABLE_ROLE.matcher(role).matches() ? "\"" + role + "\"" : "(not shown)";
  }

  private PrincipalMappingException unknownRole(String what, String role) {
    return new PrincipalMappingException(
        "the credentials name "
            + what
            + " "
            + shown(role)
            + ", which matrix "
            + matrix.name()
            + " does not have (role names are case-sensitive)");
  }

  /** The roles read so far; two different values for one slot fail. */
  private static final class Roles {
    /** Account id to role name (null: the matrix's default), in the order read. */
    final Map<String, String> accounts = new LinkedHashMap<>();

    final Map<String, String> workspaces = new TreeMap<>();
    boolean serviceAccount;

    /** Returns the id under which {@code account} (either spelling of a UUID) was read, or null. */
    String accountOf(String account) {
      for (String each : accounts.keySet()) {
        if (AccountDirectory.sameAccount(each, account)) {
          return each;
        }
      }
      return null;
    }

    void account(String account, String role) {
      String known = accountOf(account);
      if (known == null) {
        accounts.put(account, role);
      } else if (!Objects.equals(accounts.get(known), role)) {
        throw new PrincipalMappingException(
            "the credentials name two roles for account "
                + (showable(account) ? Names.quoted(account) : "(not shown)"));
      }
    }

    void workspace(String id, String role) {
      String previous = workspaces.putIfAbsent(id, role);
      if (previous != null && !previous.equals(role)) {
        throw new PrincipalMappingException(
            "the credentials name two roles for workspace " + Names.escaped(id));
      }
    }
  }
}

-- rolegate's memberships: who holds which role where. Portable SQL (H2 and PostgreSQL).
-- Ids are checked by rolegate-jdbc before they are written (StoredNames): 1 to 200 characters.
-- Role names are a matrix role's name or a custom role of the account; the store checks them
-- against the compiled matrix when it writes and again when it reads.

create table rolegate_account (
  id varchar(200) not null primary key
);

-- A user (kind USER, no account) or a service account (kind SERVICE_ACCOUNT, exactly one account).
create table rolegate_principal (
  id varchar(200) not null primary key,
  kind varchar(20) not null,
  account_id varchar(200),
  constraint rolegate_principal_kind check (
    (kind = 'USER' and account_id is null)
    or (kind = 'SERVICE_ACCOUNT' and account_id is not null)),
  constraint rolegate_principal_account foreign key (account_id)
    references rolegate_account (id)
);

create table rolegate_account_member (
  account_id varchar(200) not null,
  principal_id varchar(200) not null,
  role varchar(100) not null,
  constraint rolegate_account_member_pk primary key (account_id, principal_id),
  constraint rolegate_account_member_account foreign key (account_id)
    references rolegate_account (id),
  constraint rolegate_account_member_principal foreign key (principal_id)
    references rolegate_principal (id) on delete cascade
);

create index rolegate_account_member_by_principal
  on rolegate_account_member (principal_id);

-- A workspace belongs to exactly one account for its whole life. default_role null: no access.
create table rolegate_workspace (
  id varchar(200) not null primary key,
  account_id varchar(200) not null,
  default_role varchar(100),
  constraint rolegate_workspace_account foreign key (account_id)
    references rolegate_account (id),
  constraint rolegate_workspace_in_account unique (id, account_id)
);

-- A workspace role is held only by a member of the workspace's account: the two foreign keys
-- make any other row impossible, and removing a member from the account removes their roles.
create table rolegate_workspace_member (
  workspace_id varchar(200) not null,
  account_id varchar(200) not null,
  principal_id varchar(200) not null,
  role varchar(100) not null,
  constraint rolegate_workspace_member_pk primary key (workspace_id, principal_id),
  constraint rolegate_workspace_member_workspace foreign key (workspace_id, account_id)
    references rolegate_workspace (id, account_id),
  constraint rolegate_workspace_member_membership foreign key (account_id, principal_id)
    references rolegate_account_member (account_id, principal_id) on delete cascade
);

create index rolegate_workspace_member_by_principal
  on rolegate_workspace_member (principal_id);

-- A custom workspace role of an account: a base role's permissions plus extras, or (base_role
-- null) exactly the listed permissions.
create table rolegate_custom_role (
  account_id varchar(200) not null,
  name varchar(100) not null,
  base_role varchar(100),
  constraint rolegate_custom_role_pk primary key (account_id, name),
  constraint rolegate_custom_role_account foreign key (account_id)
    references rolegate_account (id)
);

create table rolegate_custom_role_permission (
  account_id varchar(200) not null,
  role_name varchar(100) not null,
  permission varchar(100) not null,
  constraint rolegate_custom_role_permission_pk primary key (account_id, role_name, permission),
  constraint rolegate_custom_role_permission_role foreign key (account_id, role_name)
    references rolegate_custom_role (account_id, name) on delete cascade
);

-- An application's own first migration, beside rolegate's.
create table deployment (
  id varchar(100) not null primary key,
  workspace_id varchar(200) not null
);

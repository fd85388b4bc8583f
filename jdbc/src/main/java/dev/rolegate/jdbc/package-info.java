/**
 * Memberships in a database: accounts, their members and account roles, service accounts,
 * workspaces with their default roles, workspace roles and custom roles, in the schema of {@link
 * dev.rolegate.jdbc.RolegateSchema} (Flyway migrations, H2 and PostgreSQL), read by a store that
 * resolves a request's principal from what the request acts on, and changed through guarded
 * administration services whose permissions come from the bundled Prefect Cloud matrix.
 */
package dev.rolegate.jdbc;

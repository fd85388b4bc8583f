/**
 * Account-level services: settings, SSO, members, service accounts, workspaces; each method names
 * the account it acts in.
 */
package dev.rolegate.samples.account;

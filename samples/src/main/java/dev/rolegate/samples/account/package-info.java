/** Account-level services: settings, SSO, members, service accounts, workspaces. */
package dev.rolegate.samples.account;

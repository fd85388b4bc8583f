/** A workspace itself and its members. */
package dev.rolegate.samples.workspaces;

/**
 * Called only by code that the rolegate processor generates; not API, and it may change in any
 * release.
 */
package dev.rolegate.runtime.internal;

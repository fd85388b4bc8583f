/**
 * The rolegate runtime: principals, the current-principal context, compiled matrices and the
 * exceptions a denied call throws. JDK only, and it knows no particular matrix: a compiled matrix
 * (such as the bundled Prefect Cloud one) registers itself as a {@link
 * dev.rolegate.runtime.CapabilityTable} service.
 */
package dev.rolegate.runtime;

/**
 * The rolegate annotation processor. {@link dev.rolegate.processor.RolegateProcessor} is the only
 * public type; everything under {@code internal} may change in any release.
 */
package dev.rolegate.processor;

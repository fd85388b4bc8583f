/**
 * What tells a build that rolegate's processor did not run: {@link
 * dev.rolegate.annotations.processing.MissingProcessorCheck}, found by javac on the class path.
 */
package dev.rolegate.annotations.processing;

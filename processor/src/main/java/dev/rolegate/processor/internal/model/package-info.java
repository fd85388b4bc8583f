/** Immutable values the validation step builds and the generators read. */
package dev.rolegate.processor.internal.model;

/**
 * The rolegate annotation processor and the matrix diff command. {@link
 * dev.rolegate.processor.RolegateProcessor} and {@link dev.rolegate.processor.MatrixDiff} are the
 * only public types; everything under {@code internal} may change in any release.
 */
package dev.rolegate.processor;

/**
 * The processing steps, one per annotation family: compiling the declared matrix, handing each
 * guarded type to validation, generation and the report; and finding the matrix a compilation
 * checks against ({@code MatrixLocator}, {@code MatrixSources}).
 */
package dev.rolegate.processor.internal.step;

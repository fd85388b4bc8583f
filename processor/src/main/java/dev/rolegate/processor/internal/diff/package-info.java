/**
 * The matrix diff: what each built-in role gains and loses between two matrix files, in permissions
 * after closure and, given an access report, in guarded methods; rendered as text or JSON for
 * {@link dev.rolegate.processor.MatrixDiff}.
 */
package dev.rolegate.processor.internal.diff;

package dev.rolegate.processor.internal.matrix;

import dev.rolegate.processor.internal.diagnostic.Diagnostic;

/** A mistake in a matrix file, at a line, with what to fix. */
public record MatrixProblem(Diagnostic diagnostic, int line, String message) {}

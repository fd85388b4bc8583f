/**
 * The processing steps the processor drives each round: compiling the declared matrix ({@code
 * MatrixStep}) and finding the matrix a compilation checks against ({@code MatrixLocator}, {@code
 * MatrixSources}); collecting the guarded types of a round, asking the validation about each and
 * handing each valid service on, keeping the deferred ones ({@code GuardStep}); and telling the
 * access lock which types are compiled here from source ({@code SourceTypes}). The steps validate
 * nothing themselves.
 */
package dev.rolegate.processor.internal.step;

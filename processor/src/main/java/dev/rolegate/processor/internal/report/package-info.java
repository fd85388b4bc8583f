/**
 * The access report: who may call each guarded method of a compilation, computed from the validated
 * services and the matrix, and written as {@code META-INF/rolegate/access-report.md} and {@code
 * access-report.json} in the class output, with the guard index; and the access lock, which
 * compares that access with a committed file ({@code -Arolegate.accessLock}, docs/access-lock.md).
 * It reads only the model: the Filer's originating elements are the services' own types, and the
 * types compiled here are handed in ({@code CompiledTypes}).
 */
package dev.rolegate.processor.internal.report;

/**
 * Immutable values the validation builds and the generators and the access report read: each
 * guarded type with its methods, their requirements, how they name workspace and account, and an
 * {@code @Unguarded} method's reason; and, read once where the model is built, the names and
 * signatures the access report and the guard index write ({@code MethodText}, binary names).
 */
package dev.rolegate.processor.internal.model;

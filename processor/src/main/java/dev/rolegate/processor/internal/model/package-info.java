/**
 * Immutable values the validation builds and the generators and the access report read: each
 * guarded type with its methods, their requirements, how they name workspace and account, and an
 * {@code @Unguarded} method's reason.
 */
package dev.rolegate.processor.internal.model;

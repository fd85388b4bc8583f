/**
 * Reads guarded types into the model, reporting every user mistake on its exact element: services,
 * methods, requirements, workspace and account arguments and carriers, guard names that are taken,
 * and the warnings about them. {@code ServiceValidation} is the one entry point: for each type it
 * decides valid (a {@code GuardedService}, carrying the text the access report needs), deferred to
 * a later round, or invalid.
 */
package dev.rolegate.processor.internal.validation;

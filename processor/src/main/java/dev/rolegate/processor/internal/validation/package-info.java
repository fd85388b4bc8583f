/**
 * Reads guarded types into the model, reporting every user mistake on its exact element: services,
 * methods, requirements, workspace and account arguments and carriers, and the warnings about them.
 */
package dev.rolegate.processor.internal.validation;

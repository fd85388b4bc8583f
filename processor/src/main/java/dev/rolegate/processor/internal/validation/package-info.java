/** Reads guarded types into the model, reporting every user mistake on its exact element. */
package dev.rolegate.processor.internal.validation;

/** One generator per output kind; each reads only the model and writes through the Filer. */
package dev.rolegate.processor.internal.generation;

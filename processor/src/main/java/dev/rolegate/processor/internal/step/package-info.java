/** The processing steps, one per annotation family, and how a compilation finds its matrix. */
package dev.rolegate.processor.internal.step;

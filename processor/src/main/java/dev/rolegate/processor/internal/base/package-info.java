/**
 * Helpers every other package of the processor shares: the qualified names of the annotations it
 * reads, how it reads annotation mirrors, and where it finds javac's own environment.
 */
package dev.rolegate.processor.internal.base;

/**
 * Helpers several packages of the processor share: the qualified names of the annotations it reads
 * and how it reads their mirrors, where it finds javac's own environment, how it writes a method's
 * signature, and what requirements mean against one matrix.
 */
package dev.rolegate.processor.internal.base;

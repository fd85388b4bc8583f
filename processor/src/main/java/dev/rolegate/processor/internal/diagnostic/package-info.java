/** Every diagnostic the processor can emit, with its stable id, kind and message format. */
package dev.rolegate.processor.internal.diagnostic;

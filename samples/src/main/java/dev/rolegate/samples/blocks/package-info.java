/** Blocks with secret data that never shows in text. */
package dev.rolegate.samples.blocks;

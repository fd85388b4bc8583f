/**
 * The permission matrix at compile time: parsing the Markdown file, validating it and computing
 * each role's closed permission set.
 */
package dev.rolegate.processor.internal.matrix;

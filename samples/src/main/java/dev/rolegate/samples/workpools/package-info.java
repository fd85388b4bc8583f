/** Work pools and the polling workers do. */
package dev.rolegate.samples.workpools;

/** In-memory storage shared by the sample services. */
package dev.rolegate.samples.store;

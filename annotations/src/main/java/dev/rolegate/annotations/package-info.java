/**
 * The annotations a rolegate user writes. They carry no behaviour: the rolegate annotation
 * processor reads them at compile time, checks them against the permission matrix and generates the
 * guards that enforce them.
 */
package dev.rolegate.annotations;

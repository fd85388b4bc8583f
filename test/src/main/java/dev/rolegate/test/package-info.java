/**
 * JUnit Jupiter support for code guarded by rolegate: {@link dev.rolegate.test.WithPrincipal} and
 * {@link dev.rolegate.test.WithServiceAccount} bind a principal for each test, and {@link
 * dev.rolegate.test.AuthorizationMatrix} checks a guard against the compiled matrix, one dynamic
 * test per role and method.
 */
package dev.rolegate.test;

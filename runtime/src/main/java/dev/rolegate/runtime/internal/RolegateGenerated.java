package dev.rolegate.runtime.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type written by the rolegate processor. Coverage tools that skip {@code *Generated}
 * annotations skip it. RUNTIME retention: {@code GuardIndex.find(Class)} recognizes a generated
 * guard by it when the guarded type is missing from every index read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RolegateGenerated {}

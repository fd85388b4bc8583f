package dev.rolegate.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts one method of a guarded type out of the permission check, on purpose and on the record.
 *
 * <p>A guarded type denies by default: every method a caller can reach through its guard needs
 * either {@link RequiresPermission} or this annotation, so that nothing is open by accident. The
 * guard still requires no principal for an unguarded method; it simply delegates.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Unguarded {
  /**
   * Why this method needs no permission; required, and shown in reviews and reports. The processor
   * reports a missing, empty or blank reason ({@code [BlankUnguardedReason]}); the empty default
   * only lets it do so, so that the mistake is that one error rather than javac's, which stops
   * annotation processing and leaves every generated name missing.
   */
  String reason() default "";
}

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
  /** Why this method needs no permission; required, and shown in reviews and reports. */
  String reason();
}

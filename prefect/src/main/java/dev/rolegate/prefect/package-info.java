/**
 * The bundled Prefect Cloud matrix. {@code prefect-cloud.md} (beside this package in the resources)
 * is the documentation and the source: the rolegate processor compiles it into {@code Permissions},
 * {@code WorkspaceRoles}, {@code AccountRoles} and {@code PrefectCloudCapabilityTable}, which a
 * project gets by depending on {@code rolegate-prefect}.
 */
@PermissionMatrix("prefect-cloud.md")
package dev.rolegate.prefect;

import dev.rolegate.annotations.PermissionMatrix;

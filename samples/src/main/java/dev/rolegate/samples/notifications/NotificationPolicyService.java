package dev.rolegate.samples.notifications;

import dev.rolegate.annotations.RequiresPermission;
import dev.rolegate.annotations.WorkspaceId;
import dev.rolegate.prefect.Permissions;
import java.util.List;

/** Notification policies of a workspace. */
public interface NotificationPolicyService {
  /** Lists the policies. */
  @RequiresPermission(Permissions.VIEW_NOTIFICATION_POLICIES)
  List<NotificationPolicy> list(@WorkspaceId String workspace);

  /** Creates a policy. */
  @RequiresPermission(Permissions.CREATE_EDIT_NOTIFICATION_POLICIES)
  NotificationPolicy create(@WorkspaceId String workspace, String state, String channel);

  /** Points an existing policy at another channel. */
  @RequiresPermission(Permissions.CREATE_EDIT_NOTIFICATION_POLICIES)
  NotificationPolicy edit(@WorkspaceId String workspace, String id, String channel);

  /** Deletes a policy; returns whether it existed. */
  @RequiresPermission(Permissions.DELETE_NOTIFICATION_POLICIES)
  boolean delete(@WorkspaceId String workspace, String id);
}

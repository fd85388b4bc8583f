package dev.rolegate.processor;

/** The parts of an {@code [UnstableWorkspaceCarrier]} message that the carrier tests share. */
final class CarrierMessages {
  private CarrierMessages() {}

  /** The rule the message states after naming the accessor. */
  static final String WHY =
      ". The guard checks the workspace id it reads from the carrier once, and the delegate reads"
          + " it again, so an accessor that can answer differently lets the call act on a"
          + " workspace that was never checked. ";

  /** Returns the fix the message shows for carrier {@code type} with a String {@code accessor}. */
  static String fix(String type, String accessor) {
    return "Make "
        + type
        + " a record that marks its component and declares no accessor for it,"
        + " as in record "
        + type
        + "(@WorkspaceId String "
        + accessor
        + ", ...) {}, or a final"
        + " class whose @WorkspaceId method "
        + accessor
        + "() is exactly return "
        + accessor
        + "; of a final String field it declares; or give the parameter the type String or UUID";
  }
}

/// The tool's version, written into every output (`alat.versi`).
public enum ToolVersion {
  public static let current = "0.1.0"
}

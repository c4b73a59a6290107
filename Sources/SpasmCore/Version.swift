/// The version of spasm: the one place it is written. `spasm --version` and `spasmd --version`
/// print it, spasmd reports it over Varlink, and scripts/package reads it from this file for the
/// Debian package (keep it a plain string literal on the `current` line).
public enum SpasmVersion {
    /// The release, as `MAJOR.MINOR.PATCH`.
    public static let current = "0.1.0"
}

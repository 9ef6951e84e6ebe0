import ShurakuCore

/// The command-line entry point.
public enum ShurakuCLI {
    /// Runs the command line `args` (without the program name) and returns the exit status.
    public static func run(_ args: [String]) -> Int32 { 0 }
}

import Foundation
import ShurakuCore

/// Writes a plan's files into a temporary folder beside the destination and moves them into place
/// only when all are written, so a failed or killed run never leaves half a plan.
///
/// An existing folder from an earlier plan (it holds Shuraku's `plan.json`) is replaced as a
/// whole; any other non-empty folder is refused unless `force`, in which case the plan's files
/// are moved into it one by one and other files are left alone.
public struct OutputFolder: Sendable {
    let destination: URL
    let staging: URL
    let force: Bool
    /// One writer per folder: held from here until ``commit()`` or ``discard()``.
    let lock: FolderLock
    /// With `cleanupOnSignal`: SIGTERM and SIGINT remove the staging folder and end the process
    /// (status 128 + signal) until this is cancelled. Armed before the staging folder exists.
    public let signalCleanup: SignalCleanup?

    /// Checks the destination, takes its lock (``FolderLock``; `wait` waits for another run
    /// writing the same folder instead of failing) and creates the staging folder. `label`
    /// names the folder in messages (the path by default; the command line says "--out PATH").
    /// `cleanupOnSignal` (for command-line runs) arms a ``SignalCleanup`` for the staging folder.
    public init(
        _ path: String, force: Bool, wait: Bool = false, label: String? = nil, cleanupOnSignal: Bool = false
    ) throws(ShurakuError) {
        let label = label ?? path
        let fm = FileManager.default
        destination = URL(fileURLWithPath: path).standardizedFileURL
        self.force = force
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: destination.path, isDirectory: &isDir), !isDir.boolValue {
            throw ShurakuError.badInput("\(label): a file is in the way, not a folder")
        }
        let parent = destination.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ShurakuError.failure("\(label): cannot create \(parent.path): \(error.localizedDescription)")
        }
        guard fm.isWritableFile(atPath: parent.path) else {
            throw ShurakuError.failure("\(label): cannot write in \(parent.path): permission denied")
        }
        lock = try FolderLock(for: destination, wait: wait, label: label)
        // Holding the lock, any staging or swapped-out folder left here belongs to a dead run.
        OutputFolder.removeLeftovers(of: destination)
        let contents = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? []
        if !contents.isEmpty && !OutputFolder.isPlanFolder(destination) && !force {
            throw ShurakuError.badInput(
                "\(label): the folder is not empty and holds no earlier plan; choose another folder or add --force")
        }
        staging = parent.appendingPathComponent(".\(destination.lastPathComponent).shuraku-\(UUID().uuidString)")
        signalCleanup = cleanupOnSignal ? SignalCleanup(staging: staging, lockFile: lock.path) : nil
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            signalCleanup?.cancel()
            throw ShurakuError.failure("\(label): cannot write in \(parent.path): \(error.localizedDescription)")
        }
    }

    /// Cleans up after a killed earlier run: staging folders are removed; a swapped-out earlier
    /// plan (`.NAME.old-…`) is put back when the destination is missing (the run died between
    /// the two renames of ``commit()``), else removed.
    static func removeLeftovers(of destination: URL) {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let entries = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for entry in entries where entry.hasPrefix(".\(name).shuraku-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
        for entry in entries where entry.hasPrefix(".\(name).old-") {
            let old = parent.appendingPathComponent(entry)
            if !fm.fileExists(atPath: destination.path) {
                try? fm.moveItem(at: old, to: destination)
            } else {
                try? fm.removeItem(at: old)
            }
        }
    }

    /// Path of `name` inside the staging folder.
    func path(_ name: String) -> String { staging.appendingPathComponent(name).path }

    /// Whether `dir` holds a `plan.json` written by Shuraku.
    public static func isPlanFolder(_ dir: URL) -> Bool {
        PlanJSON.read(dir.appendingPathComponent("plan.json").path) != nil
    }

    /// Moves the staged plan into place.
    public func commit() throws(ShurakuError) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: destination.path, isDirectory: &isDir)
        do {
            if !exists {
                try fm.moveItem(at: staging, to: destination)
            } else if OutputFolder.isPlanFolder(destination) || ((try? fm.contentsOfDirectory(atPath: destination.path))?.isEmpty ?? false)
            {
                // Swap: old plan aside, new plan in, old plan removed.
                let old = destination.deletingLastPathComponent()
                    .appendingPathComponent(".\(destination.lastPathComponent).old-\(UUID().uuidString)")
                try fm.moveItem(at: destination, to: old)
                try fm.moveItem(at: staging, to: destination)
                try? fm.removeItem(at: old)
            } else {
                // --force into a foreign folder: replace only our files.
                for name in try fm.contentsOfDirectory(atPath: staging.path).sorted() {
                    let target = destination.appendingPathComponent(name)
                    if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
                    try fm.moveItem(at: staging.appendingPathComponent(name), to: target)
                }
                try fm.removeItem(at: staging)
            }
        } catch {
            throw ShurakuError.failure("cannot move the plan into \(destination.path): \(error.localizedDescription)")
        }
        lock.release()
    }

    /// Removes the staging folder (after a failure).
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        lock.release()
    }
}

/// Whether a signal handler is ending the process: the run it interrupted must not exit first
/// with an error of its own (e.g. a write into the staging folder the handler just removed).
public enum Termination {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var started = false

    /// Marks the process as ending on a signal.
    static func begin() { lock.withLock { started = true } }

    /// When a signal handler is ending the process, waits for it to (never returns); else returns.
    public static func yieldToSignalHandler() {
        guard lock.withLock({ started }) else { return }
        while true { sleep(60) }
    }
}

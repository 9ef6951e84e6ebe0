import Foundation
import ShurakuCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on an output folder, held while a run stages and commits into it: one
/// writer per folder. It is an advisory `flock` on a hidden lock file beside the folder
/// (`.NAME.shuraku.lock`, removed by its owner when done); the kernel releases the lock when the
/// owner exits, however it exits, so a lock is never stale.
public final class FolderLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    private var fd: Int32 = -1

    /// Takes the lock on `destination`. Without `wait`, a run that finds the folder locked fails
    /// at once with a message naming the folder and the other run's process id; with `wait`, it
    /// waits for the other run to finish.
    ///
    /// - Parameters:
    ///   - destination: the output folder to lock (the lock file sits beside it).
    ///   - wait: wait for another run holding the lock instead of failing.
    ///   - label: how messages name the folder (the path by default).
    public init(for destination: URL, wait: Bool, label: String? = nil) throws(ShurakuError) {
        let parent = destination.deletingLastPathComponent()
        path = parent.appendingPathComponent(".\(destination.lastPathComponent).shuraku.lock").path
        let label = label ?? destination.path
        func failure(_ what: String) -> ShurakuError {
            .failure("\(label): \(what) \(path): \(String(cString: strerror(errno)))")
        }
        // The owner removes the lock file when it is done: a run that locked a file meanwhile
        // removed (or replaced) holds nothing, so it opens the file again.
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw failure("cannot create the lock file") }
            while flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
                guard errno == EINTR else {
                    let busy = errno == EWOULDBLOCK
                    let error =
                        busy
                        ? ShurakuError.failure(
                            "\(label) is being written by another shuraku run"
                                + (FolderLock.awaitOwner(of: fd).map { " (pid \($0))" } ?? "") + "; wait for it, or add --wait")
                        : failure("cannot lock")
                    close(fd)
                    throw error
                }
            }
            var held = stat()
            var named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                self.fd = fd
                break
            }
            close(fd)
        }
        // Record the owner for the message another run may print.
        let file = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        try? file.truncate(atOffset: 0)
        try? file.write(contentsOf: Data("\(getpid())\n".utf8))
    }

    /// Removes the lock file and releases the lock (also on deinit).
    public func release() {
        guard fd >= 0 else { return }
        unlink(path)
        close(fd)
        fd = -1
    }

    deinit { release() }

    /// The owner's process id, waiting up to a second for it: a run that has just taken the lock
    /// writes its id a moment later.
    private static func awaitOwner(of fd: Int32) -> Int32? {
        for _ in 0..<100 {
            if let pid = owner(of: fd) { return pid }
            usleep(10_000)
        }
        return nil
    }

    /// The process id written in the lock file, when readable.
    private static func owner(of fd: Int32) -> Int32? {
        let file = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        guard (try? file.seek(toOffset: 0)) != nil, let data = try? file.read(upToCount: 32), !data.isEmpty else { return nil }
        return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

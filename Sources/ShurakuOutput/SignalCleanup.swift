import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// While armed, SIGTERM and SIGINT remove a run's staging folder and lock file, then end the
/// process with status 128 + signal, so a killed run leaves nothing half-written.
///
/// The handler is installed with `sigaction` before the staging folder is created (see
/// ``OutputFolder/init(_:force:wait:label:cleanupOnSignal:)``): no signal is lost or ignored. It only writes the signal number to a pipe (all a signal
/// handler may safely do); a thread waiting on the pipe does the cleanup.
public final class SignalCleanup: @unchecked Sendable {
    /// The pipe the handler writes to; -1 when no cleanup is armed. Read by the signal handler
    /// (a lock-free atomic load is safe there).
    private static let pipeWrite = Atomic<Int32>(-1)
    private static let signals = [SIGTERM, SIGINT]

    private let lock = NSLock()
    private var armed = true
    private let writeEnd: Int32

    init(staging: URL, lockFile: String) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            writeEnd = -1
            return
        }
        let readEnd = ends[0]
        writeEnd = ends[1]
        Self.pipeWrite.store(writeEnd, ordering: .releasing)
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { sig in
                var byte = UInt8(truncatingIfNeeded: sig)
                _ = write(SignalCleanup.pipeWrite.load(ordering: .acquiring), &byte, 1)
            }
        #else
            action.__sigaction_u.__sa_handler = { sig in
                var byte = UInt8(truncatingIfNeeded: sig)
                _ = write(SignalCleanup.pipeWrite.load(ordering: .acquiring), &byte, 1)
            }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for sig in Self.signals { sigaction(sig, &action, nil) }
        // A process may start with these signals blocked (a parent's worker thread spawned it):
        // then they would stay pending forever. This thread takes them.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in Self.signals { sigaddset(&unblock, sig) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        let thread = Thread { [self] in
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n == 1 { break }
                guard n < 0, errno == EINTR else { return }
            }
            // 0: disarmed by `cancel()`, the run is over.
            guard byte != 0 else {
                close(readEnd)
                close(writeEnd)
                return
            }
            Termination.begin()
            if lock.withLock({ armed }) {
                try? FileManager.default.removeItem(at: staging)
                unlink(lockFile)
            }
            // _exit, not exit: static destructors (PROJ's, GDAL's) must not run while the
            // interrupted run is still using those libraries on another thread.
            _exit(128 + Int32(byte))
        }
        thread.start()
    }

    /// Disarms the cleanup and restores the signals' default actions (the run committed or
    /// failed on its own). A signal that arrived just before still ends the process.
    public func cancel() {
        let wasArmed = lock.withLock {
            defer { armed = false }
            return armed
        }
        guard wasArmed, writeEnd >= 0 else { return }
        for sig in Self.signals { signal(sig, SIG_DFL) }
        _ = Self.pipeWrite.compareExchange(expected: writeEnd, desired: -1, ordering: .acquiringAndReleasing)
        var stop: UInt8 = 0
        _ = write(writeEnd, &stop, 1)
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that says an interview is open: a write lock on one byte of a lock file beside the
/// database (`study.sqlite-lock`), at the offset of the interview's row id. A recorder holds it
/// from the start (or resumption) of the interview to its end, so a second window cannot run
/// the same interview; the kernel releases it when the process ends in any way (`kill -9`, a
/// flat battery), so a crashed window never blocks the interview and an `active` interview whose
/// lock is free was interrupted.
///
/// On Linux the locks are open-file-description locks, private to the descriptor, so two
/// recorders of one process exclude each other too; elsewhere they are classic POSIX locks.
final class InterviewLock {
    private let descriptor: Int32
    private let offset: Int64
    private var held = true

    #if os(Linux)
        private static let getLock: Int32 = 36  // F_OFD_GETLK
        private static let setLock: Int32 = 37  // F_OFD_SETLK
    #else
        private static let getLock = F_GETLK
        private static let setLock = F_SETLK
    #endif

    private init(descriptor: Int32, offset: Int64) {
        self.descriptor = descriptor
        self.offset = offset
    }

    deinit { release() }

    /// The lock file of a database: beside the file itself, symbolic links resolved, so every
    /// path to one database finds the same locks.
    static func path(forDatabase database: String) -> String {
        guard let resolved = realpath(database, nil) else { return database + "-lock" }
        defer { free(resolved) }
        return String(cString: resolved) + "-lock"
    }

    /// Takes the lock of one interview without waiting.
    /// - Returns: The lock, or `nil` when another window or process holds it.
    /// - Throws: ``StoreError/io(path:detail:)`` when the lock file cannot be made or opened.
    static func acquire(database: String, interview: Int64) throws -> InterviewLock? {
        let path = path(forDatabase: database)
        var descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, StudyFile.privateMode)
        if descriptor >= 0 {
            _ = fchmod(descriptor, StudyFile.privateMode)
        } else {
            descriptor = open(path, O_RDWR | O_CLOEXEC)
        }
        guard descriptor >= 0 else {
            throw StoreError.io(
                path: path, detail: "the interview lock file could not be opened (\(String(cString: strerror(errno))))")
        }
        var request = lockRequest(type: Int16(F_WRLCK), offset: interview)
        guard fcntl(descriptor, setLock, &request) == 0 else {
            let error = errno
            close(descriptor)
            if error == EAGAIN || error == EACCES { return nil }
            throw StoreError.io(
                path: path, detail: "the interview lock could not be taken (\(String(cString: strerror(error))))")
        }
        return InterviewLock(descriptor: descriptor, offset: interview)
    }

    /// Which of these interviews someone holds the lock of now.
    /// - Returns: The held ones, or `nil` when the lock file cannot be read (then nobody can tell).
    static func held(database: String, interviews: [Int64]) -> Set<Int64>? {
        guard !interviews.isEmpty else { return [] }
        let path = path(forDatabase: database)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT ? [] : nil }
        defer { close(descriptor) }
        var result: Set<Int64> = []
        for interview in interviews {
            var request = lockRequest(type: Int16(F_WRLCK), offset: interview)
            guard fcntl(descriptor, getLock, &request) == 0 else { return nil }
            if request.l_type != Int16(F_UNLCK) { result.insert(interview) }
        }
        return result
    }

    /// Lets the interview go (at its end); the kernel does the same when the process ends.
    func release() {
        guard held else { return }
        held = false
        var request = Self.lockRequest(type: Int16(F_UNLCK), offset: offset)
        _ = fcntl(descriptor, Self.setLock, &request)
        close(descriptor)
    }

    private static func lockRequest(type: Int16, offset: Int64) -> flock {
        var request = flock()
        request.l_type = type
        request.l_whence = Int16(SEEK_SET)
        request.l_start = off_t(offset)
        request.l_len = 1
        request.l_pid = 0
        return request
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files the store makes: private (owner only) whatever the umask, and written under a
/// temporary name beside their target, then moved into place only when complete, so a killed,
/// failed or disk-full command never leaves a half-written file where the next command looks.
package enum StudyFile {
    /// What is at a path, following symbolic links.
    package enum Kind: Equatable, Sendable {
        /// Nothing (or a symbolic link to nothing).
        case missing
        /// A regular file.
        case regular(size: Int)
        /// A folder.
        case directory
        /// A FIFO, socket or device: never opened, since reading one can block for ever.
        case special(String)
    }

    /// The permissions of every file the store creates: read and write for the owner only.
    static let privateMode: mode_t = 0o600

    /// What is at `path`, following symbolic links.
    package static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFIFO: return .special("a FIFO (named pipe)")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR, S_IFBLK: return .special("a device")
        default: return .special("not a regular file")
        }
    }

    /// Whether anything, even a dangling symbolic link, has this name.
    package static func entryExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether two paths name the same file (through links, `..` or different spellings).
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Creates an empty file readable only by its owner; fails when anything has the name.
    /// - Throws: ``StoreError/io(path:detail:)``.
    package static func createPrivate(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, privateMode)
        guard descriptor >= 0 else {
            throw StoreError.io(
                path: path, detail: "the file could not be created (\(String(cString: strerror(errno))))")
        }
        // The umask can only take bits away from 0600, but a file system may ignore the mode.
        _ = fchmod(descriptor, privateMode)
        _ = close(descriptor)
    }

    /// A new temporary name beside `target`: hidden, naming this process, so a later command
    /// can tell a leftover of a killed process from one still being written.
    package static func temporary(beside target: String) -> String {
        let url = URL(fileURLWithPath: target)
        let name = ".\(url.lastPathComponent).\(temporaryTag)\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    private static let temporaryTag = "peersurvey-"

    /// Removes temporary files beside `target` left by processes that no longer run (a killed
    /// `backup`, `study init` or `merge`), with their SQLite journals.
    package static func sweepTemporaries(beside target: String) {
        let url = URL(fileURLWithPath: target)
        let directory = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).\(temporaryTag)"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(prefix)
        {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), !isRunning(pid) else { continue }
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
    }

    /// Removes a temporary database and its `-wal`, `-shm` and `-journal` files.
    package static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Moves a complete temporary file to `target`, never replacing anything there (a hard link
    /// fails when the name is taken), then flushes the folder so the new name survives a power cut.
    /// - Throws: ``StoreError/io(path:detail:)`` when `target` exists or the move fails.
    package static func publish(_ temporary: String, as target: String) throws {
        #if os(Linux)
            // One atomic step where the kernel has it: a rename that never replaces.
            if let renameNoReplace {
                if renameNoReplace(atCurrentDirectory, temporary, atCurrentDirectory, target, 1) == 0 {
                    syncDirectory(of: target)
                    return
                }
                if errno == EEXIST {
                    throw StoreError.io(path: target, detail: "a file appeared there meanwhile; it was left as it was")
                }
            }
        #endif
        if link(temporary, target) == 0 {
            unlink(temporary)
        } else {
            let error = errno
            if error == EEXIST {
                throw StoreError.io(path: target, detail: "a file appeared there meanwhile; it was left as it was")
            }
            // File systems without hard links (some network and FAT drives): check, then rename.
            guard !entryExists(target) else {
                throw StoreError.io(path: target, detail: "a file appeared there meanwhile; it was left as it was")
            }
            guard rename(temporary, target) == 0 else {
                throw StoreError.io(
                    path: target,
                    detail: "the finished file could not be moved into place (\(String(cString: strerror(errno))))")
            }
        }
        syncDirectory(of: target)
    }

    #if os(Linux)
        private typealias RenameAt2 =
            @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        private static let atCurrentDirectory: Int32 = -100  // AT_FDCWD
        /// glibc's `renameat2` (Linux 3.15, glibc 2.28), looked up at run time: Swift's Glibc
        /// module does not declare it. `RENAME_NOREPLACE` is its flag 1.
        private static let renameNoReplace: RenameAt2? = dlsym(nil, "renameat2").map {
            unsafeBitCast($0, to: RenameAt2.self)
        }
    #endif

    /// Flushes a file's contents to the disk.
    package static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StoreError.io(path: path, detail: "the file could not be reopened to flush it")
        }
        defer { _ = close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw StoreError.io(path: path, detail: "the file could not be flushed to the disk")
        }
    }

    /// Flushes the folder holding `path`, so that a new or renamed entry survives a power cut.
    package static func syncDirectory(of path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    /// Whether a process with this id runs (a process of another user counts as running).
    static func isRunning(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a serialized SQLite database, immutable once made.
///
/// Connections read it in place through ``Connection/attachReadOnly(_:)``
/// (`SQLITE_DESERIALIZE_READONLY`), so one image serves any number of sandboxed connections
/// at about 0.1 ms each, and no connection can change it. The memory is freed when the last
/// reference (including every connection reading it) goes away.
public final class DatabaseImage: @unchecked Sendable {
    // @unchecked: the bytes are written once, in init, and only read afterwards.
    public let bytes: UnsafeMutableRawPointer
    public let count: Int
    /// True when `bytes` is a private mapping of a file (see ``map(path:)``), false when allocated.
    private let isMapped: Bool

    /// Copies `source` into a new image.
    public init(copying source: UnsafeRawBufferPointer) {
        count = source.count
        bytes = DatabaseImage.allocateCopy(of: source)
        isMapped = false
    }

    /// Copies `array` into a new image. The copy is made inside `withUnsafeBytes`: the array's
    /// buffer pointer is valid only there.
    public init(_ array: [UInt8]) {
        count = array.count
        bytes = array.withUnsafeBytes { DatabaseImage.allocateCopy(of: $0) }
        isMapped = false
    }

    /// New memory (at least one byte, so the pointer is never dangling) holding `source`'s bytes.
    private static func allocateCopy(of source: UnsafeRawBufferPointer) -> UnsafeMutableRawPointer {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
        if let base = source.baseAddress, source.count > 0 {
            memory.copyMemory(from: base, byteCount: source.count)
        }
        return memory
    }

    deinit {
        if isMapped {
            munmap(bytes, count)
        } else {
            bytes.deallocate()
        }
    }

    /// A read-only view of the bytes.
    public var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: bytes, count: count) }

    private init(mapping: UnsafeMutableRawPointer, count: Int) {
        bytes = mapping
        self.count = count
        isMapped = true
    }

    /// Maps a whole file as an image, or nil when it cannot be mapped.
    ///
    /// Nothing is read up front: pages come in from the OS's file cache as queries touch them, and
    /// processes mapping the same file (grading workers) share them. The mapping is private and
    /// copy-on-write, so even a stray write could never reach the file. The file must only ever be
    /// replaced by rename (as ``write(atomicallyTo:)`` does), never truncated in place.
    public static func map(path: String) -> DatabaseImage? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let pointer = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else { return nil }
        return DatabaseImage(mapping: pointer, count: size)
    }

    /// Writes the image to `path` atomically: a temporary file in the same folder, then rename.
    /// Returns false (and leaves no partial file) when that fails.
    @discardableResult
    public func write(atomicallyTo path: String) -> Bool {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return false }
        guard writeAll(fd, buffer) else {
            close(fd)
            unlink(temporary)
            return false
        }
        guard fsync(fd) == 0, close(fd) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}

/// Writes all of `buffer` to `fd`, retrying short writes and EINTR; false on any other failure.
///
/// A free function so that `write` names the POSIX call on every platform (Glibc or Darwin):
/// inside ``DatabaseImage`` the name is taken by ``DatabaseImage/write(atomicallyTo:)``.
private func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
    guard let base = buffer.baseAddress else { return true }
    var done = 0
    while done < buffer.count {
        let written = write(fd, base + done, buffer.count - done)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return false }
        done += written
    }
    return true
}

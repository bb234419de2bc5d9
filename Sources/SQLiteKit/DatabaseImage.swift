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
        bytes = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 16)
        isMapped = false
        if count > 0, let base = source.baseAddress {
            bytes.copyMemory(from: base, byteCount: count)
        }
    }

    public convenience init(_ array: [UInt8]) {
        self.init(copying: array.withUnsafeBytes { $0 })
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
        var done = 0
        while done < count {
            let n = Glibc.write(fd, bytes + done, count - done)
            if n <= 0 { close(fd); unlink(temporary); return false }
            done += n
        }
        guard fsync(fd) == 0, close(fd) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}

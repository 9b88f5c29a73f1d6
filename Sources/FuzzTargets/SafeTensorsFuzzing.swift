import Foundation
import SafeTensors

/// The safetensors target: the bytes as a file, opened (header parse and validation) and every
/// tensor read (range checks, fp16/bf16 widening). The file lives in /dev/shm when there is
/// one, so each input costs a memory write, not a disk write.
enum SafeTensorsFuzzing {
    nonisolated(unsafe) private static var file: URL = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        return URL(fileURLWithPath: folder + "easel-fuzz-\(getpid()).safetensors")
    }()

    static func run(_ bytes: [UInt8]) {
        guard (try? Data(bytes).write(to: file)) != nil,
              let opened = try? SafeTensorsFile(url: file) else { return }
        for name in opened.names.prefix(64) {
            _ = try? opened.tensor(name)
            _ = try? opened.int64s(name)
        }
    }

    /// Removes the scratch file.
    static func cleanUp() {
        try? FileManager.default.removeItem(at: file)
    }
}

extension FuzzTarget {
    /// Removes any scratch files the targets made.
    public static func cleanUp() {
        SafeTensorsFuzzing.cleanUp()
    }
}

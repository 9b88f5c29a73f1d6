import Foundation
import TUICore

/// Lists a folder for a path prompt: names sorted, folders marked with a trailing "/".
enum FolderReader {
    static func list(_ folder: String) -> FolderListing {
        let expanded = WorkbenchReducer.expandingTilde(folder)
        let path = expanded.isEmpty ? FileManager.default.currentDirectoryPath : expanded
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let entries = names.map { name -> String in
            var isDirectory: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(name)
            FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            return isDirectory.boolValue ? name + "/" : name
        }
        return FolderListing(folder: folder, entries: entries.sorted())
    }
}

import Foundation

/// `index.json`: the entries Easel wrote, oldest first, with the bytes each one's three files
/// take. Only names listed here (or records carrying `HistoryRecord.formatName`, adopted when
/// the index lost them) are ever deleted from the history folder.
struct HistoryIndex: Codable, Equatable {
    static let formatName = "easel-history-index-1"

    struct Entry: Codable, Equatable {
        var id: String
        var bytes: Int
    }

    var format = HistoryIndex.formatName
    var entries: [Entry] = []

    var totalBytes: Int { entries.reduce(0) { $0 + $1.bytes } }

    /// `yyyyMMdd-HHmmss-mmm` with an optional `-N` when two renders share a millisecond: the
    /// only names the store makes, reads or deletes (so an index edited by hand cannot name
    /// `../x` or a user's file).
    static func isEntryID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 || parts.count == 4 else { return false }
        let widths = [8, 6, 3]
        for (part, width) in zip(parts, widths) where part.count != width || !part.allSatisfy(\.isASCII) || !part.allSatisfy(\.isNumber) {
            return false
        }
        if parts.count == 4 { return !parts[3].isEmpty && parts[3].count <= 6 && parts[3].allSatisfy { $0.isASCII && $0.isNumber } }
        return true
    }
}

import Foundation
import PromptKit

/// Remembers the section counts of the last few prompts, so that a keystroke tokenizes the
/// changed prompt once — not again for the linter, and not the unchanged negative at all.
final class RecentSectionCounts: SectionTokenCounting, @unchecked Sendable {
    private let counter: CLIPSectionTokenCounter
    private let lock = NSLock()
    private var recent: [(prompt: String, sections: [(tokens: Int, chunks: [Int])])] = []
    private let capacity = 8

    init(_ counter: CLIPSectionTokenCounter) { self.counter = counter }

    func sectionTokenCounts(_ prompt: String) throws -> [Int] { sections(prompt).map(\.tokens) }

    func sectionChunkSizes(_ prompt: String) -> [[Int]]? { sections(prompt).map(\.chunks) }

    private func sections(_ prompt: String) -> [(tokens: Int, chunks: [Int])] {
        lock.lock()
        if let hit = recent.first(where: { $0.prompt == prompt }) {
            lock.unlock()
            return hit.sections
        }
        lock.unlock()
        let sections = counter.sections(prompt)
        lock.lock()
        recent.insert((prompt, sections), at: 0)
        if recent.count > capacity { recent.removeLast() }
        lock.unlock()
        return sections
    }
}

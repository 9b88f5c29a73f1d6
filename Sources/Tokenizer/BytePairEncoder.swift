/// Byte-pair encoding of one pre-tokenized word: start from its bytes (the last one marked
/// `</w>`) and keep merging the adjacent pair with the lowest merge rank.
///
/// Same result as CLIP's `bpe()` (OpenAI `simple_tokenizer.py`, transformers
/// `CLIPTokenizer.bpe`), which merges every occurrence of the best pair left to right per
/// round; this version pops pairs from a heap ordered by (rank, position), as Hugging Face
/// tokenizers' `Word::merge_all` does, so a long word costs O(n log n) instead of O(n²).
struct BytePairEncoder {
    let vocabulary: CLIPVocabulary

    func encode(word bytes: [UInt8]) -> [Int] {
        guard !bytes.isEmpty else { return [] }
        var symbols = bytes.indices.map { index in
            index == bytes.count - 1 ? vocabulary.byteEndOfWordIDs[Int(bytes[index])] : vocabulary.byteIDs[Int(bytes[index])]
        }
        guard symbols.count > 1 else { return symbols }
        // A doubly linked list over `symbols`; a merged-away symbol has `alive[i] == false`.
        var next = Array(1...symbols.count)
        var previous = Array(-1..<(symbols.count - 1))
        var alive = Array(repeating: true, count: symbols.count)
        var heap = MergeHeap()
        for position in 0..<(symbols.count - 1) {
            pushPair(at: position, symbols: symbols, next: next, into: &heap)
        }
        while let candidate = heap.pop() {
            let left = candidate.position
            guard alive[left], next[left] < symbols.count else { continue }
            let right = next[left]
            guard symbols[left] == candidate.left, symbols[right] == candidate.right else { continue }
            symbols[left] = candidate.merged
            alive[right] = false
            next[left] = next[right]
            if next[right] < symbols.count { previous[next[right]] = left }
            if previous[left] >= 0 { pushPair(at: previous[left], symbols: symbols, next: next, into: &heap) }
            pushPair(at: left, symbols: symbols, next: next, into: &heap)
        }
        return symbols.indices.filter { alive[$0] }.map { symbols[$0] }
    }

    private func pushPair(at position: Int, symbols: [Int], next: [Int], into heap: inout MergeHeap) {
        guard next[position] < symbols.count else { return }
        let left = symbols[position], right = symbols[next[position]]
        guard let entry = vocabulary.merges[UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))] else { return }
        heap.push(MergeHeap.Candidate(rank: Int(entry >> 32), position: position, left: left, right: right,
                                      merged: Int(entry & 0xFFFF_FFFF)))
    }
}

/// A binary min-heap of merge candidates ordered by (rank, position).
struct MergeHeap {
    struct Candidate {
        var rank: Int
        var position: Int
        var left: Int
        var right: Int
        var merged: Int

        func precedes(_ other: Candidate) -> Bool {
            rank != other.rank ? rank < other.rank : position < other.position
        }
    }

    private var items: [Candidate] = []

    mutating func push(_ candidate: Candidate) {
        items.append(candidate)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].precedes(items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Candidate? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let leftChild = 2 * parent + 1, rightChild = leftChild + 1
                var smallest = parent
                if leftChild < items.count, items[leftChild].precedes(items[smallest]) { smallest = leftChild }
                if rightChild < items.count, items[rightChild].precedes(items[smallest]) { smallest = rightChild }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}

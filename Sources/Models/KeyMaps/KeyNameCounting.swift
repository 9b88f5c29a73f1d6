extension Sequence where Element == String {
    /// How many of `prefix(0)`, `prefix(1)`, … start some key, counting up from 0 (ComfyUI
    /// `comfy/model_detection.py`, `count_blocks`).
    func countBlocks(_ prefix: (Int) -> String) -> Int {
        var count = 0
        while contains(where: { $0.hasPrefix(prefix(count)) }) { count += 1 }
        return count
    }
}

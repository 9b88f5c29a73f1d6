import Models

/// Text conditioning that changes during sampling (A1111 prompt editing `[a:b:N]` and
/// alternation `[a|b]`): entry `k` applies up to and including step `endStep`.
///
/// Reference: A1111 `modules/prompt_parser.py`, `reconstruct_cond_batch`: the first entry
/// whose `end_at_step` is ≥ the current (0-based) step.
struct ConditioningSchedule {
    struct Entry {
        var endStep: Int
        var conditioning: Conditioning   // context [1, 77·k, D]
    }
    var entries: [Entry]

    func conditioning(atStep step: Int) -> Conditioning {
        for entry in entries where step <= entry.endStep { return entry.conditioning }
        return entries[entries.count - 1].conditioning
    }

    var tokenCount: Int { entries.map { $0.conditioning.tokenCount }.max() ?? 0 }
}

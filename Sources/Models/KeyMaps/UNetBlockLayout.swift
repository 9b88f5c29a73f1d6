/// The block structure a UNet key map is generated from: levels, ResBlocks per down level (up
/// levels have one more) and the levels (down-block order) that carry attention.
public struct UNetBlockLayout: Equatable, Sendable {
    public var levels: Int
    public var numResBlocks: Int
    public var attentionLevels: Set<Int>

    public init(levels: Int, numResBlocks: Int, attentionLevels: Set<Int>) {
        self.levels = levels
        self.numResBlocks = numResBlocks
        self.attentionLevels = attentionLevels
    }

    /// SD 1.x (LDM `v1-inference.yaml`): 4 levels, 2 ResBlocks, attention on levels 0–2.
    public static let sd1 = UNetBlockLayout(levels: 4, numResBlocks: 2, attentionLevels: [0, 1, 2])

    /// The layout of a diffusers `unet/` file, read from its key names: `down_blocks.{i}.`
    /// counts the levels, `down_blocks.0.resnets.{j}.` the ResBlocks, and
    /// `down_blocks.{i}.attentions.0.` marks an attention level (ComfyUI's `count_blocks` rule,
    /// `comfy/model_detection.py`). Files with no `down_blocks` get SD 1.x's layout.
    public init(diffusersKeys keys: [String]) {
        let levels = keys.countBlocks { "down_blocks.\($0)." }
        guard levels > 0 else { self = .sd1; return }
        self.levels = levels
        numResBlocks = keys.countBlocks { "down_blocks.0.resnets.\($0)." }
        attentionLevels = Set((0..<levels).filter { level in keys.contains { $0.hasPrefix("down_blocks.\(level).attentions.0.") } })
    }
}

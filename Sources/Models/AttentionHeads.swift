/// How a spatial transformer's attention is split into heads.
///
/// LDM `openaimodel.UNetModel` takes either `num_heads` (a fixed count, the head width varies
/// with the channels: SD 1.x uses 8) or `num_head_channels` (a fixed width, the count varies:
/// SD 2.x and SDXL use 64). Source: ComfyUI `comfy/supported_models.py` (`SD15` num_heads 8;
/// `SD20`, `SDXL`, `SDXLRefiner` num_head_channels 64) and LDM `openaimodel.py`
/// (`dim_head = ch // num_heads` or `num_heads = ch // num_head_channels`).
public enum AttentionHeads: Equatable, Sendable {
    /// A fixed number of heads per transformer.
    case count(Int)
    /// A fixed width per head.
    case width(Int)

    /// Heads of a transformer `channels` wide, or nil when the width does not divide.
    public func heads(forChannels channels: Int) -> Int? {
        switch self {
        case let .count(count): return count > 0 && channels % count == 0 ? count : nil
        case let .width(width): return width > 0 && channels % width == 0 ? channels / width : nil
        }
    }
}

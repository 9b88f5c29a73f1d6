import Imaging

/// The pixels behind `AppState.preview`: the engine's latent approximation for a step, or the
/// decoded final image. The state only names which one it is; the TUI keeps the pixels.
struct PreviewImage {
    let job: Int
    let step: Int
    let isFinal: Bool
    let image: RGBImage

    /// Identifies the picture for caches (cells, sixel bytes).
    var key: String { "\(job)/\(step)/\(isFinal ? "final" : "latent")" }
}

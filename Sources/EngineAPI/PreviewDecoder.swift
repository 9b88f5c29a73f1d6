/// What draws the live previews (and, when asked, the final image) of a job: TAESD, the tiny
/// autoencoder, or the latent format's linear approximation.
public enum PreviewDecoder: Equatable, Sendable {
    /// TAESD when the family's file (`taesd_decoder.safetensors`, `taesdxl_decoder.safetensors`)
    /// is beside the model or in the engine's model folders (or their `vae_approx/`), else the
    /// approximation.
    case automatic
    /// The latent approximation only.
    case approximation
    /// This TAESD file; a missing one fails the job with one line naming it.
    case file(String)
}

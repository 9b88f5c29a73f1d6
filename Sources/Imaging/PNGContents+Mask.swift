extension PNGContents {
    /// The repaint mask the file's transparency means: 255 where alpha is below 255, else 0;
    /// nil when the file is fully opaque. A1111 `modules/img2img.py` makes the same mask from an
    /// init image's alpha (`ImageOps.invert(alpha)` thresholded at > 0).
    public var transparencyMask: GrayImage? {
        guard let alpha, alpha.pixels.contains(where: { $0 < 255 }) else { return nil }
        return GrayImage(validatedWidth: alpha.width, height: alpha.height, pixels: alpha.pixels.map { $0 < 255 ? 255 : 0 })
    }
}

/// What a PNG file holds, as Easel uses it: the pixels and the text chunks.
public struct PNGContents: Equatable, Sendable {
    /// The pixels converted to 8-bit RGB.
    public var image: RGBImage
    /// Every `tEXt`, `zTXt` and `iTXt` chunk, keyed by keyword. A repeated keyword keeps its last
    /// value, as Pillow's `Image.info` does.
    public var text: [String: String]
    /// The alpha channel when the file has one (255 = opaque), else nil.
    public var alpha: GrayImage?

    public init(image: RGBImage, text: [String: String], alpha: GrayImage? = nil) {
        self.image = image
        self.text = text
        self.alpha = alpha
    }
}

/// An 8-bit RGB image: `width × height` pixels stored row-major, three bytes (R, G, B) per pixel,
/// top row first. This is the pixel layout of PNG colour type 2 and of chafa's `CHAFA_PIXEL_RGB8`.
public struct RGBImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// `width · height · 3` bytes, row-major, R G B.
    public private(set) var pixels: [UInt8]

    /// An image over existing pixel bytes; throws when `pixels.count != width · height · 3`.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width >= 0, height >= 0 else {
            throw ImageFileError(path: "<memory>", reason: "negative image size \(width)×\(height)")
        }
        let (pixelCount, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixelCount <= Int.max / 3, pixels.count == pixelCount * 3 else {
            throw ImageFileError(path: "<memory>",
                                 reason: "\(pixels.count) pixel bytes do not make a \(width)×\(height) RGB image")
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image over pixel bytes the caller has already sized correctly.
    init(validatedWidth width: Int, height: Int, pixels: [UInt8]) {
        assert(pixels.count == width * height * 3)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image of one colour. `width` and `height` must not be negative.
    public init(width: Int, height: Int, filledWith color: RGBColor = .black) {
        precondition(width >= 0 && height >= 0, "RGBImage size must not be negative")
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for offset in stride(from: 0, to: pixels.count, by: 3) {
            pixels[offset] = color.red
            pixels[offset + 1] = color.green
            pixels[offset + 2] = color.blue
        }
        self.pixels = pixels
    }

    /// True when the image has no pixels.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The pixel at column `x`, row `y` (both zero-based, `y = 0` is the top row).
    public subscript(x: Int, y: Int) -> RGBColor {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) is outside the image")
            let offset = (y * width + x) * 3
            return RGBColor(red: pixels[offset], green: pixels[offset + 1], blue: pixels[offset + 2])
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) is outside the image")
            let offset = (y * width + x) * 3
            pixels[offset] = newValue.red
            pixels[offset + 1] = newValue.green
            pixels[offset + 2] = newValue.blue
        }
    }
}

/// An 8-bit single-channel image (a mask, an alpha channel): `width × height` bytes, row-major,
/// top row first. For masks, 255 means "repaint" and 0 "keep", as in A1111.
public struct GrayImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var pixels: [UInt8]

    /// Throws when `pixels.count != width · height`.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width >= 0, height >= 0, pixels.count == width * height else {
            throw ImageFileError(path: "<memory>", reason: "\(pixels.count) bytes do not make a \(width)×\(height) grey image")
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    init(validatedWidth width: Int, height: Int, pixels: [UInt8]) {
        assert(pixels.count == width * height)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image of one value.
    public init(width: Int, height: Int, value: UInt8) {
        self.init(validatedWidth: width, height: height, pixels: [UInt8](repeating: value, count: width * height))
    }

    /// The luma of an RGB image as Pillow's `convert("L")` computes it (ITU-R 601-2 in fixed
    /// point): `L = (R·19595 + G·38470 + B·7471 + 0x8000) >> 16` (Pillow `src/libImaging/Convert.c`,
    /// `L24` / `rgb2l`).
    public init(luma image: RGBImage) {
        var out = [UInt8](repeating: 0, count: image.width * image.height)
        let p = image.pixels
        for i in out.indices {
            let sum = Int(p[3 * i]) * 19595 + Int(p[3 * i + 1]) * 38470 + Int(p[3 * i + 2]) * 7471 + 0x8000
            out[i] = UInt8(sum >> 16)
        }
        self.init(validatedWidth: image.width, height: image.height, pixels: out)
    }

    /// Whether every pixel is 0 (a mask that repaints nothing).
    public var isBlank: Bool { !pixels.contains { $0 != 0 } }
}

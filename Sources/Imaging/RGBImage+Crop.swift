extension RGBImage {
    /// The pixels of the rectangle `x ..< x+width`, `y ..< y+height` (which must lie inside).
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> RGBImage {
        precondition(x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= width && y + h <= height, "crop outside the image")
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for row in 0..<h {
            let src = ((y + row) * width + x) * 3
            out.replaceSubrange(row * w * 3 ..< (row + 1) * w * 3, with: pixels[src ..< src + w * 3])
        }
        return RGBImage(validatedWidth: w, height: h, pixels: out)
    }

    /// This image with `image` drawn over it with its top-left corner at (x, y) (clipped).
    public func pasting(_ image: RGBImage, x: Int, y: Int) -> RGBImage {
        var copy = self
        for row in 0..<image.height where y + row >= 0 && y + row < height {
            for column in 0..<image.width where x + column >= 0 && x + column < width {
                copy[x + column, y + row] = image[column, row]
            }
        }
        return copy
    }
}

extension GrayImage {
    /// The pixels of the rectangle `x ..< x+width`, `y ..< y+height` (which must lie inside).
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> GrayImage {
        precondition(x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= width && y + h <= height, "crop outside the image")
        var out = [UInt8](repeating: 0, count: w * h)
        for row in 0..<h {
            let src = (y + row) * width + x
            out.replaceSubrange(row * w ..< (row + 1) * w, with: pixels[src ..< src + w])
        }
        return GrayImage(validatedWidth: w, height: h, pixels: out)
    }
}

import Imaging

/// Statistics of an image region, the measurements the prompt-following tests make.
struct ImageStatistics {
    let image: RGBImage
    /// The region: columns `x0..<x1`, rows `y0..<y1`.
    let x0: Int, y0: Int, x1: Int, y1: Int

    /// The whole image.
    init(_ image: RGBImage) {
        self.image = image
        (x0, y0, x1, y1) = (0, 0, image.width, image.height)
    }

    /// The central square covering `fraction` of each side (0.5: the middle 32×32 of 64×64).
    init(central image: RGBImage, fraction: Double) {
        self.image = image
        let w = Int((Double(image.width) * fraction).rounded()), h = Int((Double(image.height) * fraction).rounded())
        (x0, y0) = ((image.width - w) / 2, (image.height - h) / 2)
        (x1, y1) = (x0 + w, y0 + h)
    }

    var pixels: [RGBColor] {
        var out: [RGBColor] = []
        out.reserveCapacity((x1 - x0) * (y1 - y0))
        for y in y0..<y1 { for x in x0..<x1 { out.append(image[x, y]) } }
        return out
    }

    /// Pixel count per colour class.
    func classCounts(_ classifier: ColorClassifier) -> [String: Int] {
        pixels.reduce(into: [:]) { $0[classifier.classify($1), default: 0] += 1 }
    }

    /// The most frequent chromatic class (ties broken by name, so the result is deterministic),
    /// or nil when no pixel is chromatic.
    func dominantHue(_ classifier: ColorClassifier) -> String? {
        classCounts(classifier).filter { ColorClassifier.isChromatic($0.key) }
            .max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The fraction of the region's pixels in class `name`.
    func fraction(of name: String, _ classifier: ColorClassifier) -> Double {
        Double(classCounts(classifier)[name, default: 0]) / Double(pixels.count)
    }

    /// Mean Rec. 601 luma (0.299 R + 0.587 G + 0.114 B), 0…255.
    var meanLuma: Double {
        let p = pixels
        return p.reduce(0) { $0 + 0.299 * Double($1.red) + 0.587 * Double($1.green) + 0.114 * Double($1.blue) }
            / Double(p.count)
    }

    /// Mean HSV saturation, 0…1.
    var meanSaturation: Double {
        let p = pixels
        return p.reduce(0) { $0 + HSV($1).saturation } / Double(p.count)
    }

    /// Mean chroma, (max − min of R, G, B) / 255, 0…1: how far each pixel is from grey, in
    /// absolute terms. Unlike HSV saturation it is not divided by the brightness, so a
    /// near-black pixel with a two-level tint counts as nearly grey, as the eye sees it.
    var meanChroma: Double {
        let p = pixels
        return p.reduce(0) { sum, c in
            sum + Double(max(c.red, c.green, c.blue) - min(c.red, c.green, c.blue)) / 255
        } / Double(p.count)
    }
}

import Foundation

extension GrayImage {
    /// Horizontal then vertical Gaussian blur with OpenCV's kernel for `sigma`
    /// (`getGaussianKernel(2·int(2.5σ + 0.5) + 1, σ)`) and reflect-101 borders: A1111's mask
    /// blur (`modules/processing.py`, `StableDiffusionProcessingImg2Img.init`,
    /// `cv2.GaussianBlur` along x then y), used by the local pipeline's `InpaintMask` and by
    /// the ComfyUI client before it uploads a mask.
    public func gaussianBlurred(sigma: Double) -> GrayImage {
        let size = 2 * Int(2.5 * sigma + 0.5) + 1, half = size / 2
        var kernel = (0..<size).map { i in exp(-Double((i - half) * (i - half)) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        func reflect(_ i: Int, _ n: Int) -> Int {
            guard n > 1 else { return 0 }
            var i = i
            while i < 0 || i >= n { i = i < 0 ? -i : 2 * (n - 1) - i }
            return i
        }
        let (w, h) = (width, height)
        var horizontal = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var sum = 0.0
                for k in 0..<size { sum += kernel[k] * Double(pixels[y * w + reflect(x + k - half, w)]) }
                horizontal[y * w + x] = sum.rounded()
            }
        }
        var out = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var sum = 0.0
                for k in 0..<size { sum += kernel[k] * horizontal[reflect(y + k - half, h) * w + x] }
                out[y * w + x] = UInt8(max(0, min(255, sum.rounded())))
            }
        }
        return (try? GrayImage(width: w, height: h, pixels: out)) ?? self
    }
}

import Imaging
import XCTest
@testable import Diffusion

/// The parts of A1111's inpainting that the fixtures do not cover, checked against A1111's
/// own arithmetic worked by hand: `masking.get_crop_region` / `expand_crop_region`, the mask
/// blur's kernel size, and torch's nearest-exact and bilinear index rules.
final class InpaintGeometryTests: XCTestCase {
    private func mask(width: Int, height: Int, box: (Int, Int, Int, Int)) -> GrayImage {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in box.1..<box.3 { for x in box.0..<box.2 { pixels[y * width + x] = 255 } }
        return try! GrayImage(width: width, height: height, pixels: pixels)
    }

    /// A 10×20 box at (20, 30) in a 64×64 mask, padding 4: crop (16, 26)–(34, 54) is 18×28,
    /// taller than the 1:1 render, so it widens by int(28 − 18) = 10: x 11…39.
    func testOnlyMaskedCropRegion() {
        let crop = InpaintCrop(mask: mask(width: 64, height: 64, box: (20, 30, 30, 50)), padding: 4, width: 64, height: 64)
        XCTAssertEqual([crop.x1, crop.y1, crop.x2, crop.y2], [11, 26, 39, 54])
        // At the left edge the region shifts right instead of leaving the picture.
        let edge = InpaintCrop(mask: mask(width: 64, height: 64, box: (0, 10, 4, 40)), padding: 2, width: 64, height: 64)
        XCTAssertEqual([edge.x1, edge.y1, edge.x2, edge.y2], [0, 8, 34, 42])
    }

    func testBlurSpreadsTheMaskAndKeepsItsSize() {
        let sharp = mask(width: 32, height: 32, box: (8, 8, 24, 24))
        let blurred = InpaintMask(sharp, blur: 2).pixels               // kernel 2·int(5.5) + 1 = 11
        XCTAssertEqual(blurred.width, 32)
        XCTAssertEqual(blurred.pixels[16 * 32 + 16], 255)              // the middle stays repainted
        XCTAssertGreaterThan(blurred.pixels[16 * 32 + 6], 0)            // 2 px outside is now grey
        XCTAssertLessThan(blurred.pixels[16 * 32 + 8], 255)            // the edge is soft
    }

    func testLatentUpscaleIndexRules() {
        let latent: [Float] = [0, 1, 2, 3]                               // one channel, 1×4
        let from = LatentSize(height: 1, width: 4), to = LatentSize(height: 1, width: 6)
        // torch nearest-exact: floor((i + 0.5)·4/6) → 0, 1, 1, 2, 3, 3 (torch 2.13 prints the same)
        XCTAssertEqual(LatentUpscale.nearestExact(latent, channels: 1, from: from, to: to), [0, 1, 1, 2, 3, 3])
        // torch bilinear (align_corners False): source (i + 0.5)·2/3 − 0.5, clamped at 0 (values
        // as torch 2.13 prints them).
        let up = LatentUpscale.bilinear(latent, channels: 1, from: from, to: to)
        let want: [Float] = [0, 0.5, 1.1666666, 1.8333334, 2.5, 3]
        for (g, w) in zip(up, want) { XCTAssertEqual(g, w, accuracy: 1e-5) }
    }
}

import Models
import XCTest
@testable import Diffusion

/// `LatentPreview` reads the channel count and coefficients from the latent format it is given.
final class LatentFormatPreviewTests: XCTestCase {
    /// A 2-channel format with rows (1, 0, 0) and (0, 0, −1): latent (0.5, 0.5) → (0.5, 0, −0.5)
    /// → (x+1)/2·255 = 191.25, 127.5, 63.75 → 191, 128 (half to even), 64 (worked by hand).
    func testChannelCountComesFromTheFormat() throws {
        let format = LatentFormat(channels: 2, scaleFactor: 1, previewCoefficients: [[1, 0, 0], [0, 0, -1]])
        let image = try XCTUnwrap(LatentPreview.image(latent: [0.5, 0.5], width: 1, height: 1, format: format))
        XCTAssertEqual(image.pixels, [191, 128, 64])
        XCTAssertNil(LatentPreview.image(latent: [0, 0, 0, 0], width: 1, height: 1, format: format))
    }

    func testDefaultIsSD1() {
        XCTAssertEqual(LatentPreview.image(latent: [1, 0, 0, 0], width: 1, height: 1),
                       LatentPreview.image(latent: [1, 0, 0, 0], width: 1, height: 1, format: .sd1))
    }
}

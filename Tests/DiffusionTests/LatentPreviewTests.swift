import Imaging
import XCTest
@testable import Diffusion

final class LatentPreviewTests: XCTestCase {
    /// A latent that is 1 in channel 0 and 0 elsewhere previews as row L1 of A1111's
    /// coefficients, (0.298, 0.207, 0.208), mapped by (x+1)/2·255 and rounded:
    /// 165.495 → 165, 153.8925 → 154, 154.02 → 154 (worked by hand, checked with numpy float32).
    func testUnitLatentMapsToFirstCoefficientRow() throws {
        let latent: [Float] = [1, 0, 0, 0]     // [4, 1, 1]
        let image = try XCTUnwrap(LatentPreview.image(latent: latent, width: 1, height: 1))
        XCTAssertEqual(image.pixels, [165, 154, 154])
    }

    /// Channel 3 = 1 gives (-0.184, -0.271, -0.473) → 104.04, 92.9475, 67.1925 → 104, 93, 67.
    func testChannelPlanesAreReadChannelsFirst() throws {
        let latent: [Float] = [0, 0, 0, 0, 0, 0, 0, 1]   // [4, 1, 2]: channel 3, second pixel
        let image = try XCTUnwrap(LatentPreview.image(latent: latent, width: 2, height: 1))
        XCTAssertEqual(Array(image.pixels[0..<3]), [128, 128, 128])   // zero latent → (0+1)/2·255 = 127.5 → 128 (half to even)
        XCTAssertEqual(Array(image.pixels[3..<6]), [104, 93, 67])
    }

    func testWrongSizeGivesNoPreview() {
        XCTAssertNil(LatentPreview.image(latent: [0, 0, 0], width: 1, height: 1))
    }
}

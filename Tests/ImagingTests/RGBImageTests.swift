import XCTest
@testable import Imaging

final class RGBImageTests: XCTestCase {
    /// `round(clamp((x+1)/2, 0, 1)·255)` with torch's round-half-to-even, worked by hand:
    /// -1 → 0; 1 → 255; 0 → 127.5 → 128 (even); beyond the range clamps; NaN → 0.
    func testQuantisationEndpointsAndClamping() {
        XCTAssertEqual(RGBImage.quantise(-1), 0)
        XCTAssertEqual(RGBImage.quantise(1), 255)
        XCTAssertEqual(RGBImage.quantise(0), 128)
        XCTAssertEqual(RGBImage.quantise(-3.5), 0)
        XCTAssertEqual(RGBImage.quantise(7), 255)
        XCTAssertEqual(RGBImage.quantise(.nan), 0)
        XCTAssertEqual(RGBImage.quantise(.infinity), 255)
    }

    /// Half-way cases round to even, not away from zero. Inputs near x = -1 + 2·(k + 0.5)/255 are
    /// searched (a few ulps either side) for ones whose scaled value is exactly k + 0.5 in Float
    /// arithmetic; each must land on the even neighbour (`torch.round` semantics).
    func testHalfwayCasesRoundToEven() {
        var oddFloors = 0
        for k in 0..<255 {
            var x = Float(-1) + 2 * (Float(k) + 0.5) / 255
            for _ in 0..<8 { x = x.nextDown }
            for _ in 0..<16 {
                let scaled = (x + 1) / 2 * 255
                let floor = scaled.rounded(.down)
                if scaled == floor + 0.5 {
                    let even = Int(floor) % 2 == 0 ? floor : floor + 1
                    XCTAssertEqual(Float(RGBImage.quantise(x)), even, "x = \(x), scaled = \(scaled)")
                    if Int(floor) % 2 == 1 { oddFloors += 1 }
                }
                x = x.nextUp
            }
        }
        // Cases like 126.5 → 126 exist, where rounding half away from zero would give 127.
        XCTAssertGreaterThan(oddFloors, 0)
    }

    /// [3, H, W] planes become interleaved rows: value at (c, y, x) lands at pixel (x, y) channel c.
    func testChannelsFirstLayout() throws {
        // 2 wide, 1 high: R plane [-1, 1], G plane [0, -1], B plane [1, 0].
        let image = try RGBImage(channelsFirst: [-1, 1, 0, -1, 1, 0] as [Float], width: 2, height: 1)
        XCTAssertEqual(image[0, 0], RGBColor(red: 0, green: 128, blue: 255))
        XCTAssertEqual(image[1, 0], RGBColor(red: 255, green: 0, blue: 128))
        XCTAssertThrowsError(try RGBImage(channelsFirst: [Float](repeating: 0, count: 5), width: 2, height: 1))
    }

    func testPixelByteCountIsChecked() {
        XCTAssertThrowsError(try RGBImage(width: 2, height: 2, pixels: [1, 2, 3]))
        XCTAssertNoThrow(try RGBImage(width: 1, height: 1, pixels: [1, 2, 3]))
    }

    /// Area averaging by hand: a 4×2 image halved to 2×1 averages each 2×2 block.
    func testDownsamplingAveragesBlocks() throws {
        let pixels: [UInt8] = [0, 0, 0, 10, 20, 30, 100, 100, 100, 200, 200, 200,
                               20, 40, 60, 30, 60, 90, 0, 0, 0, 255, 255, 255]
        let small = try RGBImage(width: 4, height: 2, pixels: pixels).resampled(width: 2, height: 1)
        // (0+10+20+30)/4 = 15, (0+20+40+60)/4 = 30, (0+30+60+90)/4 = 45
        XCTAssertEqual(small[0, 0], RGBColor(red: 15, green: 30, blue: 45))
        // (100+200+0+255)/4 = 138.75 → 139
        XCTAssertEqual(small[1, 0], RGBColor(red: 139, green: 139, blue: 139))
    }

    func testUpsamplingRepeatsAndSameSizeIsIdentity() throws {
        let one = RGBImage(width: 1, height: 1, filledWith: RGBColor(red: 1, green: 2, blue: 3))
        XCTAssertEqual(one.resampled(width: 3, height: 2), RGBImage(width: 3, height: 2, filledWith: one[0, 0]))
        let two = try RGBImage(width: 2, height: 1, pixels: [0, 0, 0, 90, 90, 90])
        // 2 → 4 columns: each source pixel covers exactly two outputs.
        XCTAssertEqual(two.resampled(width: 4, height: 1).pixels, [0, 0, 0, 0, 0, 0, 90, 90, 90, 90, 90, 90])
        XCTAssertEqual(two.resampled(width: 2, height: 1), two)
        XCTAssertTrue(two.resampled(width: 0, height: 5).isEmpty)
    }
}

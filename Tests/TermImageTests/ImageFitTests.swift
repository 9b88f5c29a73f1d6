import TermImage
import XCTest

final class ImageFitTests: XCTestCase {
    /// 512×512 in 80×24 cells of aspect 0.5: at 80 columns it would need 40 rows, too many;
    /// at 24 rows it needs 24 / 0.5 = 48 columns.
    func testSquareImageInAWideBox() {
        let fit = ImageFit.cells(imageWidth: 512, imageHeight: 512, maxColumns: 80, maxRows: 24)
        XCTAssertEqual([fit.columns, fit.rows], [48, 24])
    }

    /// 768×512 (3:2) in 40×40 cells: 40 columns need 40 · (512/768) · 0.5 = 13.3 → 13 rows.
    func testWideImageInATallBox() {
        let fit = ImageFit.cells(imageWidth: 768, imageHeight: 512, maxColumns: 40, maxRows: 40)
        XCTAssertEqual([fit.columns, fit.rows], [40, 13])
    }

    func testPixelsAndDegenerateInputs() {
        let fit = ImageFit.pixels(imageWidth: 64, imageHeight: 64, maxWidth: 400, maxHeight: 300)
        XCTAssertEqual([fit.width, fit.height], [300, 300])
        let none = ImageFit.cells(imageWidth: 0, imageHeight: 10, maxColumns: 10, maxRows: 10)
        XCTAssertEqual([none.columns, none.rows], [0, 0])
        let thin = ImageFit.cells(imageWidth: 10_000, imageHeight: 1, maxColumns: 10, maxRows: 10)
        XCTAssertEqual([thin.columns, thin.rows], [10, 1])
    }
}

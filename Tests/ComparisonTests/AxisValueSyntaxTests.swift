import Comparison
import XCTest

/// A1111's value syntax. The expectations are the examples of A1111's wiki page "Features",
/// section "X/Y/Z plot" (ranges) and "Prompt S/R" (the CSV quoting), as written there.
final class AxisValueSyntaxTests: XCTestCase {
    func testSimpleRange() throws {
        // "1-5 = 1, 2, 3, 4, 5"
        XCTAssertEqual(try AxisValueSyntax.integers("1-5", axis: "Steps"), [1, 2, 3, 4, 5])
    }

    func testRangesWithIncrement() throws {
        // "1-5 (+2) = 1, 3, 5", "10-5 (-3) = 10, 7", "1-3 (+0.5) = 1, 1.5, 2, 2.5, 3"
        XCTAssertEqual(try AxisValueSyntax.integers("1-5 (+2)", axis: "Steps"), [1, 3, 5])
        XCTAssertEqual(try AxisValueSyntax.integers("10-5 (-3)", axis: "Steps"), [10, 7])
        XCTAssertEqual(try AxisValueSyntax.numbers("1-3 (+0.5)", axis: "CFG Scale"), [1, 1.5, 2, 2.5, 3])
    }

    func testRangesWithCount() throws {
        // "1-10 [5] = 1, 3, 5, 7, 10", "0.0-1.0 [6] = 0.0, 0.2, 0.4, 0.6, 0.8, 1.0"
        XCTAssertEqual(try AxisValueSyntax.integers("1-10 [5]", axis: "Seed"), [1, 3, 5, 7, 10])
        let counted = try AxisValueSyntax.numbers("0.0-1.0 [6]", axis: "CFG Scale")
        XCTAssertEqual(counted.count, 6)
        for (got, want) in zip(counted, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]) { XCTAssertEqual(got, want, accuracy: 1e-12) }
    }

    func testListsMixSinglesAndRanges() throws {
        // The brief's example, and a list with a range inside (each entry is read on its own).
        XCTAssertEqual(try AxisValueSyntax.numbers("4,7,10", axis: "CFG Scale"), [4, 7, 10])
        XCTAssertEqual(try AxisValueSyntax.integers("1, 3-5, 9", axis: "Seed"), [1, 3, 4, 5, 9])
    }

    func testCSVQuoting() {
        // The wiki's three lines: 4 items; WRONG, 4 items with the quotes kept; RIGHT, 3 items.
        XCTAssertEqual(AxisValueSyntax.entries("darkness, light, green, heat"), ["darkness", "light", "green", "heat"])
        XCTAssertEqual(AxisValueSyntax.entries("darkness, \"light, green\", heat"), ["darkness", "\"light", "green\"", "heat"])
        XCTAssertEqual(AxisValueSyntax.entries("darkness,\"light, green\",heat"), ["darkness", "light, green", "heat"])
        // "an apple, a watermelon, a gun" (the S/R example) and Python's csv doubled quote.
        XCTAssertEqual(AxisValueSyntax.entries("an apple, a watermelon, a gun"), ["an apple", "a watermelon", "a gun"])
        XCTAssertEqual(AxisValueSyntax.entries("\"say \"\"hi\"\"\",x"), ["say \"hi\"", "x"])
    }

    func testBadValuesNameTheAxisAndValue() {
        XCTAssertThrowsError(try AxisValueSyntax.integers("1,two", axis: "Seed")) { error in
            XCTAssertTrue("\(error)".hasPrefix("xy Seed: 'two': expected an integer"), "\(error)")
        }
        // "1-3 (+0.5)" is a float range only: on an integer axis A1111's int() fails too.
        XCTAssertThrowsError(try AxisValueSyntax.integers("1-3 (+0.5)", axis: "Steps"))
        XCTAssertThrowsError(try AxisValueSyntax.numbers("", axis: "CFG Scale")) { error in
            XCTAssertEqual("\(error)", "xy CFG Scale: no values")
        }
        XCTAssertThrowsError(try AxisValueSyntax.integers("1-100000", axis: "Steps"))
        XCTAssertThrowsError(try AxisValueSyntax.integers("1-5 (+0)", axis: "Steps"))
    }
}

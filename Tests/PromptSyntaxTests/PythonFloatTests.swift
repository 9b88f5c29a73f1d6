import PromptSyntax
import XCTest

final class PythonFloatTests: XCTestCase {
    /// `repr(x)` in CPython 3.11 for each value.
    func testRepr() {
        let cases: [(Double, String)] = [
            (1.0, "1.0"), (1.1, "1.1"), (1.5730000000000004, "1.5730000000000004"), (0.55, "0.55"),
            (-1.0, "-1.0"), (0.0, "0.0"), (-0.0, "-0.0"), (100.0, "100.0"), (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"), (0.0001, "0.0001"), (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"), (1e300, "1e+300"), (5e-324, "5e-324"), (.infinity, "inf"),
            (-.infinity, "-inf"), (.nan, "nan"), (0.9090909090909091, "0.9090909090909091"),
            (123.456, "123.456"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(PythonFloat.repr(value), expected)
        }
    }

    /// `float(s)` for strings A1111's regexes pass on; nil where Python raises ValueError.
    func testParse() {
        XCTAssertEqual(PythonFloat.parse("1.4"), 1.4)
        XCTAssertEqual(PythonFloat.parse(" -.5 "), -0.5)
        XCTAssertEqual(PythonFloat.parse("3."), 3.0)
        XCTAssertEqual(PythonFloat.parse("+2"), 2.0)
        XCTAssertEqual(PythonFloat.parse("1e3"), 1000)
        XCTAssertEqual(PythonFloat.parse("\u{0661}.\u{0665}"), 1.5)
        XCTAssertNil(PythonFloat.parse("1.2.3"))
        XCTAssertNil(PythonFloat.parse("."))
        XCTAssertNil(PythonFloat.parse(""))
        XCTAssertNil(PythonFloat.parse("abc"))
    }
}

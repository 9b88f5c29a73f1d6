import XCTest
@testable import TUICore
#if canImport(Glibc)
import Glibc
#endif

final class CellWidthTests: XCTestCase {
    /// The reference is the C library itself: glibc's `wcwidth()` in `C.UTF-8`, which ncursesw
    /// uses to place characters. Every scalar must agree (unprintable ones, -1 in libc, count as 1).
    func testEveryScalarMatchesLibcWcwidth() throws {
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { throw XCTSkip("C.UTF-8 locale missing") }
        // Glibc's Swift module does not export wcwidth (it lives in <wchar.h> behind
        // _XOPEN_SOURCE), so look the C function up by name.
        let symbol = try XCTUnwrap(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth"))
        let wcwidth = unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
        defer { setlocale(LC_CTYPE, "C") }
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let libc = Int(wcwidth(Int32(bitPattern: value)))
            let expected = libc < 0 ? 1 : libc
            if CellWidth.of(scalar) != expected {
                mismatches.append(String(format: "U+%04X ours %d libc %d", value, CellWidth.of(scalar), libc))
                if mismatches.count > 10 { break }
            }
        }
        XCTAssertEqual(mismatches, [])
    }

    func testExamples() {
        XCTAssertEqual(CellWidth.of("photo"), 5)
        XCTAssertEqual(CellWidth.of("Жар-птица"), 9)          // Cyrillic: narrow
        XCTAssertEqual(CellWidth.of("教会"), 4)               // CJK: two cells each
        XCTAssertEqual(CellWidth.of("😀"), 2)                 // emoji presentation: wide
        XCTAssertEqual(CellWidth.of(Character("e\u{301}")), 1) // e + combining acute: one cell
        // 👨‍👩‍👧: three wide emoji joined by ZWJ (width 0); curses lays out 2 + 0 + 2 + 0 + 2.
        XCTAssertEqual(CellWidth.of(Character("👨\u{200D}👩\u{200D}👧")), 6)
    }

    func testFitCutsAtClusterBoundariesAndPads() {
        XCTAssertEqual(CellWidth.fit("abcdef", cells: 4), "abc…")
        XCTAssertEqual(CellWidth.fit("教会教会", cells: 5), "教会…")
        XCTAssertEqual(CellWidth.fit("教会", cells: 3), "教…")
        XCTAssertEqual(CellWidth.fit("ab", cells: 4, pad: true), "ab  ")
        XCTAssertEqual(CellWidth.prefix("a教b", fitting: 2), "a")
        XCTAssertEqual(CellWidth.fit("abc", cells: 0), "")
    }
}

/// Issue 16, problem 7: status messages were cut at the end, so the folder never showed.
final class TextShortenTests: XCTestCase {
    func testPathsShortenInTheMiddleKeepingTheFileName() {
        let message = "Saved /home/someone/pictures/outputs/2026-12-03/00012-3141592653-red-heart-sky-day.png"
        let short = TextShorten.fit(message, cells: 60)
        XCTAssertEqual(CellWidth.of(short), 60)
        XCTAssertTrue(short.hasPrefix("Saved /home/"), short)
        XCTAssertTrue(short.hasSuffix("/00012-3141592653-red-heart-sky-day.png"), short)
        XCTAssertTrue(short.contains("…"))
        XCTAssertEqual(TextShorten.fit("short", cells: 60), "short")
        XCTAssertEqual(TextShorten.fit("no path in this long message", cells: 10), "no path i…")
    }
}

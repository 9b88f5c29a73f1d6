import XCTest
@testable import Tensor

final class GEMMTests: XCTestCase {
    /// [[1,2,3],[4,5,6]] · [[7,8],[9,10],[11,12]] = [[58,64],[139,154]] (worked by hand).
    func testSmallProductByHand() {
        let a = Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], values: [7, 8, 9, 10, 11, 12])
        let c = Tensor(zeros: [2, 2])
        BLAS.gemm(MatrixView(a.pointer, rows: 2, cols: 3), MatrixView(b.pointer, rows: 3, cols: 2),
                  into: MatrixView(c.pointer, rows: 2, cols: 2))
        XCTAssertEqual(c.values, [58, 64, 139, 154])
    }

    /// The same product with A read through its transpose and C written transposed:
    /// Cᵀ = [[58,139],[64,154]].
    func testTransposedViews() {
        let aT = Tensor(shape: [3, 2], values: [1, 4, 2, 5, 3, 6])
        let b = Tensor(shape: [3, 2], values: [7, 8, 9, 10, 11, 12])
        let cT = Tensor(zeros: [2, 2])
        BLAS.gemm(MatrixView(aT.pointer, rows: 3, cols: 2).transposed, MatrixView(b.pointer, rows: 3, cols: 2),
                  into: MatrixView(cT.pointer, rows: 2, cols: 2).transposed)
        XCTAssertEqual(cT.values, [58, 139, 64, 154])
    }

    /// linear: x [1, 2] = [1, 2], W = [[1, 0], [0, 1], [1, 1]], b = [0.5, 0, -1],
    /// residual [10, 20, 30] → [1.5 + 10, 2 + 20, 2 + 30] (by hand).
    func testLinearWithBiasAndResidual() {
        let x = Tensor(shape: [1, 2], values: [1, 2])
        let w = Tensor(shape: [3, 2], values: [1, 0, 0, 1, 1, 1])
        let b = Tensor(shape: [3], values: [0.5, 0, -1])
        XCTAssertEqual(x.linear(weight: w, bias: b).values, [1.5, 2, 2])
        let r = Tensor(shape: [1, 3], values: [10, 20, 30])
        XCTAssertEqual(x.linear(weight: w, bias: b, residual: r).values, [11.5, 22, 32])
        XCTAssertEqual(x.linear(weight: w).values, [1, 2, 3])
    }
}

final class FewRowsGEMMTests: XCTestCase {
    /// 3 and 5 rows (one and two row groups) over 150 columns (two full 64-column chunks and a
    /// narrower tail) against a Double triple loop; columns are read with a stride wider than
    /// the width and written with another.
    func testAgainstTripleLoop() {
        for rows in [3, 5] {
            let (k, cols, ldb, ldc) = (37, 150, 160, 170)
            let a = NaiveReference.values(rows * k, seed: 1), b = NaiveReference.values(k * ldb, seed: 2)
            var c = [Float](repeating: .nan, count: rows * ldc)
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in c.withUnsafeMutableBufferPointer { c in
                FewRowsGEMM.multiply(a.baseAddress!, rows: rows, depth: k, b.baseAddress!, ldb: ldb, cols: cols,
                                     into: c.baseAddress!, ldc: ldc)
            }}}
            for r in 0..<rows { for j in 0..<cols {
                let want = (0..<k).reduce(0.0) { $0 + Double(a[r * k + $1]) * Double(b[$1 * ldb + j]) }
                XCTAssertEqual(Double(c[r * ldc + j]), want, accuracy: 1e-5, "row \(r), column \(j)")
            }}
        }
    }
}

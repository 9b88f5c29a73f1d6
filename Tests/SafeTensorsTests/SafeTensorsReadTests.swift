import Foundation
import SafeTensors
import TestSupport
import XCTest

/// Reading well-formed files built byte by byte. Expected values are IEEE 754 facts:
/// fp16 0x3C00 = 1, 0xC000 = −2, 0x7BFF = 65504 (largest half), 0x0001 = 2^-24 (smallest
/// subnormal), 0x7C00 = +∞; bfloat16 0x3F80 = 1, 0xC040 = −3, 0x4049 = 3.140625.
final class SafeTensorsReadTests: XCTestCase {
    func testReadsEachSupportedDType() throws {
        var writer = SafeTensorsWriter()
        writer.add("f32", shape: [2, 2], floats: [1, -2.5, 3.25, 0])
        writer.add("f16", dtype: "F16", shape: [5],
                   bytes: [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x7C00].flatMap { littleEndianBytes(UInt16($0)) })
        writer.add("bf16", dtype: "BF16", shape: [3],
                   bytes: [0x3F80, 0xC040, 0x4049].flatMap { littleEndianBytes(UInt16($0)) })
        writer.add("ids", dtype: "I64", shape: [1, 3], bytes: [0, -5, Int64.max].flatMap { littleEndianBytes(Int64($0)) })
        writer.metadata = ["format": "pt"]
        let file = try openSafeTensors(writer.data())

        XCTAssertEqual(file.names, ["bf16", "f16", "f32", "ids"])
        XCTAssertEqual(file.metadata, ["format": "pt"])
        let f32 = try file.tensor("f32")
        XCTAssertEqual(f32.shape, [2, 2])
        XCTAssertEqual(f32.values, [1, -2.5, 3.25, 0])
        XCTAssertEqual(try file.tensor("f16").values, [1, -2, 65504, 0x1p-24, .infinity])
        XCTAssertEqual(try file.tensor("bf16").values, [1, -3, 3.140625])
        XCTAssertEqual(try file.int64s("ids"), [0, -5, Int64.max])
        XCTAssertEqual(try file.entry("ids").shape, [1, 3])
    }

    func testFloat32IsBorrowedFromTheMapping() throws {
        var writer = SafeTensorsWriter()
        writer.add("w", shape: [4], floats: [1, 2, 3, 4])
        let file = try openSafeTensors(writer.data())
        let first = try file.tensor("w"), second = try file.tensor("w")
        // Zero-copy: both reads point at the same bytes of the mapped file.
        XCTAssertEqual(first.pointer, second.pointer)
        // The mapping is private: writing through a borrowed tensor must not fault.
        first.pointer[0] = 42
        XCTAssertEqual(second.values, [42, 2, 3, 4])
    }

    func testBorrowedTensorOutlivesTheFileObject() throws {
        var writer = SafeTensorsWriter()
        writer.add("w", shape: [3], floats: [7, 8, 9])
        let url = try writeTemporary(writer.data())
        let tensor = try SafeTensorsFile(url: url).tensor("w")  // the file object is released here
        XCTAssertEqual(tensor.values, [7, 8, 9])
    }

    func testUnalignedFloat32IsCopied() throws {
        // A 3-byte header padding puts the data section at an odd offset (8 + 59 = 67).
        var header = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        header += String(repeating: " ", count: 59 - header.utf8.count)
        let bytes = [Float(1.5), -7].flatMap { littleEndianBytes($0.bitPattern) }
        let file = try openSafeTensors(SafeTensorsWriter.file(header: header, data: bytes))
        let tensor = try file.tensor("w")
        XCTAssertEqual(Int(bitPattern: tensor.pointer) % 4, 0)
        XCTAssertEqual(tensor.values, [1.5, -7])
    }

    func testScalarsAndEmptyTensors() throws {
        var writer = SafeTensorsWriter()
        writer.add("scalar", shape: [], floats: [3])
        writer.add("empty", shape: [0, 4], floats: [])
        writer.add("after", shape: [1], floats: [5])
        let file = try openSafeTensors(writer.data())
        XCTAssertEqual(try file.tensor("scalar").values, [3])
        XCTAssertEqual(try file.tensor("empty").count, 0)
        XCTAssertEqual(try file.tensor("after").values, [5])
    }

    func testOtherDTypesAreListedButNotRead() throws {
        var writer = SafeTensorsWriter()
        writer.add("double", dtype: "F64", shape: [2], bytes: [UInt8](repeating: 0, count: 16))
        writer.add("invented", dtype: "Q3", shape: [7], bytes: [1, 2, 3])
        writer.add("ok", shape: [1], floats: [1])
        let file = try openSafeTensors(writer.data(), name: "mixed.safetensors")
        XCTAssertEqual(file.entries["double"]?.dtype, .other("F64"))
        XCTAssertEqual(try file.tensor("ok").values, [1])
        XCTAssertThrowsError(try file.tensor("double")) { error in
            XCTAssertEqual("\(error)", "mixed.safetensors: tensor 'double': unsupported dtype F64 (expected F32, F16 or BF16)")
        }
        XCTAssertThrowsError(try file.int64s("ok")) { error in
            XCTAssertEqual((error as? SafeTensorsError)?.reason, .unsupportedDType("F32 (expected I64)"))
        }
    }

    func testMissingTensorNamesFileAndTensor() throws {
        var writer = SafeTensorsWriter()
        writer.add("present", shape: [1], floats: [1])
        let file = try openSafeTensors(writer.data(), name: "tiny.safetensors")
        XCTAssertThrowsError(try file.tensor("model.diffusion_model.out.2.weight")) { error in
            XCTAssertEqual("\(error)", "tiny.safetensors: missing tensor 'model.diffusion_model.out.2.weight'")
            XCTAssertEqual((error as? SafeTensorsError)?.reason, .missingTensor)
        }
    }
}

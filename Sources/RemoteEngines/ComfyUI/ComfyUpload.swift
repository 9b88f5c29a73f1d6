import Foundation
import Imaging

/// `POST /upload/image` (ComfyUI `server.py`, `image_upload`): a multipart form with the file
/// in field `image`, `type` = `input` (the folder `LoadImage` lists) and `overwrite`. The
/// answer `{"name", "subfolder", "type"}` names the file as `LoadImage` takes it. Files are
/// named by a hash of their bytes (`easel-<hash>.png`), so the same picture is one file and a
/// changed one never reuses a name another prompt may still read.
struct ComfyUpload {
    struct Answer: Decodable {
        var name: String
        var subfolder: String?
    }

    let http: HTTPClient

    /// Uploads `image` as a PNG; the name for `LoadImage` / `LoadImageMask`.
    func png(_ image: RGBImage, label: String) throws -> String {
        let bytes = try PNGEncoder.encode(image, path: label)
        let file = "easel-\(Self.hash(bytes)).png"
        let boundary = "easel-\(UUID().uuidString)"
        var body = Data()
        func field(_ name: String, _ value: String) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"image\"; filename=\"\(file)\"\r\n".utf8))
        body.append(Data("Content-Type: image/png\r\n\r\n".utf8))
        body.append(Data(bytes))
        body.append(Data("\r\n".utf8))
        field("type", "input")
        field("overwrite", "true")
        body.append(Data("--\(boundary)--\r\n".utf8))
        let data = try http.post("/upload/image", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
        let answer = try http.decode(Answer.self, from: data, path: "/upload/image")
        guard let subfolder = answer.subfolder, !subfolder.isEmpty else { return answer.name }
        return subfolder + "/" + answer.name
    }

    /// A grey image (a mask) as an RGB PNG, each channel the grey value.
    func png(_ mask: GrayImage, label: String) throws -> String {
        try png(RGBImage(width: mask.width, height: mask.height, pixels: mask.pixels.flatMap { [$0, $0, $0] }), label: label)
    }

    /// 64-bit FNV-1a of `bytes`, as 16 hex digits.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(h, radix: 16).leftPadded(to: 16)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

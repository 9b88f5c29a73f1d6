import Imaging

/// A1111's "Inpaint area: Only masked": the masked region plus padding, grown to the render's
/// aspect ratio, is cut out, rendered at the full render size and pasted back.
///
/// Port of A1111 `modules/masking.py` `get_crop_region` (the bounding box of non-zero mask
/// pixels, padded, clamped to the image) and `expand_crop_region` (grow the short side to the
/// processing aspect ratio, shifting inside the image), and `modules/processing.py`
/// `StableDiffusionProcessingImg2Img.init` (`paste_to`) / `apply_overlay` (the result resized
/// to the crop and pasted before the overlay). Resizes are Lanczos, as A1111's
/// `images.resize_image` does. Unlike A1111, the whole picture keeps the render size (the init
/// image was fitted to it first), so the paste lands on a picture of that size.
struct InpaintCrop {
    let x1: Int, y1: Int, x2: Int, y2: Int
    let width: Int, height: Int

    init(mask: GrayImage, padding: Int, width: Int, height: Int) {
        self.width = width
        self.height = height
        let (w, h) = (mask.width, mask.height)
        func used(_ x: Int, _ y: Int) -> Bool { mask.pixels[y * w + x] != 0 }
        let columns = (0..<w).filter { x in (0..<h).contains { used(x, $0) } }
        let rows = (0..<h).filter { y in (0..<w).contains { used($0, y) } }
        var x1 = max((columns.first ?? 0) - padding, 0), x2 = min((columns.last ?? w - 1) + 1 + padding, w)
        var y1 = max((rows.first ?? 0) - padding, 0), y2 = min((rows.last ?? h - 1) + 1 + padding, h)
        let ratioCrop = Double(x2 - x1) / Double(y2 - y1), ratio = Double(width) / Double(height)
        if ratioCrop > ratio {
            let diff = Int(Double(x2 - x1) / ratio - Double(y2 - y1))
            (y1, y2) = Self.grow(y1, y2, by: diff, limit: h)
        } else {
            let diff = Int(Double(y2 - y1) * ratio - Double(x2 - x1))
            (x1, x2) = Self.grow(x1, x2, by: diff, limit: w)
        }
        (self.x1, self.y1, self.x2, self.y2) = (x1, y1, x2, y2)
    }

    /// `expand_crop_region` along one axis: half the growth on each side, then shifted back
    /// inside `0 ..< limit`.
    private static func grow(_ a: Int, _ b: Int, by diff: Int, limit: Int) -> (Int, Int) {
        var (a, b) = (a - diff / 2, b + diff - diff / 2)
        if b >= limit { let over = b - limit; b -= over; a -= over }
        if a < 0 { b -= a; a = 0 }
        if b >= limit { b = limit }
        return (a, b)
    }

    func crop(_ image: RGBImage) -> RGBImage {
        image.cropped(x: x1, y: y1, width: x2 - x1, height: y2 - y1).resized(width: width, height: height, filter: .lanczos)
    }

    func crop(_ mask: GrayImage) -> GrayImage {
        mask.cropped(x: x1, y: y1, width: x2 - x1, height: y2 - y1).resized(width: width, height: height, filter: .lanczos)
    }

    /// `rendered` (the render size) resized into the crop of `original`, then the overlay.
    func paste(_ rendered: RGBImage, into original: RGBImage, mask: InpaintMask) -> RGBImage {
        let piece = rendered.resized(width: x2 - x1, height: y2 - y1, filter: .lanczos)
        return mask.overlay(original: original, on: original.pasting(piece, x: x1, y: y1))
    }
}

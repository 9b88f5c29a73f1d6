import EngineAPI
import Tensor

/// Fails a job whose numbers went bad, naming the stage, so a NaN or Inf never becomes an
/// all-black PNG (issue 17, item 8: NaN weights, or a header length off by one that shifts all
/// tensor data by a byte).
///
/// After A1111 `modules/devices.py` `test_for_nans(x, where)`, called after the UNet and the
/// VAE, which raises "A tensor with all NaNs was produced in Unet/VAE". Easel is stricter: any
/// NaN or infinity fails, and the text encoder's output is checked too. The test sums in Double:
/// a sum of Floats cannot overflow a Double, so it is non-finite exactly when some value is —
/// one pass, no branch per value. New families call `require` at the same three points.
enum FiniteValueCheck {
    enum Stage: String {
        case textEncoder = "text encoder"
        case unet = "UNet"
        case vae = "VAE"
    }

    static func require(_ values: UnsafeBufferPointer<Float>, _ stage: Stage, at detail: String = "") throws {
        var sum = 0.0
        for value in values { sum += Double(value) }
        guard !sum.isFinite else { return }
        let place = detail.isEmpty ? "" : " (\(detail))"
        throw EngineError.failed("the \(stage.rawValue) produced NaN or infinite values\(place); the checkpoint's "
                                 + "weights are probably damaged. No image was written")
    }

    static func require(_ values: [Float], _ stage: Stage, at detail: String = "") throws {
        try values.withUnsafeBufferPointer { try require($0, stage, at: detail) }
    }

    static func require(_ tensor: Tensor, _ stage: Stage, at detail: String = "") throws {
        try require(UnsafeBufferPointer(start: tensor.pointer, count: tensor.count), stage, at: detail)
    }
}

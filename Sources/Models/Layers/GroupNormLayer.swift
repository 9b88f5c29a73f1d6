import Tensor

/// GroupNorm with 32 groups and affine parameters (LDM `GroupNorm32` / `Normalize`).
struct GroupNormLayer {
    let weight: Tensor
    let bias: Tensor
    let groups: Int
    let eps: Float

    init(_ w: WeightScope, channels: Int, groups: Int = 32, eps: Float) throws {
        weight = try w("weight", [channels])
        bias = try w("bias", [channels])
        self.groups = groups
        self.eps = eps
    }

    /// `inPlace`: overwrite x (which the caller no longer needs).
    func callAsFunction(_ x: Tensor, activation: Activation? = nil, inPlace: Bool = false) -> Tensor {
        x.groupNorm(groups: groups, weight: weight, bias: bias, eps: eps, activation: activation, inPlace: inPlace)
    }
}

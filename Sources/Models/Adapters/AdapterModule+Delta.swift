import Tensor

extension AdapterModule {
    /// scale · ΔW as fp32, with `count` elements (the target weight's), laid out as the
    /// weight [O, I, kh, kw] or [O, I] flattened. Throws a one-line error when the module's
    /// tensors are missing or do not multiply out to the target's `outputs` × rest.
    func scaledDelta(outputs: Int, count: Int) throws -> Tensor {
        let (delta, rank) = try deltaAndRank()
        guard delta.count == count, delta.shape.first == outputs else {
            throw fail("ΔW \(delta.shape) does not fit the layer's \(outputs) outputs × \(count / max(outputs, 1)) inputs")
        }
        let s = try scale(rank: rank)
        if s != 1 { for i in 0..<delta.count { delta.pointer[i] *= s } }
        return delta
    }

    /// `.scale` if present, else alpha / rank, else 1 (A1111 `network.py`
    /// `NetworkModule.calc_scale`; ComfyUI `comfy/weight_adapter/*.py`, `alpha / dim`).
    /// A LoKr module whose halves are both full has no rank, so its scale is 1.
    func scale(rank: Int?) throws -> Float {
        if let explicit = try scalar("scale") { return explicit }
        guard let alpha = try scalar("alpha"), let rank, rank > 0 else { return 1 }
        return alpha / Float(rank)
    }

    /// ΔW (unscaled), shaped [O, …], and the rank that divides alpha.
    private func deltaAndRank() throws -> (Tensor, Int?) {
        switch kind {
        case .lora: return try loraDelta()
        case .loha: return try lohaDelta()
        case .lokr: return try lokrDelta()
        case .full: return (try tensor("diff"), nil)
        }
    }

    /// ΔW = up.reshape(O, r) @ down.reshape(r, −1); with `lora_mid` (Tucker) the down factor
    /// is first rebuilt as down′[i, c, kh, kw] = Σⱼ down[j, c]·mid[i, j, kh, kw]. Rank =
    /// `lora_down.shape[0]`. Source: A1111 `network_lora.py` `NetworkModuleLora.calc_updown`
    /// with `lyco_helpers.py` `rebuild_conventional`/`rebuild_cp_decomposition`; ComfyUI
    /// `comfy/weight_adapter/lora.py` `LoRAAdapter.calculate_weight`.
    private func loraDelta() throws -> (Tensor, Int?) {
        let peft = has("lora_A.weight")
        let up = try tensor(peft ? "lora_B.weight" : "lora_up.weight")
        var down = try tensor(peft ? "lora_A.weight" : "lora_down.weight")
        let rank = down.shape[0]
        guard up.count % rank == 0, up.count / rank == up.shape[0] else {
            throw fail("up \(up.shape) and down \(down.shape) do not share a rank")
        }
        if has("lora_mid.weight") {
            let mid = try tensor("lora_mid.weight")                                  // [r, r, kh, kw]
            guard mid.shape.count == 4, mid.shape[1] == rank else { throw fail("lora_mid \(mid.shape) does not match rank \(rank)") }
            let channels = down.count / rank
            let eye = Tensor(zeros: [rank, rank])
            for i in 0..<rank { eye.pointer[i * rank + i] = 1 }
            // down′ = tucker(mid, down [r, C], I): out[p, c, k, l] = Σ_ij I[i, p]·mid[i, j, k, l]·down[j, c]
            down = AdapterMath.tucker(mid, down.reshaped([rank, channels]), eye)     // [r, C, kh, kw]
        }
        let outputs = up.shape[0], inputs = down.count / rank
        return (AdapterMath.matmul(up, down, m: outputs, k: rank, n: inputs), rank)  // [O, I·kh·kw]
    }

    /// ΔW = (w1a @ w1b) ⊙ (w2a @ w2b), or with Tucker factors tᵢ each product is
    /// `einsum('i j k l, j r, i p -> p r k l', tᵢ, wᵢb, wᵢa)`. Rank = `hada_w1_b.shape[0]`.
    /// Source: A1111 `network_hada.py` `NetworkModuleHada.calc_updown`; ComfyUI
    /// `comfy/weight_adapter/loha.py` `LoHaAdapter.calculate_weight`; lycoris `modules/loha.py`.
    private func lohaDelta() throws -> (Tensor, Int?) {
        let (w1a, w1b) = (try tensor("hada_w1_a"), try tensor("hada_w1_b"))
        let (w2a, w2b) = (try tensor("hada_w2_a"), try tensor("hada_w2_b"))
        let rank = w1b.shape[0]
        func product(_ a: Tensor, _ b: Tensor, tucker: String) throws -> Tensor {
            if has(tucker) { return AdapterMath.tucker(try tensor(tucker), b, a) }   // [O, I, kh, kw]
            let r = b.shape[0]
            guard a.count % r == 0, a.count / r == a.shape[0] else { throw fail("\(a.shape)·\(b.shape) do not share a rank") }
            return AdapterMath.matmul(a, b, m: a.shape[0], k: r, n: b.count / r)    // [O, I·k·k]
        }
        let m1 = try product(w1a, w1b, tucker: "hada_t1"), m2 = try product(w2a, w2b, tucker: "hada_t2")
        guard m1.count == m2.count else { throw fail("the two Hadamard factors differ: \(m1.shape), \(m2.shape)") }
        for i in 0..<m1.count { m1.pointer[i] *= m2.pointer[i] }
        return (m1, rank)
    }

    /// ΔW = kron(w1, w2), w1 = `lokr_w1` or w1a @ w1b, w2 = `lokr_w2`, w2a @ w2b or its Tucker
    /// rebuild with `lokr_t2`; a 4-D w2 makes w1 [a, c, 1, 1]. The rank is `w2_b.shape[0]`,
    /// else `w1_b.shape[0]`, else none (scale 1). Source: A1111 `network_lokr.py`
    /// `NetworkModuleLokr.calc_updown`; ComfyUI `comfy/weight_adapter/lokr.py`
    /// `LoKrAdapter.calculate_weight`; lycoris `modules/lokr.py`.
    private func lokrDelta() throws -> (Tensor, Int?) {
        var rank: Int?
        var w1: Tensor
        if has("lokr_w1") {
            w1 = try tensor("lokr_w1")
        } else {
            let (a, b) = (try tensor("lokr_w1_a"), try tensor("lokr_w1_b"))
            rank = b.shape[0]
            w1 = AdapterMath.matmul(a, b, m: a.shape[0], k: b.shape[0], n: b.count / b.shape[0])
        }
        var w2: Tensor
        if has("lokr_w2") {
            w2 = try tensor("lokr_w2")
        } else {
            let (a, b) = (try tensor("lokr_w2_a"), try tensor("lokr_w2_b"))
            rank = b.shape[0]
            w2 = has("lokr_t2") ? AdapterMath.tucker(try tensor("lokr_t2"), b, a)
                : AdapterMath.matmul(a, b, m: a.shape[0], k: b.shape[0], n: b.count / b.shape[0])
        }
        guard w1.shape.count == 2 || w1.shape.count == w2.shape.count else { throw fail("w1 \(w1.shape) with w2 \(w2.shape)") }
        if w2.shape.count == 4, w1.shape.count == 2 { w1 = w1.reshaped(w1.shape + [1, 1]) }
        if w2.shape.count == 2, w1.shape.count != 2 { throw fail("w1 \(w1.shape) with w2 \(w2.shape)") }
        return (AdapterMath.kron(w1, w2), rank)
    }
}

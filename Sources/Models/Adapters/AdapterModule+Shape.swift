extension AdapterModule {
    /// The outputs and element count ΔW will have, from the header shapes alone (no tensor
    /// data is read), or nil when the module's tensors do not agree with each other. Follows
    /// the same formulas as `scaledDelta` (see there for sources).
    func deltaSize() -> (outputs: Int, count: Int)? {
        func count(_ s: [Int]) -> Int { s.reduce(1, *) }
        func product(_ a: [Int]?, _ b: [Int]?, tucker t: [Int]?) -> (Int, Int)? {
            guard let a, let b, a.count >= 2, b.count >= 1 else { return nil }
            if let t {
                guard t.count == 4, a[0] == t[0], b[0] == t[1] else { return nil }
                return (count(a) / a[0], count(a) / a[0] * (count(b) / b[0]) * t[2] * t[3])
            }
            guard count(a) / a[0] == b[0] else { return nil }
            return (a[0], a[0] * count(b) / b[0])
        }
        switch kind {
        case .lora:
            let peft = has("lora_A.weight")
            guard let up = shape(peft ? "lora_B.weight" : "lora_up.weight"),
                  let down = shape(peft ? "lora_A.weight" : "lora_down.weight"), let rank = down.first, rank > 0,
                  count(up) / up[0] == rank else { return nil }
            var inputs = count(down) / rank
            if let mid = shape("lora_mid.weight") {
                guard mid.count == 4, mid[1] == rank else { return nil }
                inputs *= mid[2] * mid[3]
            }
            return (up[0], up[0] * inputs)
        case .loha:
            guard let m1 = product(shape("hada_w1_a"), shape("hada_w1_b"), tucker: shape("hada_t1")),
                  let m2 = product(shape("hada_w2_a"), shape("hada_w2_b"), tucker: shape("hada_t2")),
                  m1 == m2 else { return nil }
            return m1
        case .lokr:
            let w1 = shape("lokr_w1").map { ($0[0], count($0) / $0[0]) }
                ?? product(shape("lokr_w1_a"), shape("lokr_w1_b"), tucker: nil).map { ($0.0, $0.1 / $0.0) }
            let w2 = shape("lokr_w2").map { ($0[0], count($0) / $0[0]) }
                ?? product(shape("lokr_w2_a"), shape("lokr_w2_b"), tucker: shape("lokr_t2")).map { ($0.0, $0.1 / $0.0) }
            guard let w1, let w2 else { return nil }
            return (w1.0 * w2.0, w1.0 * w2.0 * w1.1 * w2.1)
        case .full:
            return shape("diff").flatMap { $0.isEmpty ? nil : ($0[0], count($0)) }
        }
    }
}

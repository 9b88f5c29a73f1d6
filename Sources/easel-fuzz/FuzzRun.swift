import Foundation
import FuzzTargets

/// One target's run: the corpus entries as they are, then mutated inputs until the count or
/// the time is reached.
struct FuzzRun {
    let target: FuzzTarget
    let corpus: [[UInt8]]
    let seed: UInt64
    let maximumLength: Int

    struct Result {
        var executions = 0
        var seconds = 0.0
        var peakResidentBytes = 0
        var slowestSeconds = 0.0
    }

    func run(runs: Int?, seconds: Double?) -> Result {
        var mutator = Mutator(seed: seed, dictionary: target.dictionary, maximumLength: maximumLength)
        var result = Result()
        let start = Date()
        func execute(_ input: [UInt8]) {
            let began = DispatchTime.now().uptimeNanoseconds
            Watchdog.begin(input)
            target.run(input)
            Watchdog.end()
            result.slowestSeconds = max(result.slowestSeconds, Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9)
            result.executions += 1
            if result.executions % 1024 == 0 { result.peakResidentBytes = max(result.peakResidentBytes, Watchdog.residentBytes()) }
        }
        for entry in corpus { execute(entry) }
        while true {
            if let runs, result.executions >= runs { break }
            if let seconds, result.executions % 64 == 0, Date().timeIntervalSince(start) >= seconds { break }
            let entry = corpus.randomElement(using: &mutator.random) ?? []
            let other = corpus.randomElement(using: &mutator.random) ?? []
            execute(mutator.mutate(entry, other: other))
        }
        result.seconds = Date().timeIntervalSince(start)
        result.peakResidentBytes = max(result.peakResidentBytes, Watchdog.residentBytes())
        return result
    }

    /// The files in `folder`, sorted by name (an empty input when there are none).
    static func loadCorpus(_ folder: URL) -> [[UInt8]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        let entries = names.compactMap { try? [UInt8](Data(contentsOf: folder.appendingPathComponent($0))) }
        return entries.isEmpty ? [[]] : entries
    }

    /// FNV-1a of the target's name, so each target's inputs depend on the seed and the name only.
    static func seed(_ base: UInt64, for target: FuzzTarget) -> UInt64 {
        target.rawValue.utf8.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 } ^ base
    }
}

import Foundation
import FuzzTargets

/// `easel-fuzz`: a seeded mutation fuzzer for Easel's parsers (issue 17, item 13; see
/// FUZZING.md). Deterministic: the same seed, corpus and count run the same inputs.
///
///     easel-fuzz [--all | TARGET…] [--runs N | --seconds S] [--seed K] [--corpus DIR]
///                [--max-len BYTES] [--time-limit S] [--memory-limit MIB]
let usage = """
    usage: easel-fuzz [--all | TARGET...] [--runs N | --seconds S] [--seed K] [--corpus DIR]
                      [--max-len BYTES] [--time-limit S] [--memory-limit MIB]
    targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))
    """
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var targets: [FuzzTarget] = []
var runs: Int?
var seconds: Double?
var seed: UInt64 = 1
var corpusFolder = repository.appendingPathComponent("Tests/Fuzz/corpus")
/// Longest input made: the prompt-text limit, which every path that reaches these parsers
/// enforces first (a PNG or safetensors header longer than that is still refused up front).
var maximumLength = 32 * 1024
setvbuf(stdout, nil, _IOLBF, 0)

func die(_ message: String) -> Never {
    FileHandle.standardError.write(Data("easel-fuzz: \(message)\n\(usage)\n".utf8))
    exit(2)
}

var arguments = CommandLine.arguments.dropFirst()
func value(_ option: String) -> String {
    guard let next = arguments.popFirst() else { die("\(option) needs a value") }
    return next
}
/// The option's value read as `T`, or a usage error.
func number<T: LosslessStringConvertible>(_ option: String, _: T.Type) -> T {
    guard let parsed = T(value(option)) else { die("\(option) takes a number") }
    return parsed
}
while let argument = arguments.popFirst() {
    switch argument {
    case "--all": targets = FuzzTarget.allCases
    case "--runs": runs = number(argument, Int.self)
    case "--seconds": seconds = number(argument, Double.self)
    case "--seed": seed = number(argument, UInt64.self)
    case "--corpus": corpusFolder = URL(fileURLWithPath: value(argument))
    case "--max-len": maximumLength = number(argument, Int.self)
    case "--time-limit": Watchdog.timeLimit = number(argument, Double.self)
    case "--memory-limit": Watchdog.memoryLimit = number(argument, Int.self) << 20
    case "-h", "--help": print(usage); exit(0)
    default:
        guard let target = FuzzTarget(rawValue: argument) else { die("unknown target '\(argument)'") }
        targets.append(target)
    }
}
if targets.isEmpty { die("name a target or --all") }
if runs == nil && seconds == nil { runs = 10_000 }

let failures = repository.appendingPathComponent(".build/fuzz-failures")
try? FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
for target in targets {
    let runSeed = FuzzRun.seed(seed, for: target)
    Watchdog.start(failurePath: failures.appendingPathComponent("\(target.rawValue)-seed\(seed).bin").path)
    let corpus = FuzzRun.loadCorpus(corpusFolder.appendingPathComponent(target.rawValue))
    let result = FuzzRun(target: target, corpus: corpus, seed: runSeed, maximumLength: maximumLength)
        .run(runs: runs, seconds: seconds)
    Watchdog.finish()
    print(String(format: "%@: %d executions in %.1f s (%.0f/s), %d corpus files, seed %llu: no crash, slowest input %.3f s, peak resident %d MiB",
                 target.rawValue, result.executions, result.seconds, Double(result.executions) / max(result.seconds, 1e-9),
                 corpus.count, seed, result.slowestSeconds, result.peakResidentBytes >> 20))
}
FuzzTarget.cleanUp()

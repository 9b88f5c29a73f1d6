import Foundation
import Imaging
import TestSupport
import XCTest

/// One complete txt2img run of a fixture manifest (`tiny-sd15-reference/manifest.json`,
/// `tiny-sdxl-reference/manifest.json`), as `easel generate` arguments, and the comparison of
/// its PNG with the reference: at most 2 levels at any pixel and 0.5 on average.
struct ReferenceRun: Decodable {
    let sampler: String, schedule: String, seed: UInt64, steps: Int, cfg: Double
    let width: Int, height: Int, clip_skip: Int, prompt: String, negative: String, png: String

    private struct Manifest: Decodable { let runs: [ReferenceRun] }

    /// The runs of `folder/manifest.json` under the fixtures root.
    static func runs(in folder: String) throws -> [ReferenceRun] {
        try JSONDecoder().decode(Manifest.self, from: Fixtures.data("\(folder)/manifest.json")).runs
    }

    /// `easel generate` for this run with `model` in the precise mode.
    func arguments(model: String, output: URL) -> [String] {
        ["generate", "--model", Fixtures.url(model).path, "--prompt", prompt, "--negative", negative,
         "--sampler", sampler, "--schedule", schedule, "--steps", "\(steps)", "--cfg", "\(cfg)",
         "--seed", "\(seed)", "--width", "\(width)", "--height", "\(height)",
         "--clip-skip", "\(clip_skip)", "--precision", "fp32", "--output", output.path]
    }

    /// Renders every run of `folder` from `model` into `work` and checks each PNG against the
    /// reference; prints the differences (max and mean levels).
    static func assertAllMatch(folder: String, model: String, work: URL,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        for run in try runs(in: folder) {
            let output = work.appendingPathComponent("\(model.replacingOccurrences(of: "/", with: "_"))-\(run.png)")
            let result = try EaselProcess.run(run.arguments(model: model, output: output))
            XCTAssertEqual(result.status, 0, "\(run.png) from \(model): \(result.stderr)", file: file, line: line)
            guard result.status == 0 else { continue }
            let mine = try PNGFile.read(from: output).image
            let reference = try PNGFile.read(from: Fixtures.url("\(folder)/\(run.png)")).image
            XCTAssertEqual([mine.width, mine.height], [reference.width, reference.height], run.png, file: file, line: line)
            var worst = 0, total = 0
            for (a, b) in zip(mine.pixels, reference.pixels) {
                let d = abs(Int(a) - Int(b)); worst = max(worst, d); total += d
            }
            let mean = Double(total) / Double(mine.pixels.count)
            print("parity \(model) \(run.png): max \(worst) mean \(mean)")
            XCTAssertLessThanOrEqual(worst, 2, "\(run.png) from \(model): max difference \(worst)", file: file, line: line)
            XCTAssertLessThanOrEqual(mean, 0.5, "\(run.png) from \(model): mean difference \(mean)", file: file, line: line)
        }
    }
}

import Foundation
import Imaging
import RenderSettings

/// A stand-in engine that draws a deterministic picture (colour bands from the seed, sharpening
/// with each step) at a fixed pace. For developing and testing the workbench without a model;
/// `easel` uses it only when `EASEL_SYNTHETIC_ENGINE` is set.
public final class SyntheticRenderBackend: RenderBackend, @unchecked Sendable {
    private let sink: @Sendable (RenderEvent) -> Void
    private let queue = DispatchQueue(label: "easel.synthetic-render")
    private let lock = NSLock()
    private var cancelledJob = 0
    private var currentJob = 0
    let secondsPerStep: Double

    public init(secondsPerStep: Double = 0.05, sink: @escaping @Sendable (RenderEvent) -> Void) {
        self.secondsPerStep = secondsPerStep
        self.sink = sink
    }

    public func loadModel(path: String) {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        sink(.modelLoading(name: name))
        queue.async { [sink] in
            if FileManager.default.fileExists(atPath: path) {
                sink(.modelLoaded(name: name))
            } else {
                sink(.modelFailed(name: name, message: "\(path): no such file"))
            }
        }
    }

    public func start(job: Int, settings: RenderSettings) {
        cancel()
        lock.lock()
        currentJob = job
        lock.unlock()
        queue.async { [self] in run(job: job, settings: settings) }
    }

    public func cancel() {
        lock.lock()
        cancelledJob = currentJob
        lock.unlock()
    }

    public func shutdown() { cancel() }

    private func isCancelled(_ job: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelledJob >= job
    }

    private func run(job: Int, settings: RenderSettings) {
        let start = Date()
        for step in 1...max(1, settings.steps) {
            if isCancelled(job) { sink(.cancelled(job: job)); return }
            Thread.sleep(forTimeInterval: secondsPerStep)
            let image = picture(settings, sharpness: Double(step) / Double(settings.steps))
            sink(.progress(job: job, step: step, total: settings.steps, elapsed: Date().timeIntervalSince(start), preview: image))
        }
        if isCancelled(job) { sink(.cancelled(job: job)); return }
        sink(.finished(job: job, elapsed: Date().timeIntervalSince(start), image: picture(settings, sharpness: 1)))
    }

    private func picture(_ settings: RenderSettings, sharpness: Double) -> RGBImage {
        let width = max(8, settings.width / 8), height = max(8, settings.height / 8)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let hue = Double(settings.seed % 360) / 360
        for y in 0..<height {
            for x in 0..<width {
                let u = Double(x) / Double(width), v = Double(y) / Double(height)
                let wave = 0.5 + 0.5 * sin((u * 6 + v * 3 + hue * 6.28) * (1 + settings.cfgScale / 10))
                let mix = 0.5 + (wave - 0.5) * sharpness
                let i = (y * width + x) * 3
                pixels[i] = UInt8(255 * min(1, max(0, mix * (0.5 + 0.5 * cos(hue * 6.28)))))
                pixels[i + 1] = UInt8(255 * min(1, max(0, v * mix)))
                pixels[i + 2] = UInt8(255 * min(1, max(0, (1 - mix) * (0.5 + 0.5 * sin(hue * 6.28)))))
            }
        }
        return try! RGBImage(width: width, height: height, pixels: pixels)
    }
}

// swift-tools-version:5.10
import PackageDescription

// Module map (dependencies point one way, top to bottom; docs/ARCHITECTURE.md explains each):
//   C shims      CBLAS, CNCursesW, CChafa, CPNG, CTurboJPEG   (modulemap + shim.h only)
//   C kernels    CKernels (bf16 GEMM via AVX-512 BF16, CPU detection, used by Tensor; SHA-256 compression, used by LocalEngine)
//   vocabulary   Catalog (samplers, schedules and their names, checkpoint families; no dependencies)
//   safety       UntrustedText (terminal-safe text, short quotes in errors, the prompt-text limit)
//                SafeFiles (the one atomic writer, regular-file deletion, stale temporary files)
//   settings     RenderSettings (one render's settings, infotext)  ·  Imaging (PNG) → TermImage
//   seam         EngineAPI (ImageEngine protocol, requests, events; knows no terminal, no tensor)
//   library      ModelLibrary (the settings file's checkpoint/LoRA/embedding folders, A1111/ComfyUI layouts)
//   engine       Tensor → SafeTensors → Models → Diffusion;  Sampling;  Tokenizer;  PromptSyntax
//                TorchPickle (restricted reader of torch.save zips: embeddings' .pt; used by Models)
//   engines      LocalEngine (the in-process ImageEngine: models on disk, hashes, the demo model)
//                RemoteEngines (A1111-API and ComfyUI servers over HTTP/websocket; engines.json)
//   prompt       PromptKit (grid, dialects, lint, presets; knows nothing of engines)
//   history      RenderHistory (finished renders kept as PNG + thumbnail + preset-format record)
//                Comparison (A1111's X/Y plot as a value: axes, cells, the labelled sheet)
//   terminal     TUICore (state, actions, keymap; no curses) → TUI (curses drawing, event loop)
//   apps         EaselCLI (commands; the one place that picks an engine) → easel;  easel-bench
//   fuzzing      FuzzTargets (each parser on any bytes) → easel-fuzz (seeded mutation driver)
let package = Package(
    name: "Easel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "easel", targets: ["easel"]),
        .executable(name: "easel-bench", targets: ["easel-bench"]),
        .executable(name: "easel-fuzz", targets: ["easel-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // ComfyUI's /ws: Foundation's URLSessionWebSocketTask is not built into this toolchain's
        // libcurl ("WebSockets not supported by libcurl"); HTTP itself goes through URLSession.
        .package(url: "https://github.com/vapor/websocket-kit", from: "2.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // MARK: C shims
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW", pkgConfig: "ncursesw",
                       providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CChafa", path: "Sources/CChafa", pkgConfig: "chafa",
                       providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
                       providers: [.apt(["libturbojpeg0-dev"])]),

        // MARK: C kernels
        // -O3 in every configuration: the intrinsics kernels are unusably slow at -O0.
        .target(name: "CKernels", path: "Sources/CKernels", cSettings: [.unsafeFlags(["-O3"])]),

        // MARK: engine
        .target(name: "Tensor", dependencies: ["CBLAS", "CKernels"],
                swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "SafeTensors", dependencies: ["Tensor", "UntrustedText"],
                swiftSettings: [.unsafeFlags(["-O"])]),  // fp16 widening is ~300× slower unoptimised
        .target(name: "Tokenizer", dependencies: ["PromptSyntax", "UntrustedText"]),
        .target(name: "PromptSyntax"),
        .target(name: "TorchPickle"),
        .target(name: "Models", dependencies: ["Catalog", "SafeTensors", "Tensor", "TorchPickle", "UntrustedText"],
                swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "Sampling", dependencies: ["Catalog"]),
        .target(name: "Diffusion", dependencies: ["EngineAPI", "Imaging", "Models", "PromptSyntax", "RenderSettings", "Sampling", "Tensor", "Tokenizer"]),

        // MARK: vocabulary and the engine seam
        .target(name: "Catalog"),
        .target(name: "UntrustedText"),
        .target(name: "SafeFiles"),
        .target(name: "EngineAPI", dependencies: ["Catalog", "RenderSettings", "Imaging"]),
        .target(name: "ModelLibrary"),

        // MARK: prompt
        .target(name: "RenderSettings", dependencies: ["Catalog", "UntrustedText"]),
        .target(name: "PromptKit", dependencies: ["Catalog", "RenderSettings", "PromptSyntax", "SafeFiles", "Tokenizer", "UntrustedText"]),
        // The render history ($XDG_DATA_HOME/easel/history): images, thumbnails, preset-format records.
        .target(name: "RenderHistory", dependencies: ["Imaging", "ModelLibrary", "PromptKit", "RenderSettings", "SafeFiles"]),

        .target(name: "Comparison", dependencies: ["Imaging", "PromptKit", "RenderSettings", "UntrustedText"]),

        // MARK: imaging
        .target(name: "Imaging", dependencies: ["CPNG", "CTurboJPEG", "SafeFiles"]),
        .target(name: "TermImage", dependencies: ["CChafa", "Imaging"]),

        // MARK: terminal
        .target(name: "TUICore", dependencies: ["Comparison", "PromptKit", "RenderSettings", "EngineAPI", "UntrustedText"]),
        .target(name: "TUI", dependencies: ["CNCursesW", "Comparison", "EngineAPI", "Imaging", "ModelLibrary", "PromptKit", "RenderHistory", "RenderSettings", "SafeFiles", "TUICore", "TermImage", "Tokenizer", "UntrustedText"]),

        // MARK: engines
        .target(name: "LocalEngine", dependencies: ["Catalog", "CKernels", "Diffusion", "EngineAPI", "Models", "PromptSyntax", "RenderSettings", "SafeFiles", "SafeTensors", "Tensor"]),
        .target(name: "RemoteEngines", dependencies: [
            "Catalog", "EngineAPI", "Imaging", "PromptSyntax", "RenderSettings",
            .product(name: "WebSocketKit", package: "websocket-kit"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], resources: [.copy("ComfyUI/Templates")]),

        // MARK: apps
        .target(name: "EaselCLI", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            "Comparison", "EngineAPI", "Imaging", "LocalEngine", "ModelLibrary", "PromptKit", "PromptSyntax", "RemoteEngines", "RenderHistory", "RenderSettings",
            "SafeFiles", "TUI", "TUICore", "Tensor", "TermImage", "Tokenizer", "UntrustedText",
        ]),
        .executableTarget(name: "easel", dependencies: ["EaselCLI"]),
        // Fuzzing (FUZZING.md): the parsers as targets, and the seeded mutation driver.
        .target(name: "FuzzTargets", dependencies: ["Comparison", "Imaging", "PromptKit", "PromptSyntax", "RenderSettings", "SafeTensors"]),
        .executableTarget(name: "easel-fuzz", dependencies: ["FuzzTargets", "RenderSettings"]),
        .executableTarget(name: "easel-bench", dependencies: ["Diffusion", "EngineAPI", "Models", "RenderSettings", "SafeTensors", "Tensor"],
                          swiftSettings: [.unsafeFlags(["-Ounchecked"])]),

        // MARK: tests
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"]),
        .testTarget(name: "UntrustedTextTests", dependencies: ["UntrustedText"]),
        .testTarget(name: "SafeFilesTests", dependencies: ["SafeFiles"]),
        .testTarget(name: "TensorTests", dependencies: ["Tensor"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["FuzzTargets", "RenderSettings", "SafeTensors", "TestSupport"]),
        .testTarget(name: "TokenizerTests", dependencies: ["PromptSyntax", "TestSupport", "Tokenizer"]),
        .testTarget(name: "PromptSyntaxTests", dependencies: ["PromptSyntax", "TestSupport"]),
        .testTarget(name: "ModelLibraryTests", dependencies: ["ModelLibrary", "TestSupport"]),
        .testTarget(name: "ModelsTests", dependencies: ["Catalog", "Models", "SafeTensors", "Tensor", "TestSupport", "Tokenizer"],
                    exclude: ["Data"]),  // small adapter files read by path (tools/adapters)
        .testTarget(name: "SamplingTests", dependencies: ["Sampling", "Catalog", "SafeTensors", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "DiffusionTests", dependencies: ["Diffusion", "EngineAPI", "Imaging", "Models", "RenderSettings", "SafeTensors", "Sampling", "Tensor", "TestSupport", "Tokenizer"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "DemoModelTests", dependencies: ["Diffusion", "EngineAPI", "Imaging", "LocalEngine", "RenderSettings", "TestSupport"]),
        .testTarget(name: "LocalEngineTests", dependencies: ["Catalog", "EngineAPI", "Imaging", "LocalEngine", "RenderSettings", "TestSupport"]),
        .testTarget(name: "RemoteEnginesTests", dependencies: ["EngineAPI", "Imaging", "RemoteEngines", "RenderSettings", "TestSupport"]),
        .testTarget(name: "RenderSettingsTests", dependencies: ["RenderSettings"]),
        .testTarget(name: "RenderHistoryTests", dependencies: ["Imaging", "PromptKit", "RenderHistory", "RenderSettings", "SafeFiles"]),
        .testTarget(name: "PromptKitTests", dependencies: ["PromptKit", "PromptSyntax", "RenderSettings", "SafeFiles", "TestSupport", "Tokenizer"]),
        .testTarget(name: "ComparisonTests", dependencies: ["Comparison", "Imaging", "PromptKit", "RenderSettings"]),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "SafeTensors", "TestSupport"]),
        .testTarget(name: "TermImageTests", dependencies: ["Imaging", "TermImage", "TestSupport"]),
        .testTarget(name: "TUICoreTests", dependencies: ["EngineAPI", "PromptKit", "RenderSettings", "TUICore", "TestSupport", "UntrustedText"]),
        .testTarget(name: "EaselCLITests", dependencies: ["TestSupport", "Imaging", "RenderSettings"]),
        .testTarget(name: "EngineSeamTests", dependencies: ["EaselCLI", "EngineAPI", "Imaging", "RenderSettings", "TUI", "TestSupport"]),
    ]
)

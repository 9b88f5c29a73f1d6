// swift-tools-version:5.10
import PackageDescription

// Module map (dependencies point one way, top to bottom):
//   C shims      CBLAS, CNCursesW, CChafa, CPNG          (modulemap + shim.h only)
//   C kernels    CKernels (bf16 GEMM via AVX-512 BF16, CPU detection; used by Tensor)
//   engine       Tensor → SafeTensors → Models → Diffusion;  Sampling;  Tokenizer;  PromptSyntax
//   prompt       RenderSettings → PromptKit                 (knows nothing of the engine)
//   imaging      Imaging (PNG + text chunks) → TermImage    (cells / sixel)
//   terminal     TUICore (state, actions, keymap; no curses) → TUI (curses drawing, event loop)
//   apps         easel, easel-bench
let package = Package(
    name: "Easel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "easel", targets: ["easel"]),
        .executable(name: "easel-bench", targets: ["easel-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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

        // MARK: C kernels
        // -O3 in every configuration: the intrinsics kernels are unusably slow at -O0.
        .target(name: "CKernels", path: "Sources/CKernels", cSettings: [.unsafeFlags(["-O3"])]),

        // MARK: engine
        .target(name: "Tensor", dependencies: ["CBLAS", "CKernels"],
                swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "SafeTensors", dependencies: ["Tensor"],
                swiftSettings: [.unsafeFlags(["-O"])]),  // fp16 widening is ~300× slower unoptimised
        .target(name: "Tokenizer", dependencies: ["PromptSyntax"]),
        .target(name: "PromptSyntax"),
        .target(name: "Models", dependencies: ["Tensor", "SafeTensors", "Catalog"],
                swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "Sampling"),
        .target(name: "Diffusion",
                dependencies: ["Tensor", "SafeTensors", "Models", "Sampling", "Tokenizer", "PromptSyntax", "Imaging", "RenderSettings"]),

        // MARK: vocabulary and the engine seam
        .target(name: "Catalog"),
        .target(name: "EngineAPI", dependencies: ["Catalog", "RenderSettings", "Imaging"]),

        // MARK: prompt
        .target(name: "RenderSettings"),
        .target(name: "PromptKit", dependencies: ["RenderSettings", "PromptSyntax", "Tokenizer"]),

        // MARK: imaging
        .target(name: "Imaging", dependencies: ["CPNG"]),
        .target(name: "TermImage", dependencies: ["CChafa", "Imaging"]),

        // MARK: terminal
        .target(name: "TUICore", dependencies: ["PromptKit", "RenderSettings", "EngineAPI"]),
        .target(name: "TUI", dependencies: ["TUICore", "EngineAPI", "CNCursesW", "TermImage", "Diffusion", "Imaging", "Tokenizer"]),

        // MARK: apps
        .executableTarget(name: "easel", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            "PromptKit", "PromptSyntax", "Tokenizer", "RenderSettings",
            "Diffusion", "Imaging", "TUI", "TUICore", "Tensor", "EngineAPI",
        ]),
        .executableTarget(name: "easel-bench", dependencies: ["Tensor", "SafeTensors", "Models", "Diffusion"],
                          swiftSettings: [.unsafeFlags(["-Ounchecked"])]),

        // MARK: tests
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "TestSupport"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["SafeTensors", "TestSupport"]),
        .testTarget(name: "TokenizerTests", dependencies: ["Tokenizer", "TestSupport"]),
        .testTarget(name: "PromptSyntaxTests", dependencies: ["PromptSyntax", "TestSupport"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Catalog", "SafeTensors", "Tokenizer", "PromptSyntax", "TestSupport"]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling", "SafeTensors", "TestSupport"]),
        .testTarget(name: "DiffusionTests", dependencies: ["Diffusion", "Imaging", "TestSupport"]),
        .testTarget(name: "DemoModelTests", dependencies: ["Diffusion", "Imaging", "TestSupport"]),
        .testTarget(name: "RenderSettingsTests", dependencies: ["RenderSettings", "TestSupport"]),
        .testTarget(name: "PromptKitTests", dependencies: ["PromptKit", "TestSupport"]),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "SafeTensors", "TestSupport"]),
        .testTarget(name: "TermImageTests", dependencies: ["TermImage", "TestSupport"]),
        .testTarget(name: "TUICoreTests", dependencies: ["TUICore", "EngineAPI", "TestSupport"]),
        .testTarget(name: "EaselCLITests", dependencies: ["TestSupport", "Imaging", "RenderSettings"]),
    ]
)

/// img2img and inpainting as an edit of a txt2img graph, on any template with an empty
/// latent (`EmptyLatentImage`, or FLUX's `EmptySD3LatentImage`): the init image, already in the
/// server's input folder, replaces it through `LoadImage` → `VAEEncode` (ComfyUI `nodes.py`;
/// the VAE is the one the graph's `VAEDecode` uses: a checkpoint loader's output 2 or a
/// `VAELoader`). `VAEEncode` takes the posterior's mean (`comfy/ldm/models/autoencoder.py`,
/// `DiagonalGaussianRegularizer(sample=False)`). The samplers that read the latent get
/// `denoise` = the strength.
///
/// With a mask (A1111's, white = repaint, blurred here before the upload):
/// `LoadImageMask` (channel red, 1 = white) → `SetLatentNoiseMask`, whose mask is 1 where the
/// sampler repaints (`comfy/samplers.py`, `KSamplerX0Inpaint`: `x·mask + latent·(1 − mask)`);
/// then A1111's overlay (`modules/processing.py`, `apply_overlay`): the saved image is the init
/// image with the decode composited through the overlay mask, clip(2·mask) (`nodes_mask.py`,
/// `ImageCompositeMasked`: mask 1 = source).
struct ComfyInitImageEdit {
    static let emptyLatents = ["EmptyLatentImage", "EmptySD3LatentImage"]

    /// File names in the server's input folder (`/upload/image` answers).
    var image: String
    var mask: String?
    var overlayMask: String?
    var denoise: Double

    func applied(to graph: ComfyGraph) throws -> ComfyGraph {
        var graph = graph
        let empties = graph.ids(ofAny: Self.emptyLatents)
        guard empties.count == 1, let empty = empties.first else {
            throw RemoteEngineError.settings(
                "graph template '\(graph.name)': an init image needs one EmptyLatentImage node to replace, it has \(empties.count)")
        }
        guard let decoder = graph.ids(of: "VAEDecode").first, let vae = graph.link(decoder, "vae") else {
            throw RemoteEngineError.settings("graph template '\(graph.name)': an init image needs a VAEDecode node whose vae is a link")
        }
        let load = graph.add("LoadImage", ["image": .string(image)])
        let encode = graph.add("VAEEncode", ["pixels": ComfyGraph.Output(load, 0).json, "vae": vae.json])
        var latent = ComfyGraph.Output(encode, 0)
        if let mask {
            let loadMask = graph.add("LoadImageMask", ["image": .string(mask), "channel": .string("red")])
            latent = ComfyGraph.Output(graph.add("SetLatentNoiseMask", ["samples": latent.json,
                                                                          "mask": ComfyGraph.Output(loadMask, 0).json]), 0)
        }
        let samplers = graph.relink(ComfyGraph.Output(empty, 0), to: latent)
        graph.remove(empty)
        for sampler in samplers where graph.input(sampler, "denoise") != nil {
            graph.setInput(sampler, "denoise", .number(denoise))
        }
        if let overlayMask { try overlay(&graph, original: ComfyGraph.Output(load, 0), mask: overlayMask) }
        return graph
    }

    /// Every `SaveImage` saves the init image with the decode composited through the mask.
    private func overlay(_ graph: inout ComfyGraph, original: ComfyGraph.Output, mask: String) throws {
        let loadMask = graph.add("LoadImageMask", ["image": .string(mask), "channel": .string("red")])
        for save in graph.ids(of: "SaveImage") {
            guard let decoded = graph.link(save, "images") else { continue }
            let composite = graph.add("ImageCompositeMasked", [
                "destination": original.json, "source": decoded.json, "x": .integer(0), "y": .integer(0),
                "resize_source": .bool(false), "mask": ComfyGraph.Output(loadMask, 0).json,
            ])
            graph.setInput(save, "images", ComfyGraph.Output(composite, 0).json)
        }
    }
}

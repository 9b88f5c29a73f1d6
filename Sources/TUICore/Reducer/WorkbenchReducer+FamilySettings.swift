import PromptKit
import RenderSettings

/// The settings a family switch offers: the family's CFG, steps, size, sampler and clip skip,
/// fitted to the model's own advice (the demo model's 64 px and 30 steps at most).
public struct RenderSettingsOffer: Equatable, Sendable {
    public var family: ModelFamily
    public var settings: RenderSettings

    public init(family: ModelFamily, settings: RenderSettings) {
        self.family = family
        self.settings = settings
    }
}

extension WorkbenchReducer {
    /// Switches the family (one undo step) and asks whether to take its settings too.
    func switchFamily(_ state: inout AppState, to family: ModelFamily) -> Reaction {
        let wasRaw = state.document.raw != nil
        var reaction = change(&state, kind: nil) { doc in
            Self.leaveRawMode(&doc, family: family)
            doc.grid.family = family
        }
        if wasRaw {
            state.status = .info("The raw prompt is now grid text in the \(family.rawValue) dialect (Ctrl-Z goes back)")
            reaction.redraw.insert(.status)
        }
        if let offer = offerFamilySettings(&state, family) { reaction.merge(offer) }
        return reaction
    }

    func offerFamilySettings(_ state: inout AppState, _ family: ModelFamily) -> Reaction? {
        let current = state.document.settings
        let profile = family.profile
        var proposed = current
        if let cfg = profile.recommendedCFG { proposed.cfgScale = cfg }
        if let steps = profile.defaultSteps { proposed.steps = steps }
        if profile.maxSide != nil {
            proposed.width = profile.defaultWidth
            proposed.height = profile.defaultHeight
        }
        if let sampler = profile.defaultSampler { proposed.sampler = sampler }
        proposed.clipSkip = profile.clipSkipRealistic
        if let advice = state.currentModelAdvice,
           let fit = advice.fitted(width: proposed.width, height: proposed.height, steps: proposed.steps) {
            (proposed.width, proposed.height, proposed.steps) = fit
        }
        var changes: [String] = []
        func note(_ label: String, _ old: String, _ new: String) { if old != new { changes.append("\(label) \(old) → \(new)") } }
        note("CFG", ParameterFormat.number(current.cfgScale), ParameterFormat.number(proposed.cfgScale))
        note("steps", "\(current.steps)", "\(proposed.steps)")
        note("size", "\(current.width)×\(current.height)", "\(proposed.width)×\(proposed.height)")
        note("sampler", current.sampler.displayName, proposed.sampler.displayName)
        note("clip skip", "\(current.clipSkip)", "\(proposed.clipSkip)")
        guard !changes.isEmpty else { return nil }
        let question = "Use \(profile.name)'s settings? " + changes.joined(separator: ", ")
        state.overlays.append(.confirm(Confirmation(question: question,
            purpose: .familySettings(RenderSettingsOffer(family: family, settings: proposed)))))
        return Reaction(redraw: [.overlay])
    }

    /// Yes to the offer: part of the family switch's undo step.
    func applyFamilySettings(_ state: inout AppState, _ offer: RenderSettingsOffer) -> Reaction {
        let s = offer.settings
        let reaction = amendLastChange(&state) { doc in
            doc.settings.cfgScale = s.cfgScale
            doc.settings.steps = s.steps
            doc.settings.width = s.width
            doc.settings.height = s.height
            doc.settings.sampler = s.sampler
            doc.settings.clipSkip = s.clipSkip
        }
        state.status = .success("\(offer.family.profile.name)'s settings applied (Ctrl-Z undoes the switch)")
        return reaction
    }
}

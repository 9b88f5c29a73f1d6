import Foundation
import Imaging
import PromptKit
import RenderHistory
import RenderSettings

/// `easel generate`'s renders kept in the render history (unless `--no-history`): the prompt as
/// written (no grid), the settings as recorded in the PNG. A history problem is a note on
/// stderr; the PNG the user asked for is already written.
enum GenerateHistory {
    static func record(_ image: RGBImage, settings: RenderSettings, engine: String?) {
        do {
            let store = try HistoryStore.standard()
            let preset = Preset(name: "", grid: PromptGrid(), settings: settings)
            let added = try store.add(image, settings: settings, preset: preset,
                                      raw: RawPrompt(prompt: settings.prompt, negative: settings.negativePrompt), engine: engine)
            for note in added?.notes ?? [] { printError("easel: \(note)") }
        } catch {
            printError("easel: history: \(error)")
        }
    }
}

import ArgumentParser
import PromptKit

/// `easel presets list`: one line per preset; a broken file is listed with its error.
struct PresetsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List built-in and saved presets (a broken file is shown with its error)."
    )

    func run() throws {
        let listings = PresetStore.standard.list()
        let width = max(listings.map(\.name.count).max() ?? 0, 4)
        for listing in listings {
            let name = listing.name.padding(toLength: width, withPad: " ", startingAt: 0)
            switch listing.preset {
            case .success(let preset):
                let source = listing.source.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let dialect = preset.dialect.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                printText("\(name)  \(dialect)  \(source)  \(preset.description)".trimmingTrailingSpaces)
            case .failure(let error):
                printText("\(name)  \("-".padding(toLength: 10, withPad: " ", startingAt: 0))  broken    \(error)")
            }
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}

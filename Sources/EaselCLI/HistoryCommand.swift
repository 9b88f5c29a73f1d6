import ArgumentParser
import Foundation
import PromptKit
import RenderHistory
import RenderSettings

/// `easel history list | show N | restore N --to NAME`: the render history
/// (`$XDG_DATA_HOME/easel/history`), entry 1 being the newest.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List, show and restore past renders (the workbench's and easel generate's).",
        discussion: """
        Every finished render is kept in $XDG_DATA_HOME/easel/history (default ~/.local/share/easel/history): \
        the PNG with its A1111 parameters, a thumbnail and its grid and settings. The oldest are deleted past \
        the bounds in $XDG_CONFIG_HOME/easel/config.json: {"history": {"max-mb": 512, "max-entries": 1000}}.
        """,
        subcommands: [HistoryListCommand.self, HistoryShowCommand.self, HistoryRestoreCommand.self]
    )

    /// Runs `body`; an error is one line `easel: …` and exit status 1.
    static func reporting(_ body: () throws -> Void) throws {
        do { try body() } catch let error as ExitCode { throw error } catch { CommandLineIO.fail(error) }
    }

    /// The store, with the notes of anything skipped printed to stderr.
    static func listing() throws -> (HistoryStore, HistoryStore.Listing) {
        let store = try HistoryStore.standard()
        let listing = store.list()
        for note in listing.notes { printError("easel: \(note)") }
        return (store, listing)
    }
}

struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per render, newest first: number, date, seed, size, prompt.")

    func run() throws { try HistoryCommand.reporting(list) }

    private func list() throws {
        let (store, listing) = try HistoryCommand.listing()
        if listing.records.isEmpty { printText("(no renders in \(store.folder.path))") }
        for (i, record) in listing.records.enumerated() {
            let s = record.settings
            let prompt = record.prompt.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            printText("\(String(i + 1).leftPadded(4))  \(HistoryShowCommand.dateText(record.date))  seed \(s.seed)  \(s.width)×\(s.height)  \(prompt.prefix(60))")
        }
    }
}

struct HistoryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A render's files, its A1111 parameters and its grid.")

    @Argument(help: "The entry's number in `easel history list` (1 is the newest).")
    var number: Int

    func run() throws { try HistoryCommand.reporting(show) }

    private func show() throws {
        let (store, _) = try HistoryCommand.listing()
        let record = try store.record(number: number)
        printText("date: \(Self.dateText(record.date))")
        printText("image: \(store.imageURL(record.id).path)")
        printText("dialect: \(record.preset.dialect.rawValue)")
        if let model = record.preset.modelPath { printText("model: \(model)") }
        if let engine = record.engine { printText("engine: \(engine)") }
        printText("parameters:")
        for line in Infotext.format(record.settings).split(separator: "\n", omittingEmptySubsequences: false) { printText("  \(line)") }
        let rows = record.preset.grid.filledRows
        if !rows.isEmpty { printText("grid:") }
        for (field, row) in rows {
            printText("  \(field.label.padding(toLength: 15, withPad: " ", startingAt: 0))\(row.value)\(row.qualifier.isEmpty ? "" : " | \(row.qualifier)")")
        }
    }

    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}

struct HistoryRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Save a render's grid and settings as a preset (load it in the workbench with --preset NAME).",
        discussion: "A prompt written as-is (easel generate's, a PNG's) becomes the preset's extra tags, which its dialect renders with the dialect's quality tags."
    )

    @Argument(help: "The entry's number in `easel history list` (1 is the newest).")
    var number: Int
    @Option(help: "The preset to save it as.")
    var to: String
    @Flag(help: "Replace a preset of that name.")
    var force = false

    func run() throws { try HistoryCommand.reporting(restore) }

    private func restore() throws {
        try CommandLineText.checkArgumentsAreUTF8()
        let (store, _) = try HistoryCommand.listing()
        let record = try store.record(number: number)
        var preset = record.preset
        preset.name = to
        preset.description = "render of \(HistoryShowCommand.dateText(record.date)), seed \(record.settings.seed)"
        // A prompt written as-is (generate's, a PNG's) has no grid rows: it becomes extra tags.
        if let raw = record.rawPrompt, !raw.isEmpty { preset.grid.extraTags.insert(raw, at: 0) }
        if let negative = record.rawNegative, !negative.isEmpty {
            preset.grid.negative = [negative, preset.grid.negative].filter { !$0.isEmpty }.joined(separator: ", ")
        }
        try PresetStore.standard.save(preset, force: force)
        printText("saved preset “\(to)”")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

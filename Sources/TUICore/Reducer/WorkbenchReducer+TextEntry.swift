extension WorkbenchReducer {
    /// Text typed into the prompt on top: it replaces a pre-filled value, else is inserted.
    func typeIntoEntry(_ state: inout AppState, _ entry: TextEntry, _ text: String) -> Reaction {
        var entry = entry
        if entry.prefilled { entry.field = TextField("") }
        entry.prefilled = false
        entry.field.insert(text)
        return updateEntry(&state, entry)
    }

    /// A cursor or deletion key in a prompt. On a pre-filled value a deletion clears it and a
    /// cursor key keeps it for editing.
    func editEntry(_ state: inout AppState, _ entry: TextEntry, _ command: Command,
                   _ textEdit: (inout TextField) -> Void) -> Reaction {
        var entry = entry
        let deletes: Set<Command> = [.deleteBackward, .deleteForward, .deleteWordBackward, .deleteWordForward,
                                     .deleteToEnd, .deleteToStart]
        if entry.prefilled && deletes.contains(command) {
            entry.field = TextField("")
        } else {
            textEdit(&entry.field)
        }
        entry.prefilled = false
        return updateEntry(&state, entry)
    }

    /// Stores the edited prompt; a path prompt whose folder changed asks for its listing.
    func updateEntry(_ state: inout AppState, _ entry: TextEntry) -> Reaction {
        state.overlays[state.overlays.count - 1] = .textEntry(entry)
        var reaction = Reaction(redraw: [.overlay])
        if entry.isPath {
            let folder = PathCompletion.folderPart(entry.field.text)
            if entry.listing?.folder != folder { reaction.effects.append(.listFolder(folder)) }
        }
        return reaction
    }

    /// Tab in a path prompt: the longest completion the folder's entries allow.
    func completeEntry(_ state: inout AppState, _ entry: TextEntry) -> Reaction {
        guard entry.isPath else { return .none }
        guard let listing = entry.listing, listing.folder == PathCompletion.folderPart(entry.field.text) else {
            return Reaction(effects: [.listFolder(PathCompletion.folderPart(entry.field.text))])
        }
        let candidates = PathCompletion.matches(entry.field.text, in: listing, fileTypes: entry.fileTypes)
        guard let completed = PathCompletion.complete(entry.field.text, candidates: candidates) else {
            state.status = .warning("No file or folder here starts with “\(PathCompletion.namePart(entry.field.text))”")
            return Reaction(redraw: [.status])
        }
        var entry = entry
        entry.field = TextField(completed)
        entry.prefilled = false
        return updateEntry(&state, entry)
    }

    /// The TUI read a folder for a path prompt.
    func folderListed(_ state: inout AppState, _ listing: FolderListing) -> Reaction {
        guard case .textEntry(var entry) = state.topOverlay, entry.isPath else { return .none }
        entry.listing = listing
        state.overlays[state.overlays.count - 1] = .textEntry(entry)
        return Reaction(redraw: [.overlay])
    }
}

/// File name completion for path prompts, as a shell does it: the typed text splits into a
/// folder part (up to the last "/") and a name part; entries of the folder that start with the
/// name part are the candidates; Tab extends the text to their longest common prefix.
public enum PathCompletion {
    public static func folderPart(_ text: String) -> String {
        guard let slash = text.lastIndex(of: "/") else { return "" }
        return String(text[...slash])
    }

    public static func namePart(_ text: String) -> String {
        guard let slash = text.lastIndex(of: "/") else { return text }
        return String(text[text.index(after: slash)...])
    }

    /// Entries that start with the typed name: folders, and files with one of `fileTypes`
    /// (all files when it is empty). Hidden entries only when the name starts with ".".
    public static func matches(_ text: String, in listing: FolderListing, fileTypes: [String]) -> [String] {
        let name = namePart(text)
        return listing.entries.filter { entry in
            guard entry.hasPrefix(name), name.hasPrefix(".") || !entry.hasPrefix(".") else { return false }
            return entry.hasSuffix("/") || fileTypes.isEmpty || fileTypes.contains { entry.lowercased().hasSuffix($0) }
        }
    }

    /// The text completed as far as the candidates agree; nil when there are none.
    public static func complete(_ text: String, candidates: [String]) -> String? {
        guard var prefix = candidates.first else { return nil }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return folderPart(text) + prefix
    }
}

extension Keymap {
    /// Easel's key table.
    public static let standard = Keymap(bindings: globalBindings + mainBindings + gridBindings
        + vimBindings + editingBindings + parameterBindings + promptViewBindings + listBindings + presetBindings + historyBindings
        + adapterBindings + dialogBindings)

    private static let globalBindings: [KeyBinding] = [
        KeyBinding([.ctrl("q"), .ctrl("c")], .quit, .global, "quit Easel (restores the terminal)", hint: "quit"),
        KeyBinding([.f(1)], .showHelp, .global, "show or hide this help", hint: "help"),
        KeyBinding([.ctrl("z")], .undo, .global, "undo the last change"),
        KeyBinding([.ctrl("y")], .redo, .global, "redo"),
        KeyBinding([.ctrl("s")], .saveImage, .global, "save the image as PNG with its parameters", hint: "save"),
        KeyBinding([.f(5)], .renderNow, .global, "render now"),
    ]

    /// The workbench's commands, on keys that cannot be text, so they work while a grid field is
    /// being typed into as well.
    private static let mainBindings: [KeyBinding] = [
        KeyBinding([.tab], .focusNext, .main, "next pane", hint: "next pane"),
        KeyBinding([.backTab], .focusPrevious, .main, "previous pane"),
        KeyBinding([.ctrl("r")], .redo, .main, "redo"),
        KeyBinding([.ctrl("p"), .f(2)], .showPresets, .main, "preset browser (presets and A1111 styles)", hint: "presets"),
        KeyBinding([.f(10), .alt("l")], .showAdapters, .main, "LoRA and embedding browser (the library folders)", hint: "LoRAs"),
        KeyBinding([.ctrl("o"), .f(3)], .openImage, .main, "load an A1111 or ComfyUI PNG"),
        KeyBinding([.ctrl("t"), .f(11)], .showHistory, .main, "render history: every finished render, to restore or save"),
        KeyBinding([.f(4)], .nextDialect, .main, "next model family / dialect", hint: "family"),
        KeyBinding([Key(.function(4), .shift)], .correctFamily, .main, "correct the loaded model's family (a server's model is guessed from its name)"),
        KeyBinding([.ctrl("g"), .alt("e")], .showEngines, .main, "engine picker: local or a server from the engines settings file", hint: "engine"),
        KeyBinding([.f(6)], .copyPrompt, .main, "copy the prompt to the clipboard (OSC 52)"),
        KeyBinding([.ctrl("x"), .f(8)], .cancelRender, .main, "stop the current render"),
        KeyBinding([.f(9)], .toggleVimKeys, .main, "vim-style keys on or off (also --keys vim)"),
        KeyBinding([.f(7)], .pickInitImage, .main, "pick an init image (img2img; Tab completes the path)", hint: "init image"),
        KeyBinding([.ctrl("n")], .useResultAsInit, .main, "use this result as the init image (refine it)", hint: "refine"),
        KeyBinding([Key(.function(7), .shift)], .clearInitImage, .main, "drop the init image (back to txt2img)"),
        KeyBinding([.f(12), .alt("x")], .showComparison, .main, "compare: X/Y plot of one or two parameters (cfg=4,7,10 · seed=1,2)", hint: "compare"),
    ]

    /// The grid when no field is being edited: any printable key starts typing into the
    /// selected field (`WorkbenchReducer.handleKey`), so only keys that cannot be text live here.
    private static let gridBindings: [KeyBinding] = [
        KeyBinding([.up], .moveUp, .grid, "previous row", hint: "rows", hintKeys: "↑↓"),
        KeyBinding([.down], .moveDown, .grid, "next row"),
        KeyBinding([.left], .moveLeft, .grid, "value column"),
        KeyBinding([.right], .moveRight, .grid, "qualifier column"),
        KeyBinding([.home], .moveFirst, .grid, "first row"),
        KeyBinding([.end], .moveLast, .grid, "last row"),
        KeyBinding([.enter], .startEditing, .grid, "edit the field (or just start typing)"),
        KeyBinding([.backspace], .deleteBackward, .grid, "delete the field's last character"),
        KeyBinding([.delete], .clearField, .grid, "clear the field"),
        KeyBinding([Key(.up, .control), Key(.up, .alt)], .raiseWeight, .grid, "raise the row's weight by 0.1 (A1111's Ctrl-↑)", hint: "weight", hintKeys: "Ctrl-↑↓"),
        KeyBinding([Key(.down, .control), Key(.down, .alt)], .lowerWeight, .grid, "lower the row's weight by 0.1"),
    ]

    /// Vim-style keys (F9 or `--keys vim`): letters move and run commands on the grid, and a
    /// field is typed into only after Enter, `i`, `a` or `e`.
    private static let vimBindings: [KeyBinding] = [
        KeyBinding([.char("k")], .moveUp, .vim, "previous row / parameter"),
        KeyBinding([.char("j")], .moveDown, .vim, "next row / parameter"),
        KeyBinding([.char("h")], .moveLeft, .vim, "value column"),
        KeyBinding([.char("l")], .moveRight, .vim, "qualifier column"),
        KeyBinding([.char("g")], .moveFirst, .vim, "first row"),
        KeyBinding([.char("G")], .moveLast, .vim, "last row"),
        KeyBinding([.char("i"), .char("a"), .char("e")], .startEditing, .vim, "edit the field", hint: "edit"),
        KeyBinding([.char("x")], .clearField, .vim, "clear the field"),
        KeyBinding([.char("q")], .quit, .vim, "quit", hint: "quit"),
        KeyBinding([.char("?")], .showHelp, .vim, "help"),
        KeyBinding([.char("u")], .undo, .vim, "undo"),
        KeyBinding([.char("s")], .saveImage, .vim, "save image"),
        KeyBinding([.char("y")], .copyPrompt, .vim, "copy the prompt"),
        KeyBinding([.char("o")], .openImage, .vim, "load a PNG"),
        KeyBinding([.char("p")], .showPresets, .vim, "preset browser", hint: "presets"),
        KeyBinding([.char("d")], .nextDialect, .vim, "next model family"),
        KeyBinding([.char("b")], .pickInitImage, .vim, "pick an init image"),
        KeyBinding([.char("n")], .useResultAsInit, .vim, "use this result as the init image"),
        KeyBinding([.char("B")], .clearInitImage, .vim, "drop the init image"),
        KeyBinding([.char("+")], .raiseWeight, .vim, "raise the row's weight"),
        KeyBinding([.char("-")], .lowerWeight, .vim, "lower the row's weight"),
    ]

    private static let editingBindings: [KeyBinding] = [
        KeyBinding([.enter, .escape], .finishEditing, .editing, "done editing", hint: "done"),
        KeyBinding([.tab], .editNextField, .editing, "edit the next field", hint: "next field"),
        KeyBinding([.backTab], .editPreviousField, .editing, "edit the previous field"),
        KeyBinding([.up], .editRowUp, .editing, "edit the row above"),
        KeyBinding([.down], .editRowDown, .editing, "edit the row below"),
        KeyBinding([Key(.up, .control), Key(.up, .alt)], .raiseWeight, .editing, "raise the row's weight by 0.1", hint: "weight", hintKeys: "Ctrl-↑↓"),
        KeyBinding([Key(.down, .control), Key(.down, .alt)], .lowerWeight, .editing, "lower the row's weight by 0.1"),
    ] + textBindings(.editing)

    /// Cursor and deletion keys shared by grid fields and one-line prompts (readline's keys).
    private static func textBindings(_ context: KeyContext) -> [KeyBinding] {
        [
            KeyBinding([.left, .ctrl("b")], .cursorLeft, context, "cursor left"),
            KeyBinding([.right, .ctrl("f")], .cursorRight, context, "cursor right"),
            KeyBinding([Key(.left, .control), Key(.left, .alt), .alt("b")], .wordLeft, context, "word left"),
            KeyBinding([Key(.right, .control), Key(.right, .alt), .alt("f")], .wordRight, context, "word right"),
            KeyBinding([.home, .ctrl("a")], .lineStart, context, "start of line"),
            KeyBinding([.end, .ctrl("e")], .lineEnd, context, "end of line"),
            KeyBinding([.backspace, .ctrl("h")], .deleteBackward, context, "delete before the cursor"),
            KeyBinding([.delete, .ctrl("d")], .deleteForward, context, "delete at the cursor"),
            KeyBinding([.ctrl("w"), Key(.backspace, .alt)], .deleteWordBackward, context,
                       "delete the word before the cursor", hint: "delete word"),
            KeyBinding([.alt("d"), Key(.delete, .control)], .deleteWordForward, context, "delete the next word"),
            KeyBinding([.ctrl("k")], .deleteToEnd, context, "delete to the end of the line"),
            KeyBinding([.ctrl("u")], .deleteToStart, context, "delete to the start of the line"),
        ]
    }

    private static let parameterBindings: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .moveUp, .parameters, "previous parameter"),
        KeyBinding([.down, .char("j")], .moveDown, .parameters, "next parameter"),
        KeyBinding([.left, .char("h"), .char("-")], .decrease, .parameters, "decrease / previous choice", hint: "less"),
        KeyBinding([.right, .char("l"), .char("+"), .char("=")], .increase, .parameters, "increase / next choice", hint: "more"),
        KeyBinding([Key(.left, .shift), .pageDown, .char("H"), .char("_")], .decreaseMore, .parameters,
                   "decrease in big steps", hint: "big steps"),
        KeyBinding([Key(.right, .shift), .pageUp, .char("L")], .increaseMore, .parameters, "increase in big steps"),
        KeyBinding([.enter, .char("e")], .startEditing, .parameters, "pick from a list or type a value", hint: "choose/type"),
        KeyBinding([.char("r")], .randomSeed, .parameters, "new random seed (on Seed or Var. seed)"),
        KeyBinding([.char("c")], .copySeed, .parameters, "on a seed: copy it to the clipboard (OSC 52)", hint: "copy seed"),
        KeyBinding([.char("p")], .reuseSeed, .parameters, "on a seed: the previous render's, locked", hint: "last seed"),
        KeyBinding([.char("f")], .toggleSeedLock, .parameters, "lock the seed / new seed every render"),
        KeyBinding([.home, .char("g")], .moveFirst, .parameters, "first parameter"),
        KeyBinding([.end, .char("G")], .moveLast, .parameters, "last parameter"),
    ]

    private static let promptViewBindings: [KeyBinding] = [
        KeyBinding([.up], .moveUp, .promptView, "scroll up", hint: "scroll", hintKeys: "↑↓"),
        KeyBinding([.down], .moveDown, .promptView, "scroll down"),
        KeyBinding([.pageUp], .pageUp, .promptView, "page up"),
        KeyBinding([.pageDown, .char(" ")], .pageDown, .promptView, "page down"),
        KeyBinding([.home], .moveFirst, .promptView, "top"),
        KeyBinding([.end], .moveLast, .promptView, "bottom"),
    ]

    private static let listBindings: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .moveUp, .picker, "previous item"),
        KeyBinding([.down, .char("j")], .moveDown, .picker, "next item"),
        KeyBinding([.home, .char("g")], .moveFirst, .picker, "first item"),
        KeyBinding([.end, .char("G")], .moveLast, .picker, "last item"),
        KeyBinding([.pageUp], .pageUp, .picker, "page up"),
        KeyBinding([.pageDown], .pageDown, .picker, "page down"),
        KeyBinding([.enter], .confirm, .picker, "choose", hint: "choose"),
        KeyBinding([.escape, .char("q")], .cancel, .picker, "close", hint: "close"),
    ]

    private static let presetBindings: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .moveUp, .presets, "previous preset"),
        KeyBinding([.down, .char("j")], .moveDown, .presets, "next preset"),
        KeyBinding([.home, .char("g")], .moveFirst, .presets, "first preset"),
        KeyBinding([.end, .char("G")], .moveLast, .presets, "last preset"),
        KeyBinding([.enter], .loadPreset, .presets, "load", hint: "load"),
        KeyBinding([.char("s")], .savePreset, .presets, "save over the selected preset", hint: "save"),
        KeyBinding([.char("a")], .savePresetAs, .presets, "save as a new preset", hint: "save as"),
        KeyBinding([.char("r")], .renamePreset, .presets, "rename", hint: "rename"),
        KeyBinding([.char("d"), .delete], .deletePreset, .presets, "delete (asks first)", hint: "delete"),
        KeyBinding([.char("i")], .importStyles, .presets, "import an A1111 styles.csv", hint: "import styles.csv"),
        KeyBinding([.escape, .char("q")], .cancel, .presets, "close", hint: "close"),
    ]

    private static let historyBindings: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .moveUp, .history, "newer render"),
        KeyBinding([.down, .char("j")], .moveDown, .history, "older render"),
        KeyBinding([.pageUp], .pageUp, .history, "page up"),
        KeyBinding([.pageDown], .pageDown, .history, "page down"),
        KeyBinding([.home, .char("g")], .moveFirst, .history, "newest"),
        KeyBinding([.end, .char("G")], .moveLast, .history, "oldest"),
        KeyBinding([.enter], .restoreHistory, .history, "restore its grid and settings (Ctrl-Z undoes)", hint: "restore"),
        KeyBinding([.char("s")], .saveHistoryImage, .history, "save its image to the output folder", hint: "save"),
        KeyBinding([.char("d"), .delete], .deleteHistoryEntry, .history, "delete the entry (asks first)", hint: "delete"),
        KeyBinding([.escape, .char("q"), .ctrl("t"), .f(11)], .cancel, .history, "close", hint: "close"),
    ]

    private static let adapterBindings: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .moveUp, .adapters, "previous LoRA or embedding"),
        KeyBinding([.down, .char("j")], .moveDown, .adapters, "next LoRA or embedding"),
        KeyBinding([.home, .char("g")], .moveFirst, .adapters, "first item"),
        KeyBinding([.end, .char("G")], .moveLast, .adapters, "last item"),
        KeyBinding([.pageUp], .pageUp, .adapters, "page up"),
        KeyBinding([.pageDown], .pageDown, .adapters, "page down"),
        KeyBinding([.enter], .confirm, .adapters, "insert <lora:name:1> (an embedding: its name) into the extra tags", hint: "insert"),
        KeyBinding([.char("n")], .addToNegative, .adapters, "put it in the negative prompt instead (easynegative)", hint: "negative"),
        KeyBinding([.left, .char("h"), .char("-")], .decrease, .adapters, "lower the LoRA's weight in the prompt by 0.1 (no model reload)",
                   hint: "weight", hintKeys: "←→"),
        KeyBinding([.right, .char("l"), .char("+"), .char("=")], .increase, .adapters, "raise the LoRA's weight in the prompt by 0.1"),
        KeyBinding([.delete, .char("d")], .removeTag, .adapters, "take its tag out of the prompt", hint: "remove"),
        KeyBinding([.escape, .char("q"), .f(10), .alt("l")], .cancel, .adapters, "close", hint: "close"),
    ]

    private static let dialogBindings: [KeyBinding] = [
        KeyBinding([.enter], .confirm, .textEntry, "accept", hint: "accept"),
        KeyBinding([.escape], .cancel, .textEntry, "cancel", hint: "cancel"),
        KeyBinding([.tab], .complete, .textEntry, "complete the file name (path prompts)", hint: "complete"),
    ] + textBindings(.textEntry) + [
        KeyBinding([.char("y"), .char("Y"), .enter], .confirm, .confirm, "yes", hint: "yes"),
        KeyBinding([.char("n"), .char("N"), .escape], .cancel, .confirm, "no", hint: "no"),
        KeyBinding([.escape, .char("q"), .char("?")], .closeOverlay, .help, "close help", hint: "close"),
        KeyBinding([.up, .char("k")], .moveUp, .help, "scroll up"),
        KeyBinding([.down, .char("j")], .moveDown, .help, "scroll down"),
        KeyBinding([.pageUp], .pageUp, .help, "page up"),
        KeyBinding([.pageDown, .char(" ")], .pageDown, .help, "page down"),
    ]
}

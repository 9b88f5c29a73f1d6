extension Keymap {
    /// Easel's key table.
    public static let standard = Keymap(bindings: globalBindings + mainBindings + gridBindings
        + editingBindings + parameterBindings + listBindings + presetBindings + dialogBindings)

    private static let globalBindings: [KeyBinding] = [
        KeyBinding([.ctrl("q"), .ctrl("c")], .quit, .global, "quit Easel (restores the terminal)"),
        KeyBinding([.f(1)], .showHelp, .global, "show or hide this help"),
        KeyBinding([.ctrl("z")], .undo, .global, "undo the last change"),
        KeyBinding([.ctrl("y")], .redo, .global, "redo"),
        KeyBinding([.ctrl("s")], .saveImage, .global, "save the image as PNG with its parameters"),
        KeyBinding([.f(5)], .renderNow, .global, "render now"),
    ]

    private static let mainBindings: [KeyBinding] = [
        KeyBinding([.char("q")], .quit, .main, "quit", hint: "quit"),
        KeyBinding([.char("?")], .showHelp, .main, "help", hint: "help"),
        KeyBinding([.tab], .focusNext, .main, "next pane", hint: "next pane"),
        KeyBinding([.backTab], .focusPrevious, .main, "previous pane"),
        KeyBinding([.char("u")], .undo, .main, "undo"),
        KeyBinding([.ctrl("r")], .redo, .main, "redo"),
        KeyBinding([.char("s")], .saveImage, .main, "save image", hint: "save image"),
        KeyBinding([.char("y")], .copyPrompt, .main, "copy the prompt to the clipboard (OSC 52)", hint: "copy prompt"),
        KeyBinding([.char("o")], .openImage, .main, "load parameters from an A1111 PNG"),
        KeyBinding([.char("p")], .showPresets, .main, "preset browser", hint: "presets"),
        KeyBinding([.char("d")], .nextDialect, .main, "next model family / dialect"),
        KeyBinding([.char("x")], .cancelRender, .main, "stop the current render"),
        KeyBinding([.char("b")], .pickInitImage, .main, "pick an init image (img2img; Tab completes the path)", hint: "init image"),
        KeyBinding([.char("n")], .useResultAsInit, .main, "use this result as the init image (refine it)", hint: "refine"),
        KeyBinding([.char("B")], .clearInitImage, .main, "drop the init image (back to txt2img)"),
    ]

    private static let gridBindings: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .moveUp, .grid, "previous row"),
        KeyBinding([.down, .char("j")], .moveDown, .grid, "next row"),
        KeyBinding([.left, .char("h")], .moveLeft, .grid, "value column"),
        KeyBinding([.right, .char("l")], .moveRight, .grid, "qualifier column"),
        KeyBinding([.home, .char("g")], .moveFirst, .grid, "first row"),
        KeyBinding([.end, .char("G")], .moveLast, .grid, "last row"),
        KeyBinding([.enter, .char("e"), .char("i")], .startEditing, .grid, "edit the field", hint: "edit"),
        KeyBinding([.delete, .backspace], .clearField, .grid, "clear the field"),
    ]

    private static let editingBindings: [KeyBinding] = [
        KeyBinding([.enter, .escape], .finishEditing, .editing, "done editing", hint: "done"),
        KeyBinding([.tab], .editNextField, .editing, "edit the next field", hint: "next field"),
        KeyBinding([.backTab], .editPreviousField, .editing, "edit the previous field"),
        KeyBinding([.up], .editRowUp, .editing, "edit the row above"),
        KeyBinding([.down], .editRowDown, .editing, "edit the row below"),
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
        KeyBinding([.char("r")], .randomSeed, .parameters, "new random seed"),
        KeyBinding([.char("f")], .toggleSeedLock, .parameters, "lock the seed / new seed every render"),
        KeyBinding([.home, .char("g")], .moveFirst, .parameters, "first parameter"),
        KeyBinding([.end, .char("G")], .moveLast, .parameters, "last parameter"),
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

    private static let dialogBindings: [KeyBinding] = [
        KeyBinding([.enter], .confirm, .textEntry, "accept", hint: "accept"),
        KeyBinding([.escape], .cancel, .textEntry, "cancel", hint: "cancel"),
        KeyBinding([.tab], .completePath, .textEntry, "complete a file name (file prompts)"),
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

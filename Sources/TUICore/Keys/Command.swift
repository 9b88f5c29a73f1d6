/// Everything a key can ask for. The same command may mean slightly different things in different
/// contexts (`moveDown` moves the grid row, the parameter or the picker selection); the reducer
/// decides from the state which one applies.
public enum Command: String, Hashable, Sendable, CaseIterable {
    // application
    case quit, showHelp, closeOverlay, focusNext, focusPrevious, undo, redo
    case saveImage, copyPrompt, openImage, showPresets, renderNow, cancelRender, nextDialect, toggleVimKeys
    /// A1111's X/Y plot: type one or two axes, render every cell, show and save the sheet.
    case showComparison
    // img2img
    case pickInitImage, useResultAsInit, clearInitImage
    // lists and the grid
    case moveUp, moveDown, moveLeft, moveRight, pageUp, pageDown, moveFirst, moveLast
    case startEditing, clearField, confirm, cancel, raiseWeight, lowerWeight
    /// Tab in a path prompt: complete the file name.
    case complete
    // text editing
    case cursorLeft, cursorRight, wordLeft, wordRight, lineStart, lineEnd
    case deleteBackward, deleteForward, deleteWordBackward, deleteWordForward
    case deleteToEnd, deleteToStart, finishEditing, editNextField, editPreviousField
    case editRowUp, editRowDown
    // parameters
    case decrease, increase, decreaseMore, increaseMore, randomSeed, toggleSeedLock
    /// On a seed row: copy it (OSC 52); take the previous render's.
    case copySeed, reuseSeed
    // presets
    case loadPreset, savePreset, savePresetAs, renamePreset, deletePreset, importStyles
    // the render history
    case showHistory, restoreHistory, saveHistoryImage, deleteHistoryEntry
    // the LoRA and embedding browser
    case showAdapters, addToNegative, removeTag
    // engines
    /// The engine picker: local or a server from the engines settings file.
    case showEngines
    /// Correct the family the engine guessed for the loaded model.
    case correctFamily
}

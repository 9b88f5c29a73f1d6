import SafeFiles

/// A failure to read, decode, encode or write an image, as one line naming the file: the
/// shared `SafeFiles.FileError`, so the atomic writer's refusals need no translation.
public typealias ImageFileError = FileError

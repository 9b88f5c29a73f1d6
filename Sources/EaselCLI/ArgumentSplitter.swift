/// Makes `--name=VALUE` reach ArgumentParser as `--name VALUE` when VALUE starts with a
/// combining character or a joiner (issue 17, item 12: `--prompt=$'\u200dx'`).
///
/// ArgumentParser splits `--name=value` at the Character `=`; a ZERO WIDTH JOINER or a combining
/// mark right after `=` joins it into one grapheme cluster (`=\u{200D}`), so no `=` is found and
/// the whole argument reads as an unknown option. Splitting at the scalar `=` is safe exactly
/// then: the value starts with that mark, never with `-`, so it cannot be read as an option.
enum ArgumentSplitter {
    static func split(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            guard argument.hasPrefix("--"), !argument.contains(Character("=")),
                  let equals = argument.unicodeScalars.firstIndex(of: "=") else { return [argument] }
            let scalars = argument.unicodeScalars
            return [String(scalars[..<equals]), String(scalars[scalars.index(after: equals)...])]
        }
    }
}

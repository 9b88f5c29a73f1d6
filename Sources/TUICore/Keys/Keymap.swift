/// One key binding: the keys, what they do, where, and how the help screen describes it.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: Command
    public var context: KeyContext
    public var description: String
    /// The short text of the one-line hint at the bottom, for the few most useful bindings of a
    /// context; nil when the hint line leaves it out.
    public var hint: String?
    /// How the hint line spells the keys when the first key's label would mislead ("↑↓").
    public var hintKeys: String?

    public init(_ keys: [Key], _ command: Command, _ context: KeyContext, _ description: String,
                hint: String? = nil, hintKeys: String? = nil) {
        self.keys = keys
        self.command = command
        self.context = context
        self.description = description
        self.hint = hint
        self.hintKeys = hintKeys
    }
}

/// The one key table. Key handling (`command(for:in:)`), the help overlay (`helpSections`) and
/// the hint line (`hints(in:)`) all read it, so they cannot disagree.
/// (The idea follows lazygit's binding records and htop's `Action_setBindings`.)
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The command a key means in the active contexts (most specific first), if any.
    public func command(for key: Key, in contexts: [KeyContext]) -> Command? {
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.command
            }
        }
        return nil
    }

    /// The bindings to show in the hint line for the active contexts, most specific first, each
    /// command once.
    public func hints(in contexts: [KeyContext]) -> [KeyBinding] {
        var seen = Set<Command>()
        var out: [KeyBinding] = []
        for context in contexts {
            for binding in bindings where binding.context == context && binding.hint != nil {
                if seen.insert(binding.command).inserted { out.append(binding) }
            }
        }
        return out
    }

    /// The help screen: one section per context, in table order.
    public var helpSections: [(context: KeyContext, bindings: [KeyBinding])] {
        KeyContext.allCases.compactMap { context in
            let list = bindings.filter { $0.context == context }
            return list.isEmpty ? nil : (context, list)
        }
    }

    /// Keys bound twice in one context: a mistake in the table (checked by the tests).
    public var conflicts: [(KeyContext, Key)] {
        var out: [(KeyContext, Key)] = []
        for context in KeyContext.allCases {
            var seen = Set<Key>()
            for binding in bindings where binding.context == context {
                for key in binding.keys where !seen.insert(key).inserted { out.append((context, key)) }
            }
        }
        return out
    }
}

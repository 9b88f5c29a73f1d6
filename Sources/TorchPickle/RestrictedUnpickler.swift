/// Reads a pickle (protocols 2–5) into `PickleValue`s without executing anything: there is no
/// way to call code, only to build plain data, storage references and tensor views. GLOBAL
/// accepts only `AllowedGlobal`'s names, and REDUCE applies only those; any other global, any
/// opcode outside the data subset (INST, OBJ, NEWOBJ, EXT*, …) refuses the whole file.
///
/// Opcode meanings: CPython `Lib/pickletools.py` (the opcode table) and `Lib/pickle.py`
/// `_Unpickler`; the refusal rule: A1111 `modules/safe.py` `RestrictedUnpickler`.
public struct RestrictedUnpickler {
    let bytes: [UInt8]
    let file: String
    var position = 0
    var stack: [PickleValue] = []
    var marks: [Int] = []
    var memo: [Int: PickleValue] = [:]

    public init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// The pickled value.
    public static func load(_ bytes: [UInt8], file: String) throws -> PickleValue {
        var machine = RestrictedUnpickler(bytes: bytes, file: file)
        return try machine.run()
    }

    mutating func run() throws -> PickleValue {
        while true {
            let opcode = try byte()
            if opcode == 0x2e {  // STOP
                guard let top = stack.popLast() else { throw refuse("STOP with an empty stack") }
                return top
            }
            try step(opcode)
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func step(_ opcode: UInt8) throws {
        switch opcode {
        case 0x80: _ = try byte()                                  // PROTO
        case 0x95: _ = try take(8)                                 // FRAME
        case 0x7d: stack.append(.dict([]))                         // EMPTY_DICT
        case 0x5d: stack.append(.list([]))                         // EMPTY_LIST
        case 0x29: stack.append(.tuple([]))                        // EMPTY_TUPLE
        case 0x28: marks.append(stack.count)                       // MARK
        case 0x4e: stack.append(.none)                             // NONE
        case 0x88: stack.append(.bool(true))                       // NEWTRUE
        case 0x89: stack.append(.bool(false))                      // NEWFALSE
        case 0x4b: stack.append(.int(Int(try byte())))             // BININT1
        case 0x4d: stack.append(.int(Int(try littleEndian(2))))    // BININT2
        case 0x4a: stack.append(.int(Int(Int32(truncatingIfNeeded: try littleEndian(4))))) // BININT
        case 0x8a: stack.append(.int(try long(Int(try byte()))))   // LONG1
        case 0x47: stack.append(.float(Double(bitPattern: try bigEndian8()))) // BINFLOAT
        case 0x58: stack.append(.string(try text(Int(try littleEndian(4)))))  // BINUNICODE
        case 0x8c: stack.append(.string(try text(Int(try byte()))))           // SHORT_BINUNICODE
        case 0x8d: stack.append(.string(try text(try count(8))))              // BINUNICODE8
        case 0x43: stack.append(.bytes(try take(Int(try byte()))))            // SHORT_BINBYTES
        case 0x42: stack.append(.bytes(try take(Int(try littleEndian(4)))))   // BINBYTES
        case 0x71: memo[Int(try byte())] = try top()                           // BINPUT
        case 0x72: memo[Int(try littleEndian(4))] = try top()                  // LONG_BINPUT
        case 0x94: memo[memo.count] = try top()                                // MEMOIZE
        case 0x68: stack.append(try recall(Int(try byte())))                   // BINGET
        case 0x6a: stack.append(try recall(Int(try littleEndian(4))))          // LONG_BINGET
        case 0x74: stack.append(.tuple(try popMark()))                         // TUPLE
        case 0x85: stack.append(.tuple(try pop(1)))                            // TUPLE1
        case 0x86: stack.append(.tuple(try pop(2)))                            // TUPLE2
        case 0x87: stack.append(.tuple(try pop(3)))                            // TUPLE3
        case 0x6c: stack.append(.list(try popMark()))                          // LIST
        case 0x64: stack.append(.dict(try pairs(try popMark())))               // DICT
        case 0x61: try extendList(try pop(1))                                  // APPEND
        case 0x65: try extendList(try popMark())                               // APPENDS
        case 0x73: try extendDict(try pairs(try pop(2)))                       // SETITEM
        case 0x75: try extendDict(try pairs(try popMark()))                    // SETITEMS
        case 0x63: try global(module: try line(), name: try line())            // GLOBAL
        case 0x93:                                                             // STACK_GLOBAL
            let parts = try pop(2)
            guard case let .string(module) = parts[0], case let .string(name) = parts[1] else {
                throw refuse("STACK_GLOBAL without two strings")
            }
            try global(module: module, name: name)
        case 0x51: stack.append(try persistentLoad(try pop(1)[0]))             // BINPERSID
        case 0x52:                                                             // REDUCE
            let parts = try pop(2)
            stack.append(try TorchRebuild.apply(parts[0], arguments: parts[1], file: file))
        case 0x62:                                                             // BUILD
            // Only OrderedDict()'s empty state (None or {}) is accepted; any other state
            // would set attributes of an object, which this reader never creates.
            let state = try pop(1)[0]
            guard state == .none || state == .dict([]) else { throw refuse("BUILD with a non-empty state") }
        default:
            throw refuse("pickle opcode 0x\(String(opcode, radix: 16)) is not allowed")
        }
    }

    private mutating func global(module: String, name: String) throws {
        guard let allowed = AllowedGlobal.named(module: module, name: name) else {
            throw refuse("global '\(module).\(name)' is not allowed (only tensor data is read; nothing was executed)")
        }
        stack.append(allowed)
    }

    /// `('storage', StorageType, key, location, count)`, torch's `persistent_id` for storages.
    private func persistentLoad(_ id: PickleValue) throws -> PickleValue {
        guard case let .tuple(parts) = id, parts.count == 5, parts[0] == .string("storage"),
              case let .storageType(type) = parts[1], case let .string(key) = parts[2],
              case let .int(count) = parts[4], count >= 0 else {
            throw refuse("persistent id is not a torch storage record")
        }
        return .storage(TorchStorageReference(type: type, key: key, count: count))
    }

    private mutating func extendList(_ items: [PickleValue]) throws {
        guard case let .list(list) = stack.popLast() ?? .none else { throw refuse("APPEND onto a non-list") }
        stack.append(.list(list + items))
    }

    private mutating func extendDict(_ items: [(key: PickleValue, value: PickleValue)]) throws {
        guard case let .dict(dict) = stack.popLast() ?? .none else { throw refuse("SETITEM onto a non-dict") }
        stack.append(.dict(dict + items))
    }

    private func pairs(_ flat: [PickleValue]) throws -> [(key: PickleValue, value: PickleValue)] {
        guard flat.count % 2 == 0 else { throw refuse("odd number of dict items") }
        return stride(from: 0, to: flat.count, by: 2).map { (flat[$0], flat[$0 + 1]) }
    }

    private func top() throws -> PickleValue {
        guard let value = stack.last else { throw refuse("memo store with an empty stack") }
        return value
    }

    private func recall(_ index: Int) throws -> PickleValue {
        guard let value = memo[index] else { throw refuse("memo \(index) read before it was written") }
        return value
    }

    private mutating func pop(_ n: Int) throws -> [PickleValue] {
        guard stack.count - n >= (marks.last ?? 0) else { throw refuse("stack underflow") }
        let items = Array(stack.suffix(n))
        stack.removeLast(n)
        return items
    }

    private mutating func popMark() throws -> [PickleValue] {
        guard let mark = marks.popLast(), mark <= stack.count else { throw refuse("no MARK") }
        let items = Array(stack[mark...])
        stack.removeSubrange(mark...)
        return items
    }

    func refuse(_ reason: String) -> PickleError { PickleError(file: file, reason: reason) }
}

import Foundation

/// A thread-safe set of addresses (the buffers `TensorStorage` mapped itself).
final class AddressSet: @unchecked Sendable {
    private let lock = NSLock()
    private var addresses = Set<UInt>()

    func insert(_ address: UnsafeMutableRawPointer) {
        lock.lock(); defer { lock.unlock() }
        addresses.insert(UInt(bitPattern: address))
    }

    /// Removes `address`; true if it was there.
    func remove(_ address: UnsafeMutableRawPointer) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return addresses.remove(UInt(bitPattern: address)) != nil
    }
}

import Dispatch
import Foundation

/// Turns Ctrl-C (SIGINT) into a callback while a render runs, instead of killing the process,
/// so the job stops within one step and no partial file is left. `release()` restores the
/// default behaviour.
final class InterruptTrap {
    private let source: DispatchSourceSignal

    init(_ onInterrupt: @escaping () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        source.setEventHandler(handler: onInterrupt)
        source.resume()
    }

    func release() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

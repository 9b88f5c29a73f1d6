import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import WebSocketKit

/// ComfyUI's `/ws?clientId=ID` event stream, through vapor/websocket-kit (Foundation's
/// websocket task is not available with this toolchain's libcurl). Frames arrive on NIO's
/// threads and wait in an inbox for the job's thread, which reads them with `next(timeout:)`.
final class ComfyWebSocket: @unchecked Sendable {
    enum Frame {
        case message(ComfyAPI.Message)
        case preview(ComfyPreviewFrame)
        case closed
    }

    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private var frames: [Frame] = []
    private var socket: WebSocket?

    /// Connects and, first of all, asks for previews with metadata (binary event 4).
    static func connect(base: URL, clientID: String, credentials: BasicCredentials?, timeout: Double) throws -> ComfyWebSocket {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        components.scheme = components.scheme == "https" ? "wss" : "ws"
        components.path = (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path) + "/ws"
        components.queryItems = [URLQueryItem(name: "clientId", value: clientID)]
        let address = components.url!.absoluteString
        var headers = HTTPHeaders()
        if let credentials { headers.add(name: "Authorization", value: credentials.header) }
        let stream = ComfyWebSocket()
        let configuration = WebSocketClient.Configuration(maxFrameSize: 1 << 26)
        let connected = WebSocket.connect(to: address, headers: headers, configuration: configuration,
                                          on: MultiThreadedEventLoopGroup.singleton) { socket in
            stream.attach(socket)
        }
        let done = DispatchSemaphore(value: 0)
        let outcome = LockedResult()
        connected.whenComplete { outcome.set($0); done.signal() }
        guard done.wait(timeout: .now() + timeout) == .success else {
            throw RemoteEngineError.timeout(url: address, seconds: timeout)
        }
        if case .failure(let error) = outcome.get() {
            throw RemoteEngineError.unreachable(url: address, reason: "websocket: \(error)")
        }
        stream.send(#"{"type":"feature_flags","data":{"supports_preview_metadata":true}}"#)
        return stream
    }

    private func attach(_ socket: WebSocket) {
        lock.lock(); self.socket = socket; lock.unlock()
        socket.onText { [weak self] _, text in
            guard let message = try? JSONDecoder().decode(ComfyAPI.Message.self, from: Data(text.utf8)) else { return }
            self?.push(.message(message))
        }
        socket.onBinary { [weak self] _, buffer in
            guard let frame = ComfyPreviewFrame(Array(buffer.readableBytesView)) else { return }
            self?.push(.preview(frame))
        }
        socket.onClose.whenComplete { [weak self] _ in self?.push(.closed) }
    }

    func send(_ text: String) {
        lock.lock(); let socket = socket; lock.unlock()
        socket?.send(text)
    }

    /// The next frame, or nil after `timeout` seconds without one.
    func next(timeout: Double) -> Frame? {
        guard arrived.wait(timeout: .now() + timeout) == .success else { return nil }
        lock.lock(); defer { lock.unlock() }
        return frames.removeFirst()
    }

    func close() {
        lock.lock(); let socket = socket; lock.unlock()
        _ = socket?.close()
    }

    private func push(_ frame: Frame) {
        lock.lock(); frames.append(frame); lock.unlock()
        arrived.signal()
    }
}

private final class LockedResult: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Void, any Error> = .success(())
    func set(_ value: Result<Void, any Error>) { lock.lock(); result = value; lock.unlock() }
    func get() -> Result<Void, any Error> { lock.lock(); defer { lock.unlock() }; return result }
}

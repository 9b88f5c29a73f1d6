import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The HTTP session's delegate: it gathers each task's answer and ends a task that meets an
/// HTTP auth challenge (a 401 with `WWW-Authenticate`, as nginx's `auth_basic` and A1111's
/// `--api-auth` send) as a refused login. Tasks here use this delegate, not completion
/// handlers: swift-corelibs-foundation 6.3.1 leaves a completion-handler task waiting forever
/// on a challenge it has no stored credential for (swift-corelibs-foundation issue #5456), and
/// asks only a session delegate what to do.
final class HTTPAnswers: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [Int: HTTPAnswer] = [:]

    /// Called before `task.resume()`.
    func track(_ task: URLSessionTask, _ answer: HTTPAnswer) {
        lock.lock(); answers[task.taskIdentifier] = answer; lock.unlock()
    }

    private func answer(_ task: URLSessionTask, remove: Bool = false) -> HTTPAnswer? {
        lock.lock(); defer { lock.unlock() }
        return remove ? answers.removeValue(forKey: task.taskIdentifier) : answers[task.taskIdentifier]
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        answer(dataTask)?.append(data)
    }

    /// The credentials, if any, were in the request's `Authorization` header, so a challenge
    /// means they were refused (or missing): the task stops here and reports that.
    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        answer(task)?.challenged = true
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        answer(task, remove: true)?.finish(task.response as? HTTPURLResponse, error)
    }
}

/// One task's answer, gathered on URLSession's queue and read on the caller's thread once
/// `done` is signalled.
final class HTTPAnswer: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data = Data()
    private var response: HTTPURLResponse?
    private var error: Error?
    private var refused = false

    var challenged: Bool {
        get { lock.lock(); defer { lock.unlock() }; return refused }
        set { lock.lock(); refused = newValue; lock.unlock() }
    }

    func append(_ more: Data) {
        lock.lock(); data.append(more); lock.unlock()
    }

    func finish(_ response: HTTPURLResponse?, _ error: Error?) {
        lock.lock(); (self.response, self.error) = (response, error); lock.unlock()
        done.signal()
    }

    func result(for request: URLRequest, timeout: Double, passFailures: Bool) throws -> Data {
        lock.lock(); defer { lock.unlock() }
        let address = request.url?.absoluteString ?? "?"
        if refused { throw RemoteEngineError.authRefused(url: address) }
        if let error = error as NSError? {
            if error.domain == NSURLErrorDomain, error.code == NSURLErrorTimedOut {
                throw RemoteEngineError.timeout(url: address, seconds: timeout)
            }
            let reason = (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? error.localizedDescription
            throw RemoteEngineError.unreachable(url: address, reason: reason)
        }
        guard let response else { throw RemoteEngineError.badResponse(url: address, reason: "no HTTP response") }
        let body = data
        switch response.statusCode {
        case 200..<300: return body
        case 401, 403: throw RemoteEngineError.authRefused(url: address)
        case 400..<500 where passFailures: throw HTTPFailure(status: response.statusCode, body: body)
        default: throw RemoteEngineError.http(url: address, status: response.statusCode, message: Self.message(in: body))
        }
    }

    /// The server's own message: A1111's `{"detail"}` / `{"error"}`, ComfyUI's
    /// `{"error": {"message"}}`, or the first line of a text body.
    static func message(in body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
            for key in ["detail", "error", "message", "errors"] {
                if let text = object[key] as? String { return text }
            }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
    }
}

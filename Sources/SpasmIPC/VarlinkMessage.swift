import Foundation
import SpasmCore

/// The part of a call every server reads first: which method, and how to answer.
public struct VarlinkCallHeader: Sendable, Decodable {
    public var method: String
    public var oneway: Bool?
    public var more: Bool?
    public var upgrade: Bool?
}

/// A call with its parameters decoded as `Parameters`.
public struct VarlinkCall<Parameters: Encodable & Sendable>: Sendable, Encodable {
    public var method: String
    public var parameters: Parameters

    public init(method: String, parameters: Parameters) {
        self.method = method
        self.parameters = parameters
    }
}

struct ParametersOnly<Parameters: Decodable>: Decodable {
    var parameters: Parameters?
}

/// A reply: parameters, or an error with its parameters.
public struct VarlinkReply<Parameters: Encodable & Sendable>: Sendable, Encodable {
    public var parameters: Parameters
    public init(_ parameters: Parameters) { self.parameters = parameters }
}

/// An error reply as it travels: a qualified name and parameters.
public struct VarlinkError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Qualified, e.g. "org.varlink.service.InvalidParameter".
    public var error: String
    public var parameters: [String: JSONValue]

    public init(_ error: String, _ parameters: [String: JSONValue] = [:]) {
        self.error = error
        self.parameters = parameters
    }

    public var description: String {
        let details = parameters.sorted { $0.key < $1.key }.compactMap { key, value -> String? in
            switch value {
            case .string(let s): "\(key): \(s)"
            case .number: value.int.map { "\(key): \($0)" }
            default: nil
            }
        }
        return details.isEmpty ? error : "\(error) (\(details.joined(separator: ", ")))"
    }

    // MARK: org.varlink.service's standard errors

    public static func interfaceNotFound(_ interface: String) -> VarlinkError {
        VarlinkError("org.varlink.service.InterfaceNotFound", ["interface": .string(interface)])
    }
    public static func methodNotFound(_ method: String) -> VarlinkError {
        VarlinkError("org.varlink.service.MethodNotFound", ["method": .string(method)])
    }
    public static func methodNotImplemented(_ method: String) -> VarlinkError {
        VarlinkError("org.varlink.service.MethodNotImplemented", ["method": .string(method)])
    }
    public static func invalidParameter(_ parameter: String) -> VarlinkError {
        VarlinkError("org.varlink.service.InvalidParameter", ["parameter": .string(parameter)])
    }
    public static func permissionDenied() -> VarlinkError {
        VarlinkError("org.varlink.service.PermissionDenied")
    }
    public static let expectedMore = VarlinkError("org.varlink.service.ExpectedMore")
}

/// Encoding and decoding of messages, shared by both ends.
public enum VarlinkCoding {
    /// The call's method and flags. Every message a server answers is read here first, so this is
    /// where its nesting is bounded (`JSONNesting.maximumDepth`).
    public static func header(of message: [UInt8]) throws -> VarlinkCallHeader {
        guard JSONNesting.isWithin(message) else { throw VarlinkError.invalidParameter("parameters") }
        return try JSONDecoder().decode(VarlinkCallHeader.self, from: Data(message))
    }

    /// The call's parameters; a missing "parameters" object decodes from `{}`.
    public static func parameters<P: Decodable>(_ type: P.Type, of message: [UInt8]) throws(VarlinkError) -> P {
        let decoder = JSONDecoder()
        do {
            if let parameters = try decoder.decode(ParametersOnly<P>.self, from: Data(message)).parameters {
                return parameters
            }
            return try decoder.decode(P.self, from: Data("{}".utf8))
        } catch let error as DecodingError {
            throw .invalidParameter(Self.parameterName(error))
        } catch {
            throw .invalidParameter("parameters")
        }
    }

    /// The name of the parameter a decoding error is about, so a client can say what to fix.
    static func parameterName(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        let names = path.filter { $0.intValue == nil && $0.stringValue != "parameters" }.map(\.stringValue)
        return names.isEmpty ? "parameters" : names.joined(separator: ".")
    }

    /// A message ready to send: JSON followed by NUL.
    public static func frame<T: Encodable>(_ value: T) throws -> [UInt8] {
        var bytes = [UInt8](try encoder.encode(value))
        bytes.append(0)
        return bytes
    }

    public static func errorFrame(_ error: VarlinkError) -> [UInt8] {
        (try? frame(error)) ?? Array("{\"error\":\"org.varlink.service.InvalidParameter\"}\u{0}".utf8)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

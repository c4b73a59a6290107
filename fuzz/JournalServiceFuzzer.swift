// libFuzzer target: a raw byte stream as a Varlink client would send it to spasmd.
//
// The stream reaches a VarlinkFramer in chunks whose sizes come from a hash of the input, so one
// input always replays the same way; every complete message is answered by a JournalService over
// a fresh in-memory journal. Any broken invariant is a `precondition` failure, which libFuzzer
// reports as a crash and saves as a reproducer. Built and run by fuzz/run.

import Foundation
import Logging
import SpasmCore
import SpasmDaemon
import SpasmIPC
import SpasmNotify
import SpasmStore

/// A fixed clock, so an input replays the same way.
let now = Date(timeIntervalSince1970: 1_795_941_120)
let quiet = Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }
/// Message limits the framer is tried with: tiny, small and the daemon's own.
let limits = [64, 8 << 10, Varlink.messageLimit]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let stream = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    var random = SplitMix64(seed: fnv1a(stream))
    let limit = limits[Int(random.next() % UInt64(limits.count))]
    // A journal per input: state carried across inputs would make crashes unreproducible.
    let journal: Journal
    do { journal = try Journal.inMemory() } catch { preconditionFailure("in-memory journal: \(error)") }
    var service = JournalService(journal: journal, version: "fuzz", logger: quiet, now: { now })
    // The care plan too (io.spasm.Care), with an in-memory desktop that takes every notification.
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let desktop = RecordingDesktop()
    do {
        let book = CareBook(journal: journal, configuration: Configuration(), calendar: calendar)
        let care = try CareScheduler(book: book, notifier: desktop, logger: quiet, now: { now })
        service.care = JournalService.Care(book: book, status: { care.status() })
    } catch { preconditionFailure("care scheduler: \(error)") }

    var framer = VarlinkFramer(limit: limit)
    var offset = 0     // bytes handed to the framer
    var consumed = 0   // bytes the framer has returned as messages, NULs included
    while offset < stream.count {
        let chunk = min(stream.count - offset, chunkSize(&random))
        do {
            try framer.append(stream[offset..<offset + chunk])
        } catch {
            // Refused only when the pending bytes hold no NUL and exceed the limit: the daemon hangs up.
            let pending = stream[consumed..<offset + chunk]
            precondition(pending.count > limit && !pending.contains(0), "append refused \(pending.count) bytes under limit \(limit)")
            return 0
        }
        offset += chunk
        while true {
            let message: [UInt8]
            do {
                guard let next = try framer.next() else { break }
                message = next
            } catch {
                let end = stream[consumed..<offset].firstIndex(of: 0)
                precondition(end.map { $0 - consumed > limit } ?? false, "next() refused a message within limit \(limit)")
                return 0
            }
            precondition(message.count <= limit, "framer returned \(message.count) bytes over limit \(limit)")
            precondition(stream[consumed..<consumed + message.count].elementsEqual(message), "framer altered a message")
            precondition(stream[consumed + message.count] == 0, "message did not end at a NUL")
            consumed += message.count + 1
            check(service.reply(to: message), to: message)
        }
        precondition(framer.pendingCount == offset - consumed, "framer lost or invented bytes")
    }
    return 0
}

/// Chunk sizes a socket read might return: mostly small, sometimes one byte, sometimes large.
func chunkSize(_ random: inout SplitMix64) -> Int {
    switch random.next() % 4 {
    case 0: 1
    case 1: 1 + Int(random.next() % 16)
    case 2: 1 + Int(random.next() % 512)
    default: 1 + Int(random.next() % 65_536)
    }
}

func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
}

/// A reply is one NUL-terminated JSON object with parameters or a qualified error; oneway calls get none.
func check(_ reply: [UInt8]?, to message: [UInt8]) {
    let oneway = (try? VarlinkCoding.header(of: message))?.oneway == true
    guard let reply else {
        precondition(oneway, "no reply to a call that was not oneway: \(String(decoding: message, as: UTF8.self))")
        return
    }
    precondition(!oneway, "a reply to a oneway call")
    precondition(reply.last == 0, "reply does not end in NUL")
    let json = reply.dropLast()
    precondition(!json.contains(0), "reply holds a NUL before its end")
    let object: Any
    do { object = try JSONSerialization.jsonObject(with: Data(json)) } catch {
        preconditionFailure("reply is not JSON: \(String(decoding: json, as: UTF8.self))")
    }
    guard let fields = object as? [String: Any] else { preconditionFailure("reply is not a JSON object") }
    if let error = fields["error"] {
        guard let name = error as? String else { preconditionFailure("error is not a string") }
        precondition(name.contains("."), "error name is not qualified: \(name)")
        precondition(fields["parameters"] == nil || fields["parameters"] is [String: Any], "error parameters are not an object")
    } else {
        precondition(fields["parameters"] is [String: Any], "reply has neither parameters nor error")
    }
    // A client reading the reply frames it back as exactly one message.
    var client = VarlinkFramer()
    do {
        try client.append(reply)
        let framed = try client.next()
        precondition(framed?.count == json.count && client.pendingCount == 0, "reply does not frame as one message")
    } catch { preconditionFailure("reply is over the message limit") }
}

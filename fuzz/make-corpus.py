# Writes the seed corpus of fuzz/JournalServiceFuzzer.swift: python3 fuzz/make-corpus.py fuzz/corpus
import json, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
N = "\0"
U1 = "6f1c2b9e-6a57-4d0e-9a4c-1f2e3d4c5b6a"
U2 = "0b7e3c1a-2d4f-4e6a-8b9c-0d1e2f3a4b5c"
U3 = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
R1 = "11111111-2222-4333-8444-555555555555"
R2 = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
episode = {"uuid": U1, "kind": "episode", "at": "2026-11-29T09:12:00+01:00", "utc_offset": 3600,
           "note": "woke up stiff", "episode": {"region": "neck", "side": "left", "severity": 6,
           "triggers": ["desk work"], "red_flags": [], "ended_at": None}}
caffeine = {"uuid": U2, "kind": "caffeine", "at": "2026-11-29T08:00:00Z", "utc_offset": 0,
            "caffeine": {"milligrams": 96, "drink": "coffee", "servings": 1}}
treatment = {"uuid": U3, "kind": "treatment", "at": "2026-11-29T10:00:00+0100", "utc_offset": 3600,
             "treatment": {"kind": "ice", "minutes": 15, "relief": 4, "name": None}}
def call(method, params=None, **flags):
    m = {"method": method}
    if params is not None: m["parameters"] = params
    m.update(flags)
    return json.dumps(m, separators=(",", ":"), ensure_ascii=False)
J = "io.spasm.Journal."
S = "org.varlink.service."
seeds = {
 "service-getinfo": call(S+"GetInfo") + N,
 "service-describe-journal": call(S+"GetInterfaceDescription", {"interface": "io.spasm.Journal"}) + N,
 "service-describe-service": call(S+"GetInterfaceDescription", {"interface": "org.varlink.service"}) + N,
 "service-describe-unknown": call(S+"GetInterfaceDescription", {"interface": "com.example.Nope"}) + N,
 "add-episode": call(J+"Add", {"entry": episode}) + N,
 "add-caffeine": call(J+"Add", {"entry": caffeine}) + N,
 "add-treatment": call(J+"Add", {"entry": treatment}) + N,
 "add-then-end-episode": call(J+"Add", {"entry": episode}) + N + call(J+"EndEpisode", {"at": "2026-11-29T11:00:00+01:00", "request": R1}) + N
     + call(J+"EndEpisode", {"id": 1, "at": "2026-11-29T11:30:00+01:00", "request": R2}) + N,
 "add-update-undo": call(J+"Add", {"entry": caffeine}) + N
     + call(J+"Update", {"entry": dict(caffeine, id=1, caffeine={"milligrams": 192, "drink": "coffee", "servings": 2}), "request": R1}) + N
     + call(J+"Undo", {"request": R2}) + N + call(J+"Undo", {"request": R2}) + N,
 "add-delete-get": call(J+"Add", {"entry": treatment}) + N + call(J+"Delete", {"id": 1, "request": R1}) + N
     + call(J+"Get", {"id": 1}) + N + call(J+"Undo", {"request": R2}) + N + call(J+"Get", {"id": 1}) + N,
 "get-missing": call(J+"Get", {"id": 42}) + N,
 "entries-all": call(J+"Add", {"entry": episode}) + N + call(J+"Add", {"entry": caffeine}) + N + call(J+"Entries", {}) + N,
 "entries-filtered": call(J+"Entries", {"from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00-05:00", "kinds": ["episode", "treatment"]}) + N,
 "entries-bad-kind": call(J+"Entries", {"kinds": ["episode", "yoga"]}) + N,
 "open-episode": call(J+"Add", {"entry": episode}) + N + call(J+"OpenEpisode") + N,
 "status": call(J+"Status", {}) + N,
 "oneway-add": call(J+"Add", {"entry": caffeine}, oneway=True) + N + call(J+"Entries") + N,
 "oneway-unknown": call(J+"Nope", oneway=True) + N + call("x.Y", {}, oneway=True) + N,
 "more-and-upgrade": call(J+"Status", more=True) + N + call(S+"GetInfo", upgrade=False) + N,
 "many-in-one-stream": "".join(call(J+m) + N for m in ["Status", "OpenEpisode", "Entries", "Undo", "Get", "Delete", "EndEpisode"]),
 "split-odd": call(S+"GetInfo") + N + call(J+"Get", {"id": 1})[:7],
 "unterminated": call(J+"Status"),
 "unknown-method": call(J+"Frobnicate", {}) + N,
 "unknown-interface": call("com.example.Other.Do", {}) + N,
 "method-without-dot": call("GetInfo") + N + call("") + N + call(".") + N,
 "malformed-json": '{"method":"io.spasm.Journal.Status"' + N + "[]" + N + "null" + N + "" + N + "{" + N + '"x"' + N,
 "wrong-types": call(J+"Get", {"id": "1"}) + N + call(J+"Add", {"entry": 5}) + N + '{"method":7}' + N
     + call(J+"Entries", {"kinds": "episode"}) + N + call(J+"Status", []) + N + call(J+"Undo", {"request": None}) + N,
 "huge-numbers": call(J+"Get", {"id": 10**30}) + N + call(J+"Get", {"id": -9223372036854775808}) + N
     + call(J+"Add", {"entry": dict(caffeine, caffeine={"milligrams": 1e308, "drink": None, "servings": 1e308})}) + N
     + call(J+"Add", {"entry": dict(treatment, utc_offset=9223372036854775807, treatment={"kind": "heat", "minutes": 9223372036854775807, "relief": -1})}) + N
     + call(J+"Get", {"id": 1.5}) + N,
 "bad-times": call(J+"EndEpisode", {"at": "2026-13-40T25:61:61+99:99", "request": R1}) + N
     + call(J+"Add", {"entry": dict(episode, at="0000-01-01T00:00:00-23:59")}) + N
     + call(J+"Add", {"entry": dict(episode, uuid=R1, at="9999-12-31T23:59:59+23:59")}) + N
     + call(J+"Entries", {"from": "yesterday"}) + N,
 "bad-uuid-request": call(J+"Delete", {"id": 1, "request": "not-a-uuid"}) + N + call(J+"Add", {"entry": dict(episode, uuid="")}) + N,
 "severity-out-of-range": call(J+"Add", {"entry": dict(episode, episode=dict(episode["episode"], severity=11))}) + N
     + call(J+"Add", {"entry": dict(episode, episode=dict(episode["episode"], severity=-1, region="knee"))}) + N,
 "end-before-start": call(J+"Add", {"entry": dict(episode, episode=dict(episode["episode"], ended_at="2026-11-29T08:00:00+01:00"))}) + N,
 "deep-nesting": '{"method":"io.spasm.Journal.Status","parameters":' + "[" * 2000 + "]" * 2000 + "}" + N
     + '{"method":"io.spasm.Journal.Add","parameters":{"entry":' + '{"a":' * 500 + "1" + "}" * 500 + "}}" + N,
 "unicode-note": call(J+"Add", {"entry": dict(episode, note="Nacken \u00fcberall \u2014 \U0001F62B\ttab\nline \u200b\ufeff")}) + N,
 "control-in-note": call(J+"Add", {"entry": dict(episode, note="bell\u0007 esc\u001b del\u007f c1\u0085")}) + N
     + '{"method":"io.spasm.Journal.Add","parameters":{"entry":{"uuid":"' + U2 + '","kind":"caffeine","at":"2026-11-29T08:00:00Z","utc_offset":0,"note":"nul\\u0000here","caffeine":{"milligrams":1,"servings":1}}}}' + N,
 "invalid-utf8": b'{"method":"io.spasm.Journal.Get","parameters":{"id":\xff\xfe}}\0{"method":"\xc3\x28"}\0',
 "lone-surrogate": call(J+"Add", {"entry": dict(episode, note="x")}).replace('"x"', '"\\ud800"') + N,
 "duplicate-keys": '{"method":"io.spasm.Journal.Status","method":"org.varlink.service.GetInfo","oneway":true,"oneway":false}' + N,
 "long-trigger": call(J+"Add", {"entry": dict(episode, episode=dict(episode["episode"], triggers=["x" * 300, "", "a\u0001b"]))}) + N,
 "over-small-limit": call(J+"Add", {"entry": dict(episode, note="n" * 9000)}) + N + call(J+"Status") + N,
}
for name, text in seeds.items():
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    open(os.path.join(out, name), "wb").write(data)
print(len(seeds))

#!/usr/bin/env python3
"""Independent check of the vectors in this folder: Python's json module and the `cryptography` package.

Shares no code with the Java implementation. Python's json.dumps(sort_keys=True, separators=(",", ":"),
ensure_ascii=False) already is Matrix canonical JSON for integer-only input: str keys sort by code point, and it
escapes exactly '"', '\\' and U+0000..U+001F (\\b \\t \\n \\f \\r short, the rest lower-case \\u00xx). Floats,
duplicate keys and unpaired surrogates are refused here explicitly.

Run from this folder:  python3 crosscheck.py     (exit status 0 = every vector reproduced)
"""
import base64
import hashlib
import json
import re
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


class Refused(Exception):
    def __init__(self, error, path=None):
        super().__init__(error, path)
        self.error, self.path = error, path


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise Refused("duplicate_key")
    return dict(pairs)


def parse(text):
    return json.loads(text, object_pairs_hook=no_duplicates)


def member(path, key):
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        return path + "." + key
    return path + "[" + json.dumps(key, ensure_ascii=False) + "]"


def check(value, path):
    if isinstance(value, float):
        raise Refused("non_integer_number", path)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise Refused("unpaired_surrogate", path)
    if isinstance(value, dict):
        for key, child in value.items():
            check(key, member(path, key))
            check(child, member(path, key))
    if isinstance(value, list):
        for i, child in enumerate(value):
            check(child, "%s[%d]" % (path, i))


def canonical(value):
    check(value, "$")
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def unpadded(raw):
    return base64.b64encode(raw).decode().rstrip("=")


def key_names(public_raw):
    digest = unpadded(hashlib.sha256(public_raw).digest())
    return "mxagent-ed25519:" + digest, "SHA256:" + digest


failures = []


def expect(what, actual, expected):
    if actual != expected:
        failures.append("%s:\n  expected %r\n  actual   %r" % (what, expected, actual))


def canonical_vectors():
    doc = json.load(open("canonical-json.json", encoding="utf-8"))
    for case in doc["valid"]:
        expect(case["name"], canonical(parse(case["input"])), case["canonical"].encode("utf-8"))
    for case in doc["invalid"]:
        try:
            canonical(parse(case["input"]))
            failures.append(case["name"] + ": accepted, expected " + case["error"])
        except Refused as refused:
            expect(case["name"], (refused.error, refused.path), (case["error"], case.get("path")))
    return len(doc["valid"]) + len(doc["invalid"])


def signer(seed_hex):
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed_hex))
    public_raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return key, public_raw


def rfc8032_vectors():
    doc = json.load(open("ed25519-rfc8032.json", encoding="utf-8"))
    for case in doc["cases"]:
        key, public_raw = signer(case["seed_hex"])
        expect(case["name"] + " public key", public_raw.hex(), case["public_key_hex"])
        expect(case["name"] + " signature", key.sign(bytes.fromhex(case["message_hex"])).hex(), case["signature_hex"])
    return len(doc["cases"])


def check_key(doc):
    key, public_raw = signer(doc["seed_hex"])
    key_id, fingerprint = key_names(public_raw)
    expect("public_key", unpadded(public_raw), doc["public_key"])
    expect("key_id", key_id, doc["key_id"])
    expect("fingerprint", fingerprint, doc["fingerprint"])
    return key, key_id


def signed_event_vector():
    doc = json.load(open("signed-exec-request.json", encoding="utf-8"))
    key, key_id = check_key(doc)
    content = dict(doc["signed_content"])
    del content["signature"]
    expect("unsigned_content", content, doc["unsigned_content"])
    message = canonical(content)
    expect("signing_bytes", message, doc["signing_bytes"].encode("utf-8"))
    sig = base64.b64encode(key.sign(message)).decode()
    expect("signature", {"alg": "ed25519", "key_id": key_id, "sig": sig}, doc["signed_content"]["signature"])
    key.public_key().verify(base64.b64decode(doc["signed_content"]["signature"]["sig"]), message)
    return 1


def task_action_vector():
    doc = json.load(open("signed-task-action.json", encoding="utf-8"))
    key, key_id = check_key(doc)
    action = dict(doc["authorized_action"])
    authorization = action.pop("authorization")
    signed = {
        "task_id": doc["task_id"],
        "action": action,
        "authorization": {f: authorization[f] for f in
                          ("requesting_agent", "target_agent", "created_at", "expires_at", "nonce")},
    }
    message = canonical(signed)
    expect("task signing_bytes", message, doc["signing_bytes"].encode("utf-8"))
    sig = base64.b64encode(key.sign(message)).decode()
    expect("task signature", {"alg": "ed25519", "key_id": key_id, "sig": sig}, authorization["signature"])
    return 1


if __name__ == "__main__":
    counts = [canonical_vectors()]
    for optional in (rfc8032_vectors, signed_event_vector, task_action_vector):
        counts.append(optional())
    for failure in failures:
        print("MISMATCH", failure)
    print("checked %d canonical cases, %d RFC 8032 cases, %d signed event, %d task action; %d mismatches"
          % tuple(counts + [len(failures)]))
    sys.exit(1 if failures else 0)

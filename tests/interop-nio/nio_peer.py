#!/usr/bin/python3
"""An independent Matrix client (matrix-nio with libolm) driven line by line over stdin/stdout.

The mx-agent in-framework interop test (E2eeNioInteropIT) starts this script with a user's credentials and sends
it one JSON command per line; every answer is one JSON object per line on stdout (logs go to stderr). nio does
all the encryption itself: Olm sessions, Megolm sessions, key sharing, decryption.

Commands:
  {"cmd": "join", "room": ID}                    -> {"event": "joined", "room": ID, "encrypted": bool}
  {"cmd": "send", "room": ID, "body": TEXT}      -> {"event": "sent", "event_id": ID}
  {"cmd": "expect", "room": ID, "body": TEXT, "timeout": SECONDS}
        -> {"event": "received", "event_id", "sender", "body", "decrypted": true}
           or {"event": "timeout", "undecryptable": [...]} (each with event_id, session_id, sender)
  {"cmd": "verify_start", "user": ID, "device": ID} (nio sends m.key.verification.start)
        -> {"event": "verification_started", "transaction_id"}
  {"cmd": "verify_sas", "transaction_id": ID or absent, "timeout": SECONDS}
        syncs until the verification (by id, else any one the other side started, which nio then accepts) has
        both ephemeral keys -> {"event": "sas", "transaction_id", "emoji": [[EMOJI, NAME]...], "decimals": [...]}
  {"cmd": "verify_confirm", "transaction_id": ID, "timeout": SECONDS}  (the user says the SAS matches)
        syncs until the other side's MAC arrived or it is cancelled
        -> {"event": "verification_end", "verified", "canceled", "cancel_code", "device_verified"}
  {"cmd": "send_file", "room": ID, "name": NAME, "data_b64": BASE64}
        nio encrypts the bytes itself (EncryptedFile v2), uploads the ciphertext and sends an m.file message whose
        "file" holds the key -> {"event": "file_sent", "event_id", "sha256": hex of the plaintext}
  {"cmd": "fetch_file", "room": ID, "name": NAME, "timeout": SECONDS}
        syncs until an m.file named NAME with an encrypted "file" arrives, downloads it (authenticated media),
        decrypts it with nio's own code -> {"event": "file_fetched", "event_id", "sha256", "size"}
  {"cmd": "quit"}                                -> {"event": "bye"}
At start, after login and the first key upload: {"event": "ready", "user_id", "device_id", "curve25519"}.
"""
import argparse
import asyncio
import base64
import hashlib
import io
import json
import logging
import sys
import time
import urllib.request

from nio import AsyncClient, AsyncClientConfig, JoinError, LoginError, MegolmEvent, RoomMessageText, RoomSendError
from nio.crypto import ENCRYPTION_ENABLED
from nio.crypto.attachments import decrypt_attachment


def answer(**fields):
    print(json.dumps(fields), flush=True)


class Peer:
    def __init__(self, homeserver, user, password, store):
        config = AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True)
        self.client = AsyncClient(homeserver, user, store_path=store, config=config)
        self.password = password
        self.undecryptable = []

    async def start(self):
        response = await self.client.login(self.password, device_name="nio interop peer")
        if isinstance(response, LoginError):
            raise RuntimeError(f"login failed: {response.message}")
        await self.sync()
        answer(event="ready", user_id=self.client.user_id, device_id=self.client.device_id,
               curve25519=self.client.olm.account.identity_keys["curve25519"])

    async def sync(self, timeout_ms=0):
        """One sync plus what nio's sync_forever does after it: key upload, query, claim, to-device."""
        response = await self.client.sync(timeout=timeout_ms, full_state=False)
        if self.client.should_upload_keys:
            await self.client.keys_upload()
        if self.client.should_query_keys:
            await self.client.keys_query()
        if self.client.should_claim_keys:
            await self.client.keys_claim(self.client.get_users_for_key_claiming())
        await self.client.send_to_device_messages()
        return response

    async def join(self, room):
        response = await self.client.join(room)
        if isinstance(response, JoinError):
            raise RuntimeError(f"join {room} failed: {response.message}")
        await self.sync()
        await self.sync()  # member list and device keys of the other members
        encrypted = room in self.client.rooms and self.client.rooms[room].encrypted
        answer(event="joined", room=room, encrypted=encrypted)

    async def send(self, room, body):
        await self.sync()
        response = await self.client.room_send(room, "m.room.message", {"msgtype": "m.text", "body": body},
                                               ignore_unverified_devices=True)
        if isinstance(response, RoomSendError):
            raise RuntimeError(f"send failed: {response.message}")
        answer(event="sent", event_id=response.event_id)

    async def expect(self, room, body, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            response = await self.sync(timeout_ms=2000)
            joined = getattr(response, "rooms", None)
            events = joined.join[room].timeline.events if joined and room in joined.join else []
            for event in events:
                if isinstance(event, RoomMessageText) and event.body == body:
                    answer(event="received", event_id=event.event_id, sender=event.sender, body=event.body,
                           decrypted=bool(event.decrypted))
                    return
                if isinstance(event, MegolmEvent):
                    self.undecryptable.append({"event_id": event.event_id, "session_id": event.session_id,
                                               "sender": event.sender})
        answer(event="timeout", undecryptable=self.undecryptable)

    async def send_file(self, room, name, data):
        await self.sync()
        upload, keys = await self.client.upload(io.BytesIO(data), content_type="application/octet-stream",
                                                filename=None, encrypt=True, filesize=len(data))
        if not hasattr(upload, "content_uri"):
            raise RuntimeError(f"upload failed: {upload}")
        keys["url"] = upload.content_uri
        content = {"msgtype": "m.file", "body": name, "file": keys}
        response = await self.client.room_send(room, "m.room.message", content, ignore_unverified_devices=True)
        if isinstance(response, RoomSendError):
            raise RuntimeError(f"send failed: {response.message}")
        answer(event="file_sent", event_id=response.event_id, sha256=hashlib.sha256(data).hexdigest())

    async def fetch_file(self, room, name, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            response = await self.sync(timeout_ms=2000)
            joined = getattr(response, "rooms", None)
            events = joined.join[room].timeline.events if joined and room in joined.join else []
            for event in events:
                content = event.source.get("content", {})
                if event.decrypted and content.get("msgtype") == "m.file" and content.get("body") == name:
                    file = content["file"]
                    server, media_id = file["url"][len("mxc://"):].split("/", 1)
                    request = urllib.request.Request(
                        f"{self.client.homeserver}/_matrix/client/v1/media/download/{server}/{media_id}",
                        headers={"Authorization": f"Bearer {self.client.access_token}"})
                    ciphertext = await asyncio.get_running_loop().run_in_executor(
                        None, lambda: urllib.request.urlopen(request, timeout=30).read())
                    plain = decrypt_attachment(ciphertext, file["key"]["k"], file["hashes"]["sha256"], file["iv"])
                    answer(event="file_fetched", event_id=event.event_id, size=len(plain),
                           sha256=hashlib.sha256(plain).hexdigest())
                    return
        answer(event="timeout", undecryptable=self.undecryptable)

    async def verify_start(self, user, device):
        await self.sync()
        olm_device = self.client.device_store[user][device]
        response = await self.client.start_key_verification(olm_device)
        if type(response).__name__.endswith("Error"):
            raise RuntimeError(f"start failed: {response}")
        sas = self.client.get_active_sas(user, device)
        answer(event="verification_started", transaction_id=sas.transaction_id)

    async def verify_sas(self, transaction_id, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            await self.sync(timeout_ms=1000)
            # Without an id: a live verification the other side started (nio cancels older ones of the same
            # device itself, and finished ones stay in key_verifications).
            candidates = ([self.client.key_verifications.get(transaction_id)] if transaction_id
                          else [s for s in self.client.key_verifications.values()
                                if not s.we_started_it and not s.canceled and not s.verified])
            for sas in [c for c in candidates if c is not None]:
                if sas.canceled:
                    raise RuntimeError(f"verification {sas.transaction_id} cancelled: {sas.cancel_code}"
                                       f" {sas.cancel_reason}")
                if not sas.we_started_it and sas.state.name == "started":
                    await self.client.accept_key_verification(sas.transaction_id)
                if sas.other_key_set:
                    await self.client.send_to_device_messages()  # our key, if we are the acceptor
                    answer(event="sas", transaction_id=sas.transaction_id,
                           emoji=[list(e) for e in sas.get_emoji()], decimals=list(sas.get_decimals()))
                    return
        answer(event="timeout", verifications={t: [s.state.name, s.cancel_code, s.we_started_it]
                                               for t, s in self.client.key_verifications.items()})

    async def verify_confirm(self, transaction_id, timeout):
        sas = self.client.key_verifications[transaction_id]
        await self.client.confirm_short_auth_string(transaction_id)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not sas.verified and not sas.canceled:
            await self.sync(timeout_ms=1000)
        device = sas.other_olm_device
        stored = self.client.device_store[device.user_id][device.id]
        answer(event="verification_end", verified=sas.verified, canceled=sas.canceled,
               cancel_code=sas.cancel_code, device_verified=bool(stored.verified))

    async def close(self):
        await self.client.close()


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--homeserver", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", help="or the NIO_PEER_PASSWORD environment variable")
    parser.add_argument("--store", required=True, help="directory for nio's crypto store")
    args = parser.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="nio-peer %(levelname)s %(message)s")
    if not ENCRYPTION_ENABLED:
        answer(event="error", message="matrix-nio has no encryption support here (python3-olm missing)")
        return 2
    import os
    password = args.password or os.environ.get("NIO_PEER_PASSWORD")
    peer = Peer(args.homeserver, args.user, password, args.store)
    try:
        await peer.start()
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                break
            command = json.loads(line)
            try:
                if command["cmd"] == "join":
                    await peer.join(command["room"])
                elif command["cmd"] == "send":
                    await peer.send(command["room"], command["body"])
                elif command["cmd"] == "expect":
                    await peer.expect(command["room"], command["body"], float(command.get("timeout", 60)))
                elif command["cmd"] == "send_file":
                    await peer.send_file(command["room"], command["name"], base64.b64decode(command["data_b64"]))
                elif command["cmd"] == "fetch_file":
                    await peer.fetch_file(command["room"], command["name"], float(command.get("timeout", 60)))
                elif command["cmd"] == "verify_start":
                    await peer.verify_start(command["user"], command["device"])
                elif command["cmd"] == "verify_sas":
                    await peer.verify_sas(command.get("transaction_id"), float(command.get("timeout", 60)))
                elif command["cmd"] == "verify_confirm":
                    await peer.verify_confirm(command["transaction_id"], float(command.get("timeout", 60)))
                elif command["cmd"] == "quit":
                    answer(event="bye")
                    break
                else:
                    answer(event="error", message=f"unknown command {command['cmd']}")
            except Exception as e:  # report to the driver, which fails the test with it
                logging.exception("command %s failed", command)
                answer(event="error", message=f"{type(e).__name__}: {e}")
        return 0
    except Exception as e:
        logging.exception("peer failed")
        answer(event="error", message=f"{type(e).__name__}: {e}")
        return 1
    finally:
        await peer.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

#!/usr/bin/env python3
"""TEST DOUBLE for the paid Anthropic Messages API. Used only by mx-agent's adapter tests; never in production.

Speaks just enough of POST /v1/messages (streaming SSE: message_start, content_block_start/delta/stop,
message_delta, message_stop; and the non-streaming JSON form) for the real Claude Code CLI to receive a scripted
answer. Listens on 127.0.0.1 only, on an ephemeral port it prints as the first stdout line: "PORT <n>".

Behaviour:
  * x-api-key (or Authorization: Bearer) must equal --key, else 401 authentication_error (as the real API does),
    so a CLI run without credentials fails the way a user would see it.
  * Every request is appended, as one JSON line, to --log (method, path, model, whether it streamed), so a test can
    assert the CLI really talked to this server.
  * The answer text is --answer; usage is fixed (input 11, output 7 tokens).
  * It exits by itself after --max-seconds (bounded, in case a test forgets to stop it) or on SIGTERM.

Python standard library only.
"""
import argparse
import json
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", default="test-double-key")
    parser.add_argument("--answer", default="Hello from the fake Anthropic API.")
    parser.add_argument("--log", required=True)
    parser.add_argument("--max-seconds", type=float, default=300.0)
    args = parser.parse_args()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *a):  # keep stderr for real problems
            pass

        def _authorized(self):
            key = self.headers.get("x-api-key")
            auth = self.headers.get("authorization", "")
            if key is None and auth.lower().startswith("bearer "):
                key = auth[7:]
            return key == args.key

        def _record(self, entry):
            with lock, open(args.log, "a", encoding="utf-8") as log:
                log.write(json.dumps(entry) + "\n")

        def _json(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.send_header("request-id", "req_testdouble")
            self.end_headers()
            self.wfile.write(data)

        def do_HEAD(self):
            self.send_response(200)
            self.send_header("content-length", "0")
            self.end_headers()

        def do_GET(self):
            self._record({"method": "GET", "path": self.path})
            self._json(404, {"type": "error", "error": {"type": "not_found_error", "message": "test double"}})

        def do_POST(self):
            length = int(self.headers.get("content-length", "0"))
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            path = self.path.split("?", 1)[0]
            entry = {"method": "POST", "path": path, "model": body.get("model"), "stream": bool(body.get("stream")),
                     "authorized": self._authorized()}
            self._record(entry)
            if not self._authorized():
                self._json(401, {"type": "error",
                                 "error": {"type": "authentication_error", "message": "invalid x-api-key"}})
                return
            if path.endswith("/count_tokens"):
                self._json(200, {"input_tokens": 11})
                return
            if not path.endswith("/v1/messages"):
                self._json(404, {"type": "error", "error": {"type": "not_found_error", "message": path}})
                return
            model = body.get("model") or "claude-test-double"
            message = {"id": "msg_testdouble", "type": "message", "role": "assistant", "model": model,
                       "content": [], "stop_reason": None, "stop_sequence": None,
                       "usage": {"input_tokens": 11, "output_tokens": 1}}
            if not body.get("stream"):
                message["content"] = [{"type": "text", "text": args.answer}]
                message["stop_reason"] = "end_turn"
                message["usage"]["output_tokens"] = 7
                self._json(200, message)
                return
            events = [
                ("message_start", {"type": "message_start", "message": message}),
                ("content_block_start", {"type": "content_block_start", "index": 0,
                                         "content_block": {"type": "text", "text": ""}}),
                ("ping", {"type": "ping"}),
            ]
            half = len(args.answer) // 2
            for piece in (args.answer[:half], args.answer[half:]):
                events.append(("content_block_delta", {"type": "content_block_delta", "index": 0,
                                                       "delta": {"type": "text_delta", "text": piece}}))
            events += [
                ("content_block_stop", {"type": "content_block_stop", "index": 0}),
                ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn",
                                                                      "stop_sequence": None},
                                   "usage": {"output_tokens": 7}}),
                ("message_stop", {"type": "message_stop"}),
            ]
            payload = b"".join(("event: %s\ndata: %s\n\n" % (name, json.dumps(data))).encode()
                               for name, data in events)
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("cache-control", "no-cache")
            self.send_header("request-id", "req_testdouble")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    timer = threading.Timer(args.max_seconds, server.shutdown)
    timer.daemon = True
    timer.start()
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""TEST DOUBLE for the paid OpenAI Responses API. Used only by mx-agent's adapter tests; never in production.

Speaks just enough of POST /v1/responses (streaming SSE: response.created, response.output_item.added,
response.output_text.delta, response.output_item.done, response.completed) for the real Codex CLI
(`codex exec --json`), and of POST /v1/chat/completions (JSON or SSE chunks) for Aider, to receive a scripted
answer. Listens on 127.0.0.1 only, on an ephemeral port it prints as
the first stdout line: "PORT <n>".

Behaviour:
  * Authorization: Bearer must equal --key, else 401 invalid_api_key (as the real API does), so a CLI run
    without credentials fails the way a user would see it.
  * Every request is appended, as one JSON line, to --log (method, path, model, whether it streamed, whether it
    was authorized), so a test can assert the CLI really talked to this server.
  * The answer text is --answer; usage is fixed (input 13, output 5 tokens).
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
    parser.add_argument("--answer", default="Hello from the fake OpenAI API.")
    parser.add_argument("--log", required=True)
    parser.add_argument("--max-seconds", type=float, default=300.0)
    args = parser.parse_args()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *a):  # keep stderr for real problems
            pass

        def _authorized(self):
            auth = self.headers.get("authorization", "")
            return auth.lower().startswith("bearer ") and auth[7:] == args.key

        def _record(self, entry):
            with lock, open(args.log, "a", encoding="utf-8") as log:
                log.write(json.dumps(entry) + "\n")

        def _json(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.send_header("x-request-id", "req_testdouble")
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._record({"method": "GET", "path": self.path})
            path = self.path.split("?", 1)[0]
            if path.endswith("/models"):
                self._json(200, {"object": "list", "data": [], "models": []})
                return
            self._json(404, {"error": {"type": "not_found", "message": "test double: " + path}})

        def do_POST(self):
            length = int(self.headers.get("content-length", "0"))
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            path = self.path.split("?", 1)[0]
            self._record({"method": "POST", "path": path, "model": body.get("model"),
                          "stream": bool(body.get("stream")), "authorized": self._authorized()})
            if not self._authorized():
                self._json(401, {"error": {"message": "Incorrect API key provided (test double).",
                                           "type": "invalid_request_error", "param": None,
                                           "code": "invalid_api_key"}})
                return
            if path.endswith("/chat/completions"):
                self._chat(body)
                return
            if not path.endswith("/responses"):
                self._json(404, {"error": {"type": "not_found", "message": "test double: " + path}})
                return
            model = body.get("model") or "gpt-test-double"
            item_id = "msg_testdouble"
            response = {"id": "resp_testdouble", "object": "response", "created_at": 0, "status": "in_progress",
                        "model": model, "output": [], "usage": None}
            item = {"id": item_id, "type": "message", "status": "in_progress", "role": "assistant", "content": []}
            done_item = {"id": item_id, "type": "message", "status": "completed", "role": "assistant",
                         "content": [{"type": "output_text", "text": args.answer, "annotations": []}]}
            completed = dict(response, status="completed", output=[done_item],
                             usage={"input_tokens": 13, "input_tokens_details": {"cached_tokens": 0},
                                    "output_tokens": 5, "output_tokens_details": {"reasoning_tokens": 0},
                                    "total_tokens": 18})
            events = [
                ("response.created", {"type": "response.created", "response": response}),
                ("response.output_item.added", {"type": "response.output_item.added", "output_index": 0,
                                                "item": item}),
                ("response.content_part.added", {"type": "response.content_part.added", "item_id": item_id,
                                                 "output_index": 0, "content_index": 0,
                                                 "part": {"type": "output_text", "text": "", "annotations": []}}),
            ]
            half = len(args.answer) // 2
            for piece in (args.answer[:half], args.answer[half:]):
                events.append(("response.output_text.delta", {"type": "response.output_text.delta",
                                                              "item_id": item_id, "output_index": 0,
                                                              "content_index": 0, "delta": piece}))
            events += [
                ("response.output_text.done", {"type": "response.output_text.done", "item_id": item_id,
                                               "output_index": 0, "content_index": 0, "text": args.answer}),
                ("response.output_item.done", {"type": "response.output_item.done", "output_index": 0,
                                               "item": done_item}),
                ("response.completed", {"type": "response.completed", "response": completed}),
            ]
            payload = b"".join(("event: %s\ndata: %s\n\n" % (name, json.dumps(data))).encode()
                               for name, data in events)
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("cache-control", "no-cache")
            self.send_header("x-request-id", "req_testdouble")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _chat(self, body):
            """Chat Completions (used by Aider through litellm): JSON, or SSE chunks ending in [DONE]."""
            model = body.get("model") or "gpt-test-double"
            usage = {"prompt_tokens": 13, "completion_tokens": 5, "total_tokens": 18}
            if not body.get("stream"):
                self._json(200, {"id": "chatcmpl-testdouble", "object": "chat.completion", "created": 0,
                                 "model": model, "usage": usage,
                                 "choices": [{"index": 0, "finish_reason": "stop",
                                              "message": {"role": "assistant", "content": args.answer}}]})
                return
            half = len(args.answer) // 2
            chunks = [{"role": "assistant", "content": ""}, {"content": args.answer[:half]},
                      {"content": args.answer[half:]}]
            events = [{"id": "chatcmpl-testdouble", "object": "chat.completion.chunk", "created": 0, "model": model,
                       "choices": [{"index": 0, "delta": delta, "finish_reason": None}]} for delta in chunks]
            events.append({"id": "chatcmpl-testdouble", "object": "chat.completion.chunk", "created": 0,
                           "model": model, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                           "usage": usage})
            payload = b"".join(("data: %s\n\n" % json.dumps(e)).encode() for e in events) + b"data: [DONE]\n\n"
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
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

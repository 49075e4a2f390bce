#!/usr/bin/env python3
"""Cold start of the mx-agent runtime, measured from outside over the daemon socket.

For each run: start `java -jar run/target/<dist>.jar` with fresh private directories (and, when a session is
prepared, a stored login), then poll `daemon.status` every 2 ms and record
  - socket:  JVM start -> the daemon answers,
  - active:  JVM start -> every installed bundle ACTIVE,
  - synced:  JVM start -> first /sync completed (only with --login),
  - rss:     resident memory once synced/active (from /proc/<pid>/status).
Prints one line per run and the medians. Needs a running dev homeserver for --login.

  bench/startup/startup.py [--dist mx-agent|edge] [--runs 5] [--login]
"""
import argparse, json, os, shutil, socket, statistics, struct, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def call(sock_path, method, params=None):
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(sock_path)
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or {}}).encode()
        s.sendall(struct.pack(">I", len(body)) + body)
        size = struct.unpack(">I", recv_exact(s, 4))[0]
        return json.loads(recv_exact(s, size))


def recv_exact(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            raise ConnectionError("daemon closed the connection")
        data += chunk
    return data


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def one_run(dist, creds, keep, java_opts):
    base = tempfile.mkdtemp(prefix="mxa-startup-")
    env = dict(os.environ, MX_AGENT_DATA_DIR=f"{base}/data", MX_AGENT_CONFIG_DIR=f"{base}/config",
               MX_AGENT_RUNTIME_DIR=f"{base}/run")
    sock = f"{base}/run/daemon.sock"
    if creds:  # a stored session, as after an earlier `auth login`
        os.makedirs(f"{base}/data", mode=0o700)
        with open(f"{base}/data/session.json", "w") as f:
            json.dump(creds, f)
        os.chmod(f"{base}/data/session.json", 0o600)
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", *java_opts, "-jar", f"{ROOT}/run/target/{dist}.jar"], env=env,
                            stdout=subprocess.DEVNULL, stderr=open(f"{base}/daemon.log", "w"))
    marks = {}
    deadline = t0 + 60
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"runtime exited {proc.returncode}; log: {base}/daemon.log")
            try:
                reply = call(sock, "daemon.status")
                if "result" not in reply:  # socket up before the status method registered
                    if reply.get("error", {}).get("code") == -32601:
                        time.sleep(0.002)
                        continue
                    raise RuntimeError(f"daemon.status failed: {reply}")
                status = reply["result"]
            except (FileNotFoundError, ConnectionRefusedError, ConnectionError):
                time.sleep(0.002)
                continue
            now = time.monotonic()
            marks.setdefault("socket", now)
            bundles = status.get("bundles", {})
            if bundles.get("total") and bundles.get("active") == bundles.get("total"):
                marks.setdefault("active", now)
            sync = status.get("sync") or {}
            if creds and sync.get("completed_syncs", 0) >= 1:
                marks.setdefault("synced", now)
            if "active" in marks and (not creds or "synced" in marks):
                break
            time.sleep(0.002)
        else:
            raise RuntimeError(f"timed out; log: {base}/daemon.log")
        rss = rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        if not keep:
            shutil.rmtree(base, ignore_errors=True)
    # JVM start is taken as the fork: the time from Popen to exec is a few ms at most.
    return {k: (v - t0) * 1000 for k, v in marks.items()}, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", default="mx-agent")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--login", action="store_true", help="start with a stored session and wait for the first sync")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--java-opts", default="", help="extra JVM options, space separated")
    args = parser.parse_args()
    creds = None
    if args.login:
        out = subprocess.run([f"{ROOT}/dev/matrix/homeserver", "register", f"startup{int(time.time())}"],
                             check=True, capture_output=True, text=True).stdout
        reg = json.loads(out)
        creds = {"homeserver": reg["homeserver"], "user_id": reg["user_id"], "device_id": reg["device_id"],
                 "access_token": reg["access_token"]}
    rows = []
    for i in range(args.runs):
        marks, rss = one_run(args.dist, creds, args.keep, args.java_opts.split())
        rows.append((marks, rss))
        print(f"run {i + 1}: " + ", ".join(f"{k} {v:.0f} ms" for k, v in marks.items()) + f", rss {rss:.1f} MiB")
    print(f"median over {args.runs} runs of {args.dist}.jar: " + ", ".join(
        f"{k} {statistics.median(r[0][k] for r in rows):.0f} ms" for k in rows[0][0]) +
          f", rss {statistics.median(r[1] for r in rows):.1f} MiB")


if __name__ == "__main__":
    main()

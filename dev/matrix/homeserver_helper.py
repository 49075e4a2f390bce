#!/usr/bin/env python3
"""Helper for dev/matrix/homeserver. Standard library only, except `write-config`,
which imports PyYAML and so runs with the Synapse venv's Python.

Sub-commands (all internal; the bash script is the interface):
  write-config   merge the generated Synapse config with the dev overlay, write it
  spawn          start Synapse detached (new session), write its pid file, print pid
  wait           poll GET /_matrix/client/versions until 200, the process dies, or timeout
  health         one GET /_matrix/client/versions; exit 0 if 200
  port-in-use    exit 0 if something accepts TCP connections on 127.0.0.1:PORT
  register       register a user via the shared-secret admin API (or log in if it exists)
"""

import argparse
import hashlib
import hmac
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

RELAXED = {"per_second": 1000, "burst_count": 10000}


def err(msg):
    print(f"homeserver: {msg}", file=sys.stderr)


# --------------------------------------------------------------------------- config

def parse_rate(spec, name):
    """'0.5:2' -> {'per_second': 0.5, 'burst_count': 2}"""
    try:
        ps, bc = spec.split(":")
        per_second = float(ps)
        burst_count = int(bc)
        if per_second <= 0 or burst_count < 1:
            raise ValueError
    except ValueError:
        raise SystemExit(
            f"homeserver: {name}={spec!r} is not PER_SECOND:BURST_COUNT "
            "(e.g. 0.5:2, per_second > 0, burst_count >= 1)"
        )
    return {"per_second": per_second, "burst_count": burst_count}


def relaxed_rate_limits():
    r = lambda: dict(RELAXED)  # noqa: E731
    return {
        "rc_message": r(),
        "rc_registration": r(),
        "rc_registration_token_validity": r(),
        "rc_login": {"address": r(), "account": r(), "failed_attempts": r()},
        "rc_admin_redaction": r(),
        "rc_joins": {"local": r(), "remote": r()},
        "rc_joins_per_room": r(),
        "rc_3pid_validation": r(),
        "rc_invites": {"per_room": r(), "per_user": r(), "per_issuer": r()},
        "rc_third_party_invite": r(),
        "rc_media_create": r(),
        "rc_key_requests": r(),
        "rc_presence": {"per_user": r()},
        "rc_delayed_event_mgmt": r(),
        "rc_room_creation": r(),
        "rc_reports": r(),
        "rc_user_directory": r(),
        "rc_profile": r(),
    }


def log_config(log_file, level):
    return {
        "version": 1,
        "formatters": {
            "precise": {
                "format": "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s"
                " - %(request)s - %(message)s"
            }
        },
        "handlers": {
            "file": {
                "class": "logging.handlers.RotatingFileHandler",
                "formatter": "precise",
                "filename": log_file,
                "maxBytes": 20 * 1024 * 1024,
                "backupCount": 2,
                "encoding": "utf8",
            }
        },
        "loggers": {
            # DEBUG here would log access tokens.
            "synapse.storage.SQL": {"level": "WARNING"},
            "twisted": {"level": "WARNING"},
        },
        "root": {"level": level, "handlers": ["file"]},
        "disable_existing_loggers": False,
    }


def cmd_write_config(a):
    import yaml  # only available in the Synapse venv

    state = a.state
    with open(a.generated, encoding="utf8") as f:
        cfg = yaml.safe_load(f) or {}
    with open(a.secret_file, encoding="utf8") as f:
        secret = f.read().strip()
    url = f"http://127.0.0.1:{a.port}"

    cfg.update(
        {
            "server_name": "localhost",
            "public_baseurl": url + "/",
            "pid_file": os.path.join(state, "homeserver.pid"),
            "listeners": [
                {
                    "port": a.port,
                    "bind_addresses": ["127.0.0.1"],
                    "type": "http",
                    "tls": False,
                    "x_forwarded": False,
                    "resources": [{"names": ["client"], "compress": False}],
                }
            ],
            "database": {
                "name": "sqlite3",
                "args": {"database": os.path.join(state, "homeserver.db")},
            },
            "log_config": os.path.join(state, "log.config.yaml"),
            "media_store_path": os.path.join(state, "media_store"),
            "signing_key_path": os.path.join(state, "localhost.signing.key"),
            "registration_shared_secret": secret,
            "enable_registration": False,
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            # No federation at all: never try to reach another server.
            "federation_domain_whitelist": [],
            "allow_public_rooms_over_federation": False,
            "url_preview_enabled": False,
            "report_stats": False,
            "enable_metrics": False,
            "presence": {"enabled": False},
            "max_upload_size": "100M",
        }
    )
    cfg.update(relaxed_rate_limits())
    if a.rc_message:
        cfg["rc_message"] = parse_rate(a.rc_message, "MX_AGENT_HOMESERVER_RC_MESSAGE")
    if a.extra:
        with open(a.extra, encoding="utf8") as f:
            extra = yaml.safe_load(f) or {}
        if not isinstance(extra, dict):
            raise SystemExit(f"homeserver: {a.extra}: top level must be a mapping")
        cfg.update(extra)

    header = (
        "# Written by dev/matrix/homeserver from homeserver.generated.yaml plus the dev\n"
        "# overlay; rewritten on every start. Do not edit: use\n"
        "# MX_AGENT_HOMESERVER_EXTRA_CONFIG=<yaml file> for local additions.\n"
    )
    text = header + yaml.safe_dump(cfg, sort_keys=True, default_flow_style=False)
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf8") as f:
        f.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, a.out)

    log_text = yaml.safe_dump(
        log_config(os.path.join(state, "homeserver.log"), a.log_level.upper()),
        sort_keys=False,
    )
    with open(a.log_config_out, "w", encoding="utf8") as f:
        f.write(log_text)


# --------------------------------------------------------------------------- process

def cmd_spawn(a):
    out = open(a.out, "ab")
    out.write(f"\n==== {time.strftime('%Y-%m-%d %H:%M:%S')} starting synapse ====\n".encode())
    out.flush()
    p = subprocess.Popen(
        [a.python, "-m", "synapse.app.homeserver", "-c", a.config],
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=subprocess.STDOUT,
        cwd=a.cwd,
        start_new_session=True,  # survives the calling shell and its process group
        close_fds=True,
    )
    tmp = a.pidfile + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"{p.pid}\n")
    os.replace(tmp, a.pidfile)
    print(p.pid)


def http_status(url, timeout=2.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, OSError, ValueError):
        return None


def pid_alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except OSError:
        return False


def cmd_wait(a):
    url = a.url.rstrip("/") + "/_matrix/client/versions"
    deadline = time.monotonic() + a.timeout
    while True:
        if http_status(url) == 200:
            return 0
        if a.pid and not pid_alive(a.pid):
            return 1
        if time.monotonic() > deadline:
            return 2
        time.sleep(0.2)


def cmd_health(a):
    return 0 if http_status(a.url.rstrip("/") + "/_matrix/client/versions") == 200 else 1


def cmd_port_in_use(a):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(1.0)
    try:
        s.connect(("127.0.0.1", a.port))
        return 0
    except OSError:
        return 1
    finally:
        s.close()


# --------------------------------------------------------------------------- register

def request(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, {"errcode": "?", "error": raw.decode(errors="replace")[:500]}
    except (urllib.error.URLError, OSError) as e:
        raise SystemExit(f"homeserver: cannot reach {url}: {e} (is it up? try: homeserver up)")


def cmd_register(a):
    base = a.url.rstrip("/")
    user = a.user
    if user.startswith("@"):
        user = user[1:].split(":", 1)[0]
    if not user:
        raise SystemExit("homeserver: empty user name")
    password = a.password if a.password is not None else secrets.token_urlsafe(18)

    st, body = request("GET", base + "/_synapse/admin/v1/register")
    if st != 200 or "nonce" not in body:
        raise SystemExit(f"homeserver: GET /_synapse/admin/v1/register -> {st} {body}")
    nonce = body["nonce"]
    with open(a.secret_file, encoding="utf8") as f:
        secret = f.read().strip()
    mac = hmac.new(secret.encode(), digestmod=hashlib.sha1)
    mac.update(nonce.encode())
    mac.update(b"\x00")
    mac.update(user.encode())
    mac.update(b"\x00")
    mac.update(password.encode())
    mac.update(b"\x00")
    mac.update(b"admin" if a.admin else b"notadmin")
    st, body = request(
        "POST",
        base + "/_synapse/admin/v1/register",
        {
            "nonce": nonce,
            "username": user,
            "password": password,
            "admin": bool(a.admin),
            "mac": mac.hexdigest(),
        },
    )
    if st == 200:
        out = body
    elif body.get("errcode") == "M_USER_IN_USE":
        if a.password is None:
            raise SystemExit(
                f"homeserver: user '{user}' already exists; give its password "
                f"(register {user} --password P) to log in, or `homeserver reset` for an empty server"
            )
        st, out = request(
            "POST",
            base + "/_matrix/client/v3/login",
            {
                "type": "m.login.password",
                "identifier": {"type": "m.id.user", "user": user},
                "password": password,
                "initial_device_display_name": "mx-agent dev/matrix/homeserver",
            },
        )
        if st != 200:
            raise SystemExit(
                f"homeserver: user '{user}' already exists and login failed: {st} "
                f"{out.get('errcode')}: {out.get('error')}"
            )
        if a.admin:
            err(f"note: '{user}' already existed; --admin was not applied to it")
    else:
        raise SystemExit(
            f"homeserver: registering '{user}' failed: {st} {body.get('errcode')}: {body.get('error')}"
        )
    print(
        json.dumps(
            {
                "user_id": out["user_id"],
                "password": password,
                "access_token": out["access_token"],
                "device_id": out.get("device_id"),
                "homeserver": base,
            }
        )
    )
    return 0


# --------------------------------------------------------------------------- main

def main():
    p = argparse.ArgumentParser(prog="homeserver_helper.py")
    sub = p.add_subparsers(dest="cmd", required=True)

    s = sub.add_parser("write-config")
    s.add_argument("--state", required=True)
    s.add_argument("--generated", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--log-config-out", required=True)
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--secret-file", required=True)
    s.add_argument("--rc-message", default="")
    s.add_argument("--extra", default="")
    s.add_argument("--log-level", default="INFO")

    s = sub.add_parser("spawn")
    s.add_argument("--python", required=True)
    s.add_argument("--config", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--pidfile", required=True)
    s.add_argument("--cwd", required=True)

    s = sub.add_parser("wait")
    s.add_argument("--url", required=True)
    s.add_argument("--pid", type=int, default=0)
    s.add_argument("--timeout", type=float, default=90)

    s = sub.add_parser("health")
    s.add_argument("--url", required=True)

    s = sub.add_parser("port-in-use")
    s.add_argument("--port", type=int, required=True)

    s = sub.add_parser("register")
    s.add_argument("--url", required=True)
    s.add_argument("--secret-file", required=True)
    s.add_argument("--user", required=True)
    s.add_argument("--password")
    s.add_argument("--admin", action="store_true")

    a = p.parse_args()
    fn = {
        "write-config": cmd_write_config,
        "spawn": cmd_spawn,
        "wait": cmd_wait,
        "health": cmd_health,
        "port-in-use": cmd_port_in_use,
        "register": cmd_register,
    }[a.cmd]
    sys.exit(fn(a) or 0)


if __name__ == "__main__":
    main()

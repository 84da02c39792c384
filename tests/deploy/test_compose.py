"""deploy/compose.yaml: structure, paths and the two mutually exclusive profiles."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.settings import SETTINGS

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
COMPOSE: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]


def started_by(profile: str | None) -> set[str]:
    """Services `docker compose [--profile P] up` starts: unprofiled ones and P's."""
    return {
        name
        for name, service in SERVICES.items()
        if not service.get("profiles") or profile in service["profiles"]
    }


def bind_mounts(service: dict[str, Any]) -> dict[str, tuple[Path, bool]]:
    """target -> (resolved host path, read-only) for every bind mount of a service."""
    mounts = {}
    for volume in service.get("volumes", []):
        if isinstance(volume, dict):
            if volume["type"] == "bind":
                source = (DEPLOY / volume["source"]).resolve()
                mounts[volume["target"]] = (source, bool(volume.get("read_only")))
        else:
            source, target, *mode = volume.split(":")
            if source.startswith((".", "/")):
                mounts[target] = ((DEPLOY / source).resolve(), mode == ["ro"])
    return mounts


def named_volumes(service: dict[str, Any]) -> set[str]:
    names = set()
    for volume in service.get("volumes", []):
        if isinstance(volume, dict):
            if volume["type"] == "volume":
                names.add(volume["source"])
        elif not volume.startswith((".", "/")):
            names.add(volume.split(":")[0])
    return names


def test_polling_and_webhook_never_run_together() -> None:
    assert started_by("polling") == {"bot"}
    assert started_by("webhook") == {"bot-webhook", "caddy"}
    assert started_by(None) == set()  # a bare `up` starts nothing rather than both


def test_bot_reads_dot_env_and_mounts_the_knowledge_read_only() -> None:
    for name in ("bot", "bot-webhook"):
        service = SERVICES[name]
        assert (DEPLOY / service["env_file"]).resolve() == REPO / ".env"
        assert bind_mounts(service)["/app/knowledge"] == (REPO / "knowledge", True)
        assert service["build"]["dockerfile"] == "deploy/Dockerfile"
        assert (DEPLOY / service["build"]["context"]).resolve() == REPO
        assert service["read_only"] is True
        assert service["cap_drop"] == ["ALL"]


def test_webhook_profile_runs_the_webhook_behind_caddy() -> None:
    bot = SERVICES["bot-webhook"]
    assert bot["command"] == ["sanctuary-bot", "run", "--webhook"]
    assert "ports" not in bot  # reachable only through the proxy
    port = bot["environment"]["WEBHOOK_PORT"]
    assert [str(p) for p in bot["expose"]] == [port]
    assert bot["environment"]["WEBHOOK_LISTEN"] == "0.0.0.0"  # noqa: S104 - inside the container
    # No heartbeat file in webhook mode: the image's default health check would fail.
    assert bot["healthcheck"]["test"] == ["CMD", "sanctuary-bot", "health", "--webhook"]
    assert "healthcheck" not in SERVICES["bot"]  # polling: the image's heartbeat check

    caddy = SERVICES["caddy"]
    assert caddy["image"].startswith("caddy:")
    assert "bot-webhook" in caddy["depends_on"]
    assert bind_mounts(caddy)["/etc/caddy/Caddyfile"] == (DEPLOY / "Caddyfile", True)
    assert {"80:80", "443:443"} <= set(caddy["ports"])
    assert "env_file" not in caddy  # the proxy never sees the bot token


def test_caddy_forwards_to_the_webhook_service_and_port() -> None:
    caddyfile = (DEPLOY / "Caddyfile").read_text()
    upstreams = set(
        re.findall(r"reverse_proxy \{\$SANCTUARY_UPSTREAM:([\w.-]+):(\d+)\}", caddyfile)
    )
    assert upstreams == {("bot-webhook", SERVICES["bot-webhook"]["environment"]["WEBHOOK_PORT"])}


def test_every_named_volume_is_declared() -> None:
    used = set().union(*(named_volumes(service) for service in SERVICES.values()))
    assert used == set(COMPOSE["volumes"])
    assert "stats" in used
    assert {"caddy-data", "caddy-config"} <= used


def test_environment_names_given_to_the_bot_are_real_settings() -> None:
    known = {setting.name for setting in SETTINGS}
    for name in ("bot", "bot-webhook"):
        assert set(SERVICES[name].get("environment", {})) <= known

"""deploy/sanctuary-bot.service: a hardened unit systemd itself accepts."""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from bot.settings import SETTINGS

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "deploy" / "sanctuary-bot.service"
EXEC = "/opt/sanctuary-bot/.venv/bin/sanctuary-bot"


def parse_unit(text: str) -> dict[str, dict[str, list[str]]]:
    """Sections of a unit file; a key may repeat (systemd keeps every assignment)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], defaultdict(list))
            continue
        assert current is not None, f"assignment outside a section: {line}"
        key, sep, value = line.partition("=")
        assert sep, f"not an assignment: {line}"
        current[key.strip()].append(value.strip())
    return sections


UNIT_SECTIONS = parse_unit(UNIT.read_text())
SERVICE = UNIT_SECTIONS["Service"]


def one(key: str) -> str:
    values = SERVICE[key]
    assert len(values) == 1, f"{key} set {len(values)} times"
    return values[0]


def test_has_unit_service_and_install_sections() -> None:
    assert set(UNIT_SECTIONS) == {"Unit", "Service", "Install"}
    assert UNIT_SECTIONS["Install"]["WantedBy"] == ["multi-user.target"]
    assert "network-online.target" in UNIT_SECTIONS["Unit"]["After"][0]


def test_runs_the_bot_from_its_venv_and_reads_its_environment_file() -> None:
    assert one("ExecStart") == f"{EXEC} run"
    assert one("EnvironmentFile") == "/etc/sanctuary-bot/env"
    assert one("KillSignal") == "SIGTERM"
    assert one("Restart") == "on-failure"
    assert one("RestartSec")
    assert one("RestartPreventExitStatus") == "2"  # configuration errors do not loop
    assert one("ExecReload") == "/bin/kill -HUP $MAINPID"  # the bot reloads knowledge on HUP


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("DynamicUser", "yes"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("NoNewPrivileges", "yes"),
        ("PrivateTmp", "yes"),
        ("PrivateDevices", "yes"),
        ("CapabilityBoundingSet", ""),
        ("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"),
        ("LockPersonality", "yes"),
        ("MemoryDenyWriteExecute", "yes"),
        ("RestrictNamespaces", "yes"),
        ("RestrictSUIDSGID", "yes"),
        ("ProtectKernelTunables", "yes"),
        ("ProtectKernelModules", "yes"),
        ("ProtectControlGroups", "yes"),
        ("SystemCallArchitectures", "native"),
        ("UMask", "0077"),
    ],
)
def test_hardening(key: str, value: str) -> None:
    assert one(key) == value


def test_system_calls_are_limited_to_a_service_s_needs() -> None:
    assert SERVICE["SystemCallFilter"][0] == "@system-service"
    assert all(value.startswith("~") for value in SERVICE["SystemCallFilter"][1:])


def test_writes_only_to_its_state_directory() -> None:
    assert one("StateDirectory") == "sanctuary-bot"
    assert "ReadWritePaths" not in SERVICE
    assert "/opt/sanctuary-bot" in one("ReadOnlyPaths").split()


def test_environment_names_set_by_the_unit_are_real_settings() -> None:
    known = {setting.name for setting in SETTINGS}
    names = {value.split("=", 1)[0] for value in SERVICE["Environment"]}
    assert {name for name in names if not name.startswith("PYTHON")} <= known
    assert "SANCTUARY_KNOWLEDGE" in names  # a non-editable install has no bundled path
    state = f"/var/lib/{one('StateDirectory')}/"
    assert "SANCTUARY_HEALTH_FILE=" + state + "heartbeat" in SERVICE["Environment"]


def test_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # verify also checks that ExecStart exists: point it at a stand-in executable.
    stand_in = tmp_path / "sanctuary-bot"
    stand_in.write_text("#!/bin/sh\nexit 0\n")
    stand_in.chmod(0o755)
    unit = tmp_path / "sanctuary-bot.service"
    unit.write_text(UNIT.read_text().replace(EXEC, str(stand_in)))
    result = subprocess.run(  # noqa: S603 - a fixed argument list
        [analyze, "verify", str(unit)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Unknown key" not in result.stderr
    assert "ignoring" not in result.stderr

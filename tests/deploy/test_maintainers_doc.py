"""docs/maintainers.md: its worked example validates; its links lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import main

REPO = Path(__file__).resolve().parents[2]
DOCS = ["docs/maintainers.md", "docs/deploy.md", "deploy/README.md"]
FENCE = re.compile(r"```(?:yaml|text)\n(.*?)```", re.DOTALL)
MARKER = re.compile(r"(?:# )?EXAMPLE FILE: (\S+)\n")


def example_files() -> dict[str, str]:
    """relative path -> content of each block marked 'EXAMPLE FILE: <path>'."""
    files = {}
    for block in FENCE.findall((REPO / "docs" / "maintainers.md").read_text()):
        if match := MARKER.match(block):
            files[match[1]] = block[match.end() :]
    return files


def write_example(root: Path) -> tuple[Path, Path]:
    knowledge, texts = root / "knowledge", root / "texts"
    for rel, content in example_files().items():
        base = texts if rel.startswith("texts/") else knowledge
        path = base / rel.removeprefix("texts/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return knowledge, texts


def test_the_example_covers_a_source_a_place_a_topic_and_the_article() -> None:
    assert set(example_files()) == {
        "texts/example_exampleton.txt",
        "sources.yaml",
        "jurisdictions/vt/exampleton.yaml",
        "topics.yaml",
    }


def test_the_worked_example_validates_with_its_quotes_verbatim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    knowledge, texts = write_example(tmp_path)
    status = main(["validate", str(knowledge), "--texts", str(texts)])
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.splitlines()[-1].startswith(
        "knowledge OK: 1 source, 1 jurisdiction, 1 topic, 1 quote"
    )
    assert "error" not in out


def test_the_example_fails_when_its_quote_is_tidied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    knowledge, texts = write_example(tmp_path)
    place = knowledge / "jurisdictions" / "vt" / "exampleton.yaml"
    place.write_text(place.read_text().replace("not to check papers", "not to check ID"))
    assert main(["validate", str(knowledge), "--texts", str(texts)]) == 1
    assert "not verbatim" in capsys.readouterr().out


def test_the_example_is_not_in_the_real_knowledge_base() -> None:
    assert not (REPO / "knowledge" / "jurisdictions" / "vt" / "exampleton.yaml").exists()
    for path in (REPO / "knowledge").rglob("*.yaml"):
        assert "example-gazette" not in path.read_text(), path


@pytest.mark.parametrize("doc", DOCS)
def test_relative_links_point_at_files_that_exist(doc: str) -> None:
    path = REPO / doc
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", path.read_text()):
        if "://" in target:
            continue
        assert (path.parent / target).exists(), f"{doc} links to missing {target}"

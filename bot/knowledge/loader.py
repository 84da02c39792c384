"""The one place that reads the knowledge YAML: every file, every problem, then typed records.

All problems in all files are collected before anything is raised, so a maintainer fixes a
broken edit in one pass instead of one error per run. Only yaml's safe loader is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge import schema
from bot.knowledge.model import KnowledgeBase, Quote
from bot.knowledge.records import Records
from bot.knowledge.schema import Entry, KeyPath, Lines, Problem

__all__ = ["KnowledgeError", "Loaded", "Problem", "check_knowledge", "load_knowledge"]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the same rules, in C if built


class _SafeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loading, except that dates stay text, so '2017-02-30' is reported, not raised."""


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_str)

FILE_LIMIT = 256 * 1024  # bytes per file: ten times the largest place file
TOTAL_LIMIT = 8 * 1024 * 1024  # bytes for the whole knowledge base
ALIAS_BUDGET = (
    1000  # values an alias (*name) may repeat in one file: a few are handy, a bomb is not
)


class KnowledgeError(Exception):
    """The knowledge base has errors; `problems` lists every one (and any warnings)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        errors = [str(p) for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the knowledge base:\n" + "\n".join(errors))


@dataclass
class Loaded:
    """What `check_knowledge` found: the records that are valid, and every problem."""

    knowledge: KnowledgeBase
    problems: list[Problem]
    origins: dict[int, tuple[object, str, int]] = field(default_factory=dict, repr=False)
    quotes: list[Quote] = field(default_factory=list, repr=False)  # even in invalid records

    def where(self, record: object) -> tuple[str, int]:
        """The (file, line) a loaded record (source, jurisdiction, quote…) was read from."""
        _, file, line = self.origins[id(record)]
        return file, line

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_knowledge(path: Path) -> KnowledgeBase:
    """Load the knowledge directory at `path`; raise KnowledgeError listing every error."""
    loaded = check_knowledge(path)
    if loaded.errors:
        raise KnowledgeError(loaded.problems)
    return loaded.knowledge


def check_knowledge(path: Path) -> Loaded:
    """Read everything under `path`, keeping the valid records and collecting all problems.

    Problems come in file order (sources, topics, jurisdictions by path), then line order.
    """
    root = Path(path)
    loaded = Loaded(KnowledgeBase(), [])
    records = Records(loaded.problems, loaded.origins, loaded.quotes)
    if not root.is_dir():
        loaded.problems.append(Problem(".", 0, f"knowledge directory not found: {root}"))
        return loaded
    places = _jurisdiction_files(root, loaded.problems)
    if _too_big(root, ["sources.yaml", *_source_files(root), "topics.yaml", *places], loaded):
        return loaded
    _read_sources(root, records, loaded.knowledge)
    for entry in _list_file(root, "topics.yaml", "topic", records) or []:
        if topic := records.topic(entry):
            loaded.knowledge.topics[topic.id] = topic
    for rel in places:
        start = len(loaded.problems)
        jid, state = records.place(rel)
        data = _read(root, rel, dict, "a mapping of fields (name:, type:, stance:, ...)", records)
        place = Entry(loaded.problems, rel, data[1], (), "", data[0], start) if data else None
        if place and (jurisdiction := records.jurisdiction(place, jid, state)):
            loaded.knowledge.jurisdictions[jurisdiction.id] = jurisdiction
    loaded.problems.sort(key=Problem.sort_key)
    return loaded


def _read_sources(root: Path, records: Records, kb: KnowledgeBase) -> None:
    """sources.yaml, then sources/*.yaml in name order: ids unique across all of them."""
    sources = _list_file(root, "sources.yaml", "source", records)
    records.check_references = sources is not None  # else every reference would be reported
    entries = list(sources or [])
    for rel in _source_files(root):
        entries += _list_file(root, rel, "source", records) or []
    for entry in entries:
        if source := records.source(entry):
            kb.sources[source.id] = source


def _source_files(root: Path) -> list[str]:
    folder = root / "sources"
    if not folder.is_dir():
        return []
    found = (p for p in folder.glob("*.yaml") if p.is_file() and not p.name.startswith("."))
    return sorted(p.relative_to(root).as_posix() for p in found)


def _too_big(root: Path, files: list[str], loaded: Loaded) -> bool:
    """Report a knowledge base over TOTAL_LIMIT: nothing is read then. (Files: see _read.)"""
    total = 0
    for rel in files:
        try:
            total += (root / rel).stat().st_size
        except OSError:
            continue  # reported when the file is read
    if total <= TOTAL_LIMIT:
        return False
    message = (
        f"the knowledge base is {_megabytes(total)}, over the {_megabytes(TOTAL_LIMIT)} "
        "limit: nothing was read; remove the large or unrelated files"
    )
    loaded.problems.append(Problem(".", 0, message))
    return True


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def read_yaml(path: Path) -> tuple[object, Lines, list[tuple[int, str]]]:
    """The data, the line of every key path, and (line, message) problems in the file.

    Raises ValueError(line, message) when the file cannot be read as YAML at all.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ValueError(line, "not UTF-8 text: save the file with UTF-8 encoding") from None
    loader = _SafeLoader(text)
    try:
        node = _compose(loader, aliases="&" in text and "*" in text)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ValueError(mark.line + 1 if mark else 1, _syntax_message(error)) from None
    except yaml.YAMLError as error:
        raise ValueError(1, f"invalid YAML: {schema.brief(str(error))}") from None
    except _AliasBombError as bomb:
        message = "too many aliased values (an alias bomb?): write the values out"
        raise ValueError(bomb.line, message) from None
    except RecursionError:
        raise ValueError(1, "values nested too deeply: flatten the file") from None
    except ValueError as error:  # e.g. a number of 5,000 digits
        why = schema.brief(str(error), quoted=False)
        raise ValueError(1, f"a value cannot be read ({why}): put it in quotes") from None
    finally:
        loader.dispose()
    lines: Lines = {}
    problems: list[tuple[int, str]] = []
    if node is not None:
        _map_lines(node, (), lines, problems)
    return data, lines, problems


class _AliasBombError(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _compose(loader: Any, aliases: bool) -> yaml.Node | None:
    """The file's node tree, refused when aliases would repeat more than ALIAS_BUDGET values.

    Aliases share nodes, so composing is cheap, but anything that walks the values (a
    message, an export) would expand an alias bomb exponentially; count before that.
    """
    node: yaml.Node | None = loader.get_single_node()
    if node is not None and aliases:  # without an anchor (&) and an alias (*) there are none
        _count_aliased(node)
    return node


def _count_aliased(root: yaml.Node) -> None:
    """Raise _AliasBombError(line) if aliases repeat more than ALIAS_BUDGET values."""
    sizes: dict[int, int] = {}  # id(node) -> how many values it holds, aliases expanded
    aliased = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    seen: set[int] = set()
    while stack:  # children first, iteratively: a deep file cannot exhaust the stack
        node, expanded = stack.pop()
        children = _children(node)
        if not expanded:
            if id(node) in seen:  # written again through an alias
                aliased += sizes.get(id(node), 1)
                if aliased > ALIAS_BUDGET:
                    raise _AliasBombError(node.start_mark.line + 1)
                continue
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children)
        else:
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 1) for child in children)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    """PyYAML's own words for the problem, plus the usual fix."""
    hint = "check the indentation, and put text containing ': ' or ' #' in quotes"
    if "tag" in str(error.problem):
        hint = "remove the '!' tag: only plain text, numbers, lists and mappings are read"
    detail = error.problem or "unreadable"
    mark, opened_at = error.problem_mark, error.context_mark
    opened = (error.context or "").startswith("while parsing ")  # e.g. an unclosed [
    if opened and opened_at and mark and opened_at.line != mark.line:
        where = str(error.context).removeprefix("while parsing ")
        detail += f" in {where} starting on line {opened_at.line + 1}"
    return f"invalid YAML ({detail}): {hint}"


def _map_lines(
    node: yaml.Node,
    path: KeyPath,
    lines: Lines,
    problems: list[tuple[int, str]],
    seen: set[int] | None = None,
) -> None:
    """Record where each key (and list item) is written; report keys written twice."""
    seen = set() if seen is None else seen
    lines.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:  # an alias (*name) of a node already walked: its lines are known
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = (*path, str(key.value))
            if sub in lines:
                message = (
                    f"field {schema.brief(key.value)} appears twice (first on line {lines[sub]})"
                )
                problems.append((key.start_mark.line + 1, message + ": keep one"))
                continue
            lines[sub] = key.start_mark.line + 1
            _map_lines(value, sub, lines, problems, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _map_lines(item, (*path, i), lines, problems, seen)


def _read(
    root: Path, rel: str, expected: type, what: str, records: Records
) -> tuple[object, Lines] | None:
    """Parsed data and its line map, or None after reporting why the file is unusable."""
    problems = records.problems
    try:
        size = (root / rel).stat().st_size
        if size > FILE_LIMIT:
            todo = "split it or shorten its texts"
            limit = f"{FILE_LIMIT // 1024} KB"
            problems.append(
                Problem(rel, 0, f"file is {size // 1024} KB, over the {limit} limit: {todo}")
            )
            return None
        data, lines, found = read_yaml(root / rel)
    except ValueError as error:
        problems.append(Problem(rel, *error.args))
        return None
    except OSError as error:
        problems.append(Problem(rel, 0, f"cannot read the file: {error.strerror}"))
        return None
    problems.extend(Problem(rel, line, message) for line, message in found)
    if data is None or data == [] or data == {}:
        problems.append(Problem(rel, 1, f"file is empty: expected {what}"))
        return None
    if not isinstance(data, expected):
        problems.append(Problem(rel, 1, f"expected {what}, not {schema.describe(data)}"))
        return None
    return data, lines


def _list_file(root: Path, rel: str, kind: str, records: Records) -> list[Entry] | None:
    """One Entry per item of a list file such as sources.yaml; None if it is unusable."""
    what = f"a list of {kind}s, each starting '- id:'"
    if not (root / rel).is_file():
        records.problems.append(Problem(rel, 0, f"file not found: create it with {what}"))
        return None
    read = _read(root, rel, list, what, records)
    if read is None:
        return None
    data, lines = read
    items = data if isinstance(data, list) else []  # _read checked it is a list
    where = f"{kind} #%d: "
    return [Entry(records.problems, rel, lines, (i,), where % (i + 1), item)
            for i, item in enumerate(items)]  # fmt: skip


def _jurisdiction_files(root: Path, problems: list[Problem]) -> list[str]:
    """jurisdictions/<state>/<id>.yaml, by path; misplaced or misnamed files are reported."""
    folder = root / "jurisdictions"
    if not folder.is_dir():
        problems.append(Problem("jurisdictions", 0, "folder not found: create it"))
        return []
    found = []
    for path in folder.rglob("*.y*ml"):
        rel = path.relative_to(root).as_posix()
        if path.name.startswith(".") or not path.is_file() or path.suffix not in (".yaml", ".yml"):
            continue
        if path.suffix == ".yml":
            problems.append(Problem(rel, 0, f"rename the file to {path.stem}.yaml to load it"))
        elif len(path.relative_to(folder).parts) != 2:
            todo = "move the file to jurisdictions/<state code>/<id>.yaml to load it"
            problems.append(Problem(rel, 0, todo))
        else:
            found.append(rel)
    return sorted(found)

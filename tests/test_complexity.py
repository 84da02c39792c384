"""No function in bot/ is more complex than CC 15 (radon's cyclomatic complexity): the
question path was split so that each rule is small enough to read and test on its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

MAX_COMPLEXITY = 15
BOT = Path(__file__).resolve().parents[1] / "bot"


def _functions(blocks: list[Function | Class]) -> Iterator[Function]:
    for block in blocks:
        if isinstance(block, Class):
            yield from _functions(list(block.methods) + list(block.inner_classes))
        else:
            yield block
            yield from _functions(list(block.closures))


def measured() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted(BOT.rglob("*.py")):
        module = path.relative_to(BOT).as_posix()
        for function in _functions(cc_visit(path.read_text(encoding="utf-8"))):
            found[f"{module}:{function.fullname}"] = function.complexity
    return found


def test_no_function_in_bot_is_above_the_limit() -> None:
    over = {name: cc for name, cc in measured().items() if cc > MAX_COMPLEXITY}
    assert over == {}, f"split these functions (radon CC > {MAX_COMPLEXITY}): {over}"


def test_the_measure_sees_methods_and_nested_functions() -> None:
    found = measured()
    assert "understanding/question.py:QuestionReader.read" in found
    assert "understanding/places.py:PlaceIndex._exact" in found

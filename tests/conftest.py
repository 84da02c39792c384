"""Fixtures shared by every test package: the bundled knowledge base and an engine on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase

REPO = Path(__file__).resolve().parents[1]
BUNDLED_KNOWLEDGE = REPO / "knowledge"


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge(BUNDLED_KNOWLEDGE)


@pytest.fixture(scope="session")
def engine(knowledge: KnowledgeBase) -> Engine:
    return Engine(knowledge)

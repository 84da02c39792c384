"""The console transports: `ask` (one-shot or one question per stdin line) and `chat`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.answer.render import render_text, to_json
from bot.conversation import follow_up_context
from bot.engine import Engine
from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.knowledge.paths import default_knowledge_dir


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ask = commands.add_parser("ask", help="answer one question (or one per line on stdin)")
    ask.add_argument("question", nargs="*", help="the question; omit to read lines from stdin")
    ask.add_argument("--lang", choices=("en", "es"), help="answer in this language")
    ask.add_argument("--json", action="store_true", help="print one JSON object per answer")
    ask.add_argument("--knowledge", type=Path, help="knowledge base directory")
    ask.set_defaults(handler=run_ask)

    chat = commands.add_parser("chat", help="chat with the bot in this terminal")
    chat.add_argument("--lang", choices=("en", "es"), help="answer in this language")
    chat.add_argument("--knowledge", type=Path, help="knowledge base directory")
    chat.set_defaults(handler=run_chat)


def load_engine(path: Path | None) -> Engine | None:
    """The engine on the given or bundled knowledge; problems go to stderr as file:line."""
    try:
        return Engine(load_knowledge(path or default_knowledge_dir()))
    except KnowledgeError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return None


def run_ask(args: argparse.Namespace) -> int:
    engine = load_engine(args.knowledge)
    if engine is None:
        return 1
    questions = [" ".join(args.question)] if args.question else None
    for line in questions if questions is not None else sys.stdin:
        answer = engine.answer(line.rstrip("\r\n"), args.lang)
        if args.json:
            print(json.dumps(to_json(answer), ensure_ascii=False), flush=True)
        else:
            print(render_text(answer), end="\n\n" if questions is None else "\n", flush=True)
    return 0


def run_chat(args: argparse.Namespace) -> int:
    engine = load_engine(args.knowledge)
    if engine is None:
        return 1
    greeting = engine.help(args.lang or "en")
    print(render_text(greeting))
    print("\n(Type a question and press Enter; Ctrl-D or 'quit' to leave.)\n")
    previous: str | None = None
    while True:
        try:
            line = input("you> ")
        except EOFError:
            print()
            return 0
        if line.strip().lower() in ("quit", "exit", "salir"):
            return 0
        answer = engine.answer(line, args.lang, previous=previous)
        previous = follow_up_context(answer, previous)  # "what did the mayor say?" follows up
        print(f"\n{render_text(answer)}\n")

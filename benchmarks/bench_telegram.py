"""Benchmark the Telegram transport: updates through the running bot and a fake Bot API.

    .venv/bin/python benchmarks/bench_telegram.py [--updates 3000] [--fake-engine]

Not a test. It starts the fake Bot API server the tests use (127.0.0.1, random port),
runs the real Application with long polling against it, the real answer engine on the
bundled knowledge base (or --fake-engine), and pushes a mix of updates: private questions
in English and Spanish, commands, group messages with and without a mention, inline
queries. It prints updates handled per second and the handling time of each update, from
getUpdates delivering it to the bot's reply reaching the server (p50, p90, p99, max),
first in a burst (every update queued at once: throughput) and then paced at half that
rate (handling time without a queue).
Telegram's flood limits are off (they would cap throughput at ~30 messages a second);
--telegram-limits turns them on. Everything stays on this machine and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "tests" / "telegram")]

from tg_fake_api import FakeBotAPI  # noqa: E402
from tg_updates import BOT_NAME, GROUP, inline_update, message  # noqa: E402

from bot.knowledge.paths import default_knowledge_dir  # noqa: E402
from bot.settings import FloodLimits, Settings  # noqa: E402
from bot.telegram.app import build_application  # noqa: E402
from bot.telegram.ratelimit import ChatRateLimiter  # noqa: E402
from bot.telegram.reload import LiveKnowledge  # noqa: E402
from bot.telegram.runner import serve_polling  # noqa: E402

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"  # noqa: S105 - a fake
QUESTIONS = ["Is Denver a sanctuary city?", "¿Es Houston una ciudad santuario?",
             "What did the mayor of Chicago say?", "Portland", "sanctuary cities in California",
             "¿Qué es una ciudad santuario?", "is new york a sanctuary", "Boston?",
             "hello", "Which cities are sanctuary cities?", "seattle mayor quote"]  # fmt: skip
COMMANDS = ["/list", "/help", "/city Chicago", "/list CA", "/topics", "/about"]


def make_updates(count: int, rng: random.Random) -> tuple[list[dict[str, Any]], int]:
    """The mix of updates, and how many of them expect a response."""
    updates, expected = [], 0
    for n in range(count):
        user = {"id": 10_000_000 + n, "is_bot": False, "first_name": "U",
                "language_code": rng.choice(["en", "es"])}  # fmt: skip
        roll = rng.random()
        if roll < 0.60:
            updates.append({"message": message(rng.choice(QUESTIONS), user=user)})
        elif roll < 0.75:
            updates.append({"message": message(rng.choice(COMMANDS), user=user)})
        elif roll < 0.85:
            text = f"@{BOT_NAME} {rng.choice(QUESTIONS)}"
            updates.append({"message": message(text, user=user, chat=GROUP)})
        elif roll < 0.92:
            updates.append({"message": message("see you at the meeting", user=user, chat=GROUP)})
            continue  # ignored: no response expected
        else:
            updates.append(
                inline_update(rng.choice(["denver", "chi", "", "nueva york"]), user=user)
            )
        expected += 1
    return updates, expected


def response_key(call: Any) -> Any:
    """Which update a response belongs to: the private chat, group reply, or inline query."""
    if call.method == "answerInlineQuery":
        return ("inline", call.params["inline_query_id"])
    if call.method == "sendMessage":
        reply = call.params.get("reply_parameters")
        if reply:
            return ("group", reply["message_id"])
        return ("chat", call.params["chat_id"])
    return None


def update_key(update: dict[str, Any]) -> Any:
    if "inline_query" in update:
        return ("inline", update["inline_query"]["id"])
    msg = update["message"]
    if msg["chat"]["type"] == "private":
        return ("chat", msg["chat"]["id"])
    return ("group", msg["message_id"])


async def phase(
    api: FakeBotAPI, count: int, rng: random.Random, rate: float | None, within: float
) -> tuple[int, float, list[float], int]:
    """Push `count` updates (all at once, or `rate` a second); wait for every response.

    Returns (responses, seconds from the first push to the last response, sorted handling
    times, updates pushed).
    """
    updates, expected = make_updates(count, rng)
    keys: dict[Any, int] = {}
    calls_before = len(api.calls)
    first = time.monotonic()
    for n, update in enumerate(updates):
        if rate:
            await asyncio.sleep(max(0.0, first + n / rate - time.monotonic()))
        keys[update_key(update)] = await api.push(update)

    seen = {"index": calls_before, "answered": 0}

    def all_answered() -> bool:  # incremental: called after every request the server handles
        for call in api.calls[seen["index"] :]:
            seen["answered"] += response_key(call) in keys
        seen["index"] = len(api.calls)
        return seen["answered"] >= expected

    try:
        await api.wait_until(all_answered, within=within)
    except TimeoutError:
        print(f"  stopped after {within}s without every response")
    responses: dict[Any, float] = {}
    for call in api.calls[calls_before:]:
        key = response_key(call)
        if key in keys and key not in responses:
            responses[key] = call.at
    latencies = sorted(responses[k] - api.delivered[keys[k]] for k in responses)
    api.forget_confirmed()
    return len(responses), max(responses.values(), default=first) - first, latencies, count


def report(name: str, result: tuple[int, float, list[float], int]) -> None:
    responses, elapsed, latencies, pushed = result
    print(f"{name}: {pushed} updates, {responses} responses in {elapsed:.2f}s "
          f"= {pushed / elapsed:.0f} updates/s handled")  # fmt: skip
    if len(latencies) > 2:
        q = statistics.quantiles(latencies, n=100)
        print(f"  handling time (delivered by getUpdates -> reply received): "
              f"p50 {q[49] * 1000:.1f} ms, p90 {q[89] * 1000:.1f} ms, "
              f"p99 {q[98] * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms")  # fmt: skip


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    api = await FakeBotAPI(TOKEN).start()
    workdir = Path(tempfile.mkdtemp(prefix="bench-telegram-"))
    try:
        if args.fake_engine:
            from tg_engine import FakeEngine
            from tg_knowledge import write_knowledge

            knowledge = LiveKnowledge(write_knowledge(workdir / "k"), make_engine=FakeEngine)
        else:
            knowledge = LiveKnowledge(default_knowledge_dir())
        started = time.perf_counter()
        if not knowledge.load_now().ok:
            raise SystemExit(f"knowledge base does not load: {knowledge.last_result}")
        print(f"knowledge and engine loaded in {time.perf_counter() - started:.2f}s")
        flood = FloodLimits(messages=10**6, window=1, cooldown=0)
        settings = Settings(token=TOKEN, api_base_url=api.base_url, reload_interval=0, flood=flood)
        limiter = ChatRateLimiter(overall_max_rate=0, group_max_rate=0, chat_max_rate=0)
        if args.telegram_limits:
            limiter = ChatRateLimiter()
        app = build_application(settings, knowledge, rate_limiter=limiter)
        stop = asyncio.Event()
        bot = asyncio.create_task(serve_polling(app, stop, poll_timeout=1))
        try:
            await api.wait_call("getUpdates", within=30)
            burst = await phase(api, args.updates, rng, None, args.timeout)
            report("burst (all queued at once)", burst)
            rate = args.rate or max(1.0, 0.5 * burst[3] / max(burst[1], 1e-3))
            paced = await phase(api, max(200, args.updates // 3), rng, rate, args.timeout)
            report(f"paced ({rate:.0f} updates/s arriving)", paced)
            print(f"server refused: {len(api.errors)} request(s)")
        finally:
            stop.set()
            await bot
    finally:
        await api.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        "note: the fake server runs in the same process and shares its CPU; in the burst, "
        "handling time is mostly waiting behind earlier updates (32 run concurrently)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=300.0, help="give up after (seconds)")
    parser.add_argument(
        "--rate",
        type=float,
        help="paced phase: updates a second (default: half the burst throughput)",
    )
    parser.add_argument("--fake-engine", action="store_true", help="transport cost only")
    parser.add_argument("--telegram-limits", action="store_true", help="keep ~30 msg/s etc.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    import os

    os.environ.setdefault("PTB_TIMEDELTA", "1")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()

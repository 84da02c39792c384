"""Benchmark the bot under faults: outages, shutdown with a backlog, a 50,000-chat burst.

    .venv/bin/python benchmarks/bench_faults.py [--quick]

Not a test. It starts the fake Bot API server the tests use (127.0.0.1, random port) and
runs the real `sanctuary-bot run` process against it, with its production settings
(Telegram's flood limits on: about 30 messages a second) and the bundled knowledge base.
It prints:
- questions lost per second of outage: 1,000 questions queued, the API down for a few
  seconds (connections refused and cut) while the bot works through them (goal: 0);
- shutdown time with 1,000 and 5,000 questions queued, and with 1,000 while every
  sendMessage takes 12 s (so that the 20 s stop deadline ends it): SIGTERM a few seconds
  into the backlog; how long the process takes to exit, how many it answered, how many it
  left unconfirmed at Telegram for the next process, and how many it confirmed without
  answering (lost; goal 0);
- peak RSS of the bot process in the first minute of a burst of 50,000 questions from
  50,000 different chats (the backlog stays at Telegram, not in the bot's memory).
Everything stays on this machine and stops by itself; --quick runs smaller numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "tests" / "telegram")]

from tg_fake_api import FakeBotAPI  # noqa: E402
from tg_updates import message  # noqa: E402

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"  # noqa: S105 - a fake
QUESTION = "Is Denver a sanctuary city?"


def user(n: int) -> dict[str, Any]:
    return {"id": 10_000_000 + n, "is_bot": False, "first_name": "U", "language_code": "en"}


class Bot:
    """`sanctuary-bot run` in its own process, against `api`."""

    def __init__(self, api: FakeBotAPI, workdir: Path) -> None:
        self.api = api
        self.workdir = workdir
        self.process: asyncio.subprocess.Process | None = None
        self.log = workdir / "bot.log"

    async def start(self) -> None:
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("SANCTUARY_", "TELEGRAM_", "WEBHOOK_"))}  # fmt: skip
        env = {**inherited, "PYTHONPATH": str(REPO), "TELEGRAM_BOT_TOKEN": TOKEN,
               "TELEGRAM_API_BASE_URL": self.api.base_url, "LOG_LEVEL": "WARNING",
               "SANCTUARY_RELOAD_INTERVAL": "0",
               "SANCTUARY_HEALTH_FILE": str(self.workdir / "heartbeat")}  # fmt: skip
        seen = len(self.api.sent("getUpdates"))
        with self.log.open("a") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=self.workdir, env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=log,
            )  # fmt: skip
        await self.api.wait_until(lambda: len(self.api.sent("getUpdates")) > seen, within=60)

    def rss(self, field: str = "VmRSS") -> float:
        """Resident memory of the bot process in MB (VmHWM: the peak so far)."""
        pid = self.process.pid if self.process is not None else "self"
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        return float("nan")

    async def stop(self) -> tuple[float, int | None]:
        """SIGTERM; seconds until the process exits, and its exit status."""
        if self.process is None:
            return 0.0, None
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.wait_for(self.process.wait(), 120)
        except TimeoutError:
            self.process.kill()
            code = await self.process.wait()
        return time.monotonic() - started, code


def answered(api: FakeBotAPI) -> set[Any]:
    return {c.chat_id for c in api.sent("sendMessage") if c.status == 200}


async def push_questions(api: FakeBotAPI, count: int, first: int = 0) -> dict[int, int]:
    """update_id -> chat id, one question from each of `count` new users."""
    chats = {}
    for n in range(first, first + count):
        person = user(n)
        chats[await api.push({"message": message(QUESTION, user=person)})] = person["id"]
    return chats


async def outage(seconds: float, queued: int, workdir: Path) -> dict[str, Any]:
    api = await FakeBotAPI(TOKEN).start()
    bot = Bot(api, workdir)
    try:
        await bot.start()
        chats = await push_questions(api, queued)
        await api.wait_until(lambda: len(answered(api)) >= 60, within=60)
        before = len(answered(api))
        await api.go_down()
        await asyncio.sleep(seconds)
        await api.come_back()
        began = time.monotonic()
        want = set(chats.values())
        with contextlib.suppress(TimeoutError):
            await api.wait_until(lambda: want <= answered(api), within=queued / 20 + 60)
        lost = len(want - answered(api))
        return {"outage_s": seconds, "queued": queued, "answered_before": before,
                "lost": lost, "lost_per_s": lost / seconds,
                "drained_after_s": round(time.monotonic() - began, 1)}  # fmt: skip
    finally:
        await bot.stop()
        await api.stop()


async def shutdown(queued: int, workdir: Path, slow: float = 0.0) -> dict[str, Any]:
    """SIGTERM with `queued` questions at the API; `slow`: seconds each sendMessage takes
    from then on (a slow API, so that the stop deadline is what ends the process)."""
    api = await FakeBotAPI(TOKEN).start()
    bot = Bot(api, workdir)
    try:
        await bot.start()
        chats = await push_questions(api, queued)
        await api.wait_until(lambda: len(answered(api)) >= 60, within=60)
        api.delay["sendMessage"] = slow
        took, code = await bot.stop()
    finally:
        if bot.process is not None and bot.process.returncode is None:
            bot.process.kill()
        await api.stop()
    done = answered(api)
    confirmed = [update_id for update_id in chats if update_id < api.offset]
    return {"queued": queued, "slow_send_s": slow, "exit_s": round(took, 1), "exit_status": code,
            "answered": len(done), "left_at_telegram": queued - len(confirmed),
            "confirmed_unanswered": sum(chats[u] not in done for u in confirmed)}  # fmt: skip


async def burst(chats: int, window: float, workdir: Path) -> dict[str, Any]:
    api = await FakeBotAPI(TOKEN).start()
    bot = Bot(api, workdir)
    try:
        await bot.start()
        idle = bot.rss()
        await push_questions(api, chats)
        peak_backlog = 0
        ends = time.monotonic() + window
        while time.monotonic() < ends:
            await asyncio.sleep(0.5)
            peak_backlog = max(peak_backlog, len(api.delivered) - len(answered(api)))
        return {"chats": chats, "window_s": window, "rss_idle_mb": round(idle, 1),
                "rss_peak_mb": round(bot.rss("VmHWM"), 1), "answered": len(answered(api)),
                "fetched": len(api.delivered), "peak_fetched_unanswered": peak_backlog}  # fmt: skip
    finally:
        await bot.stop()
        await api.stop()


async def run(quick: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        print("Outage (API down, connections refused and cut) with a backlog:")
        for seconds in (3.0,) if quick else (5.0, 10.0):
            print("  ", await outage(seconds, 300 if quick else 1000, workdir))
        print("SIGTERM with a backlog (stop deadline 20 s, stop window 30 s):")
        for queued in (300,) if quick else (1000, 5000):
            print("  ", await shutdown(queued, workdir))
        if not quick:
            print("  ", await shutdown(1000, workdir, slow=12.0))
        print("Burst from distinct chats:")
        print("  ", await burst(5000 if quick else 50_000, 20 if quick else 60, workdir))
        problems = [line for line in (workdir / "bot.log").read_text().splitlines()
                    if "Traceback" in line or " ERROR " in line]  # fmt: skip
        print(f"Bot log: {len(problems)} error line(s)")
        for line in problems[:5]:
            print("  ", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller numbers (about a minute)")
    args = parser.parse_args()
    asyncio.run(run(args.quick))


if __name__ == "__main__":
    main()

"""Fixtures for the Telegram transport tests (defined in tg_harness.py)."""

from tg_harness import bot, start_bot

__all__ = ["bot", "start_bot"]

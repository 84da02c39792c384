"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests and the benchmark.

It speaks the Bot API over HTTP as python-telegram-bot's own HTTP stack calls it
(form-encoded parameters, JSON values for objects), records every request, delivers
queued updates through long-polled getUpdates, and checks what Telegram checks: HTML that
would not parse, text over 4096 characters, callback data over 64 bytes; getUpdates
returns at most `limit` (at most 100) updates, from `offset` on, as Telegram does. A test
can make the next call of a method fail (e.g. a 429 with `retry_after`, a 500, or status 0:
the connection is dropped without an answer, a network error), slow a method down
(`delay`), and take the whole server down and back up on the same port (`go_down`,
`come_back`), which also cuts open keep-alive connections, like a real outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import tornado.httpserver
import tornado.netutil
import tornado.web
from html_check import html_problems, visible_text

BOT_USER = {
    "id": 4242424242, "is_bot": True, "first_name": "Sanctuary", "username": "SanctuaryTestBot",
    "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True,
}  # fmt: skip
_RAW = {"text", "callback_query_id", "inline_query_id", "url", "secret_token", "language_code",
        "parse_mode", "next_offset", "inline_message_id", "caption"}  # fmt: skip


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    status: int = 200
    result: Any = None  # what the server answered (e.g. the Message a sendMessage created)

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")

    @property
    def text(self) -> str:
        return self.params.get("text", "")

    def buttons(self) -> list[list[tuple[str, str]]]:
        markup = self.params.get("reply_markup") or {}
        return [[(b["text"], b.get("callback_data", "")) for b in row]
                for row in markup.get("inline_keyboard", [])]  # fmt: skip


def _decode(params: dict[str, str]) -> dict[str, Any]:
    decoded: dict[str, Any] = {}
    for key, value in params.items():
        if key in _RAW:
            decoded[key] = value
            continue
        try:
            decoded[key] = json.loads(value)
        except ValueError:
            decoded[key] = value
    return decoded


class FakeBotAPI:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.errors: list[tuple[str, str]] = []  # (method, description) the server refused
        self.updates: list[dict[str, Any]] = []
        self.delivered: dict[int, float] = {}  # update_id -> when getUpdates first returned it
        self.offset = 0
        self._update_ids = itertools.count(1000)
        self._message_ids = itertools.count(500)
        self._failures: dict[str, list[tuple[int, str, dict[str, Any]]]] = {}
        self._changed = asyncio.Condition()
        self._seen: dict[str, int] = {}
        self._server: tornado.httpserver.HTTPServer | None = None
        self._closing = False
        self.delay: dict[str, float] = {}  # method -> seconds each call waits before answering
        self.port = 0

    # --- lifecycle -------------------------------------------------------------------
    async def start(self) -> FakeBotAPI:
        app = tornado.web.Application([(r"/bot([^/]+)/(\w+)", _Handler, {"api": self})],
                                      log_function=lambda _h: None)  # fmt: skip
        sockets = tornado.netutil.bind_sockets(self.port, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        self._closing = False
        self._server = tornado.httpserver.HTTPServer(app)
        self._server.add_sockets(sockets)
        return self

    async def stop(self) -> None:
        self._closing = True
        await self._notify()
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

    async def go_down(self) -> None:
        """An outage: stop listening (connections are refused) and cut open connections."""
        await self.stop()

    async def come_back(self) -> None:
        """The end of the outage: listen again on the same port."""
        await self.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # --- driving ---------------------------------------------------------------------
    async def push(self, update: dict[str, Any]) -> int:
        """Queue one update for getUpdates; returns its update_id."""
        update = {"update_id": next(self._update_ids), **update}
        self.updates.append(update)
        await self._notify()
        return update["update_id"]

    def forget_confirmed(self) -> None:
        """Drop updates the bot has confirmed (long runs such as the benchmark)."""
        self.updates = [u for u in self.updates if u["update_id"] >= self.offset]

    def fail_next(self, method: str, code: int, description: str, **parameters: Any) -> None:
        """The next call of `method` gets `code`; status 0 drops the connection instead, and
        `raw=<value>` answers that JSON value as the whole body."""
        self._failures.setdefault(method, []).append((code, description, parameters))

    def sent(self, method: str | None = None, **where: Any) -> list[Call]:
        return [c for c in self.calls if method in (None, c.method)
                and all(c.params.get(k) == v for k, v in where.items())]  # fmt: skip

    async def wait_call(self, method: str, within: float = 5.0, **where: Any) -> Call:
        """The next call of `method` (matching `where`) not returned before."""
        key = json.dumps([method, where], sort_keys=True, default=str)

        def ready() -> Call | None:
            matches = self.sent(method, **where)
            seen = self._seen.get(key, 0)
            if len(matches) > seen:
                self._seen[key] = seen + 1
                return matches[seen]
            return None

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(ready), within)
        return self.sent(method, **where)[self._seen[key] - 1]

    async def wait_until(self, condition: Callable[[], bool], within: float = 5.0) -> None:
        """Until `condition()` holds, checked after every request the server handles."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(condition), within)

    async def wait_confirmed(self, update_id: int, within: float = 5.0) -> None:
        """Until the bot has fetched `update_id` and asked for the ones after it."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: self.offset > update_id), within)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # --- the Bot API -----------------------------------------------------------------
    async def handle(self, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        call = Call(method, params)
        self.calls.append(call)
        if self.delay.get(method):  # cut short when the server stops
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: self._closing), self.delay[method]
                    )
        if self._failures.get(method):
            code, description, parameters = self._failures[method].pop(0)
            call.status = code
            await self._notify()
            if "raw" in parameters:
                return code, parameters["raw"]
            body = {"ok": False, "error_code": code, "description": description}
            return code, body | ({"parameters": parameters} if parameters else {})
        problem = self._check(method, params)
        if problem:
            call.status = 400
            self.errors.append((method, problem))
            await self._notify()
            return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"}
        if method == "getUpdates":
            result: Any = await self._get_updates(params)
        else:
            result = self._result(method, params)
        call.result = result
        await self._notify()
        return 200, {"ok": True, "result": result}

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        self.offset = max(self.offset, int(params.get("offset") or 0))
        await self._notify()
        pending = lambda: [u for u in self.updates if u["update_id"] >= self.offset]  # noqa: E731
        timeout = float(params.get("timeout") or 0)
        if not pending() and timeout > 0 and not self._closing:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(pending()) or self._closing), timeout
                    )
        batch = pending()[: min(int(params.get("limit") or 100), 100)]
        now = time.monotonic()
        for update in batch:
            self.delivered.setdefault(update["update_id"], now)
        return batch

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        chat = ({"id": chat_id, "type": "private", "first_name": "User"} if chat_id > 0
                else {"id": chat_id, "type": "supergroup", "title": "Group"})  # fmt: skip
        message = {"message_id": params.get("message_id") or next(self._message_ids),
                   "date": int(time.time()), "chat": chat, "from": BOT_USER,
                   "text": visible_text(params.get("text", ""))}  # fmt: skip
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "sendMessage":
            return self._message(params)
        if method == "editMessageText":
            return True if params.get("inline_message_id") else self._message(params)
        if method == "sendPhoto":  # an upload (bytes) or a file_id sent before
            message = self._message(params)
            del message["text"]
            photo = params.get("photo")
            uploaded = not isinstance(photo, str) or photo.startswith("attach://")
            file_id = f"photo-{message['message_id']}" if uploaded else photo
            message["photo"] = [{"file_id": file_id, "file_unique_id": file_id,
                                 "width": 1280, "height": 960}]  # fmt: skip
            message["caption"] = visible_text(params.get("caption", ""))
            return message
        return True  # setMyCommands, answerCallbackQuery, answerInlineQuery, ...

    def _check(self, method: str, params: dict[str, Any]) -> str | None:
        texts = []
        if method in ("sendMessage", "editMessageText"):
            texts.append((params.get("text", ""), params.get("parse_mode"), params))
        if method == "sendPhoto":
            caption = params.get("caption", "")
            if len(visible_text(caption) if params.get("parse_mode") == "HTML" else caption) > 1024:
                return "message caption is too long"
            if params.get("parse_mode") == "HTML" and (problems := html_problems(caption)):
                return f"can't parse entities: {problems[0]}"
        if method == "answerInlineQuery":
            for result in params.get("results", []):
                if len(result["id"].encode()) > 64:
                    return "RESULT_ID_INVALID"
                content = result.get("input_message_content", {})
                texts.append((content.get("message_text", ""), content.get("parse_mode"), result))
        for text, parse_mode, holder in texts:
            if parse_mode == "HTML" and (problems := html_problems(text)):
                return f"can't parse entities: {problems[0]}"
            visible = visible_text(text) if parse_mode == "HTML" else text
            if not visible.strip():
                return "message text is empty"
            if len(visible.encode("utf-16-le")) // 2 > 4096 or len(text) > 4096 * 2:
                return "message is too long"
            for row in (holder.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if len(button.get("callback_data", "").encode()) > 64:
                        return "BUTTON_DATA_INVALID"
        return None


class _Handler(tornado.web.RequestHandler):
    def initialize(self, api: FakeBotAPI) -> None:
        self.api = api

    async def post(self, token: str, method: str) -> None:
        if token != self.api.token:
            self.set_status(401)
            self.write({"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        body = self.request.body.decode(errors="replace") if self.request.body else ""
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json"):
            params = json.loads(body or "{}")
        elif content_type.startswith("multipart/form-data"):  # a file upload (sendPhoto)
            fields = self.request.body_arguments.items()
            params = _decode({key: values[0].decode() for key, values in fields})
            params.update({key: files[0]["body"] for key, files in self.request.files.items()})
        else:
            params = _decode(dict(parse_qsl(body, keep_blank_values=True)))
        status, payload = await self.api.handle(method, params)
        if status == 0:  # a network error: the connection closes without an answer
            self.detach().close()
            return
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(payload))

    get = post

"""getUpdates that survives a malformed update instead of retrying it forever.

python-telegram-bot parses a whole getUpdates batch at once: one update it cannot parse
fails the batch, which is fetched again and fails again, and the error log would carry the
raw update (user text). This request class checks each update of a getUpdates response and
replaces one that does not parse with a bare `{"update_id": N}`, which advances the offset
and reaches no handler.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from telegram import Update
from telegram.request import HTTPXRequest, RequestData

log = logging.getLogger(__name__)


def sanitize_updates(result: list[Any]) -> list[Any]:
    """Each update as sent if it parses, else only its update_id; unusable entries dropped."""
    clean: list[Any] = []
    for item in result:
        if not isinstance(item, dict) or not isinstance(item.get("update_id"), int):
            log.warning("Dropped an update without an update_id")
            continue
        try:
            Update.de_json(dict(item), None)
        except Exception as error:  # whatever breaks parsing, skip that update
            log.warning("Skipped an update that does not parse: %s", type(error).__name__)
            clean.append({"update_id": item["update_id"]})
        else:
            clean.append(item)
    return clean


class SafeUpdatesRequest(HTTPXRequest):
    """HTTPXRequest for the getUpdates connection only (Application.get_updates_request)."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        code, payload = await super().do_request(url, method, request_data, *args, **kwargs)
        if code != 200 or not url.endswith("/getUpdates"):
            return code, payload
        try:
            body = json.loads(payload)
        except ValueError:
            return code, payload
        if isinstance(body, dict) and isinstance(body.get("result"), list):
            body["result"] = sanitize_updates(body["result"])
            payload = json.dumps(body).encode()
        return code, payload

"""`python -m bot` is the same as the `sanctuary-bot` command."""

from bot.cli import main

raise SystemExit(main())

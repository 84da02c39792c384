"""sanctuary-bot: sourced, dated answers about US sanctuary-city policies."""

__version__ = "0.1.0"

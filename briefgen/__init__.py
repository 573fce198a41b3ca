"""briefgen: turn a folder of news articles into a briefing site."""

__version__ = "0.1.0"

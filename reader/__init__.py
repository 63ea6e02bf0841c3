"""reader: read several versions of a news story and see what a rewrite changed."""

__version__ = "0.1.0"

"""Page dump, wire copy or HTML -> Article: title, metadata, body paragraphs, and every
removed line with the reason it was removed."""

from reader.clean.cleaner import REASONS, clean, clean_text

__all__ = ["REASONS", "clean", "clean_text"]

"""Reusable widgets: line-API views of articles and comparisons."""

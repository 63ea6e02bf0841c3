"""The Textual face of reader: renders core objects, never computes them."""

"""The app's screens: library, compare, pair detail, counterpart picker, export, help."""

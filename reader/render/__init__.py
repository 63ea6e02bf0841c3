"""What the CLI, the TUI and exports show: shared labels, terminal text, Markdown/HTML."""

"""The command palette's entries for a screen: its own keys.

Every key of the screen the palette opened over (and of its focused pane) that the
footer shows becomes a command, named by the binding's description and explained by its
tooltip: the palette, the footer and the help screen read the same bindings, so a key
added to a screen is in all three.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class KeyCommands(Provider):
    """The shown, enabled bindings of the screen as commands."""

    def _commands(self) -> Iterator[tuple[str, str, partial]]:
        screen = self.screen
        seen: set[str] = set()
        for node, binding, enabled, tooltip in screen.active_bindings.values():
            if (not (binding.show and enabled and binding.description)
                    or binding.action in seen
                    or binding.action == "app.command_palette"):
                continue
            seen.add(binding.action)
            yield (binding.description, tooltip or binding.tooltip,
                   partial(screen.app.run_action, binding.action, node))

    async def discover(self) -> Hits:
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.5) if help_text \
                else matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)

"""Run a Textual app in this process and stamp when it reaches states the benches time.

A child process for bench/startup.py and bench/large_folder.py; the parent times the
whole process from before it was spawned. Two apps, launched the same way:

    python3 bench/tui_probe.py STAMPS floor                 # a minimal Textual app
    python3 bench/tui_probe.py STAMPS reader [--until loaded] [--expect N] -- ARGS...

`floor` is the least any Textual program pays: an App with a Header and a Static.
`reader` goes through `reader.cli.main(ARGS)` exactly as the console script does, with
ReaderApp swapped for a subclass that watches the library screen. Both check their state
each time a frame is written to the terminal (`App._display`) and stamp the first frame
in which it holds: a state counts once the terminal has been sent it, on both sides. (An
earlier version also stamped from a timer via `call_after_refresh`, which Textual may run
before the screen's first paint: the floor was stamped before it had drawn anything.) A
slow fallback timer stamps a state that holds but that no frame has shown within
FALLBACK_S, marked `"framed": false`, so that a run never hangs on it.

Stamps are JSON lines `{"event", "t", "cpu", "modules", ...}` appended to STAMPS, `t` from
time.monotonic() (one clock for every process on Linux), so the parent subtracts its own
spawn time; `peak_rss_mib` the peak memory so far; `cpu` is the process's CPU seconds so far (all threads, plus its ended child processes such as
any helper process; steadier than wall time on a shared machine); `modules` lists which of the heavy imports (WATCHED) were loaded by then.
Events: `imported` (the app's modules are in), `first_screen` (reader: the list shows articles and the reading pane the first of them; floor: its Static is drawn),
`loaded` (reader: the list holds all `--expect` entries and no load worker runs).
The app exits after the `--until` event; a watchdog ends the process if a background
worker (such as ranking related articles) holds the exit up.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import resource
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

WATCHED = ("numpy", "rapidfuzz", "markdown_it", "datasketch", "trafilatura", "lxml",
           "reader.align", "reader.clean", "reader.drift", "reader.render.export", "reader.corpus.stories")
FALLBACK_S = 0.5
EXIT_GRACE_S = 3.0
HERE = Path(__file__).resolve()
SCRUBBED_ENV = ("NO_COLOR", "FORCE_COLOR", "TEXTUAL_THEME", "TEXTUAL_DRIVER", "TEXTUAL_FPS",
                "TEXTUAL_ANIMATIONS", "TEXTUAL_DEBUG", "TEXTUAL_LOG", "COLUMNS", "LINES")


def _peak_rss_mib() -> float | None:
    """The process's peak resident memory so far (VmHWM), in MiB; None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _cpu_s() -> float:
    """CPU seconds of this process (every thread) and of its children that have ended
    (none of reader's own: counted so that a helper process could not hide its work)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class Stamper:
    """Appends events to the stamp file and decides when the app is done."""

    def __init__(self, path: str, until: str) -> None:
        self.path = path
        self.until = until
        self.seen: set[str] = set()

    def stamp(self, event: str, **extra: object) -> None:
        if event in self.seen:
            return
        self.seen.add(event)
        now = time.monotonic()
        heavy = [m for m in WATCHED if m in sys.modules]  # what this state cost in imports
        line = json.dumps({"event": event, "t": now, "cpu": _cpu_s(),
                           "peak_rss_mib": _peak_rss_mib(), "modules": heavy, **extra})
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def finish(self, app) -> None:
        """Exit the app; if a worker thread blocks the exit, end the process anyway."""
        timer = threading.Timer(EXIT_GRACE_S, os._exit, (0,))
        timer.daemon = True
        timer.start()
        app.exit()


def run_floor(stamper: Stamper, headless: bool) -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Header, Static

    stamper.stamp("imported")

    class Floor(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("the floor: a minimal Textual app", id="body")

        def on_mount(self) -> None:
            self.set_interval(FALLBACK_S, lambda: self._stamp(framed=False))

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                self._stamp(framed=True)

        def _stamp(self, framed: bool) -> None:  # not `_ready`: App has one
            if "first_screen" in stamper.seen or not self.query("#body"):
                return
            stamper.stamp("first_screen", framed=framed)
            stamper.stamp("loaded", framed=framed)
            stamper.finish(self)

    Floor().run(headless=headless)
    return 0


def reader_state(app, expect: int | None) -> set[str]:
    """Which of first_screen / loaded the reader app shows now (duck-typed on the library
    screen: `article_list` (an OptionList holding `entries`) and `article_view.article`)."""
    screen = app.screen
    listing = getattr(screen, "article_list", None)
    view = getattr(screen, "article_view", None)
    if listing is None or view is None:
        return set()
    state = set()
    try:
        if listing.option_count and view.article is not None:
            state.add("first_screen")
    except Exception:  # noqa: BLE001 - widgets not mounted yet
        return set()
    loading = any(w.group == "load" and not w.is_finished for w in app.workers)
    entries = len(getattr(listing, "entries", ()))
    if "first_screen" in state and not loading and (expect is None or entries >= expect):
        state.add("loaded")
    return state


def _css_beside(cls: type) -> list[str] | None:
    import inspect

    paths = cls.CSS_PATH
    if paths is None:
        return None
    here = Path(inspect.getfile(cls)).parent
    return [str(here / p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]


def after_import(name: str, patch) -> None:
    """Call `patch(module)` right after `name` is first imported (by whoever imports it)."""
    import importlib.abc
    import importlib.machinery

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            run_module = spec.loader.exec_module

            def exec_module(module):
                run_module(module)
                patch(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder())


def run_reader(stamper: Stamper, headless: bool, expect: int | None, argv: list[str]) -> int:
    """`reader.cli.main(argv)`, which imports the TUI itself (as the console script
    does); ReaderApp is swapped as soon as it exists."""
    import reader.cli

    after_import("reader.tui.app", lambda tui: watch(tui, stamper, headless, expect))
    return reader.cli.main(argv)


def watch(tui, stamper: Stamper, headless: bool, expect: int | None) -> None:
    stamper.stamp("imported")

    class Probed(tui.ReaderApp):
        CSS_PATH = _css_beside(tui.ReaderApp)  # CSS_PATH is relative to the class's module

        def on_mount(self) -> None:  # Textual runs ReaderApp.on_mount too (MRO dispatch)
            self._holding: dict[str, float] = {}  # state -> when the fallback first saw it
            self.set_interval(FALLBACK_S, self._fallback)

        def _fallback(self) -> None:
            now = time.monotonic()
            for event in sorted(reader_state(self, expect)):  # first_screen before loaded
                if now - self._holding.setdefault(event, now) >= FALLBACK_S:
                    self._reached(event, framed=False)

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                for event in sorted(reader_state(self, expect)):
                    self._reached(event, framed=True)

        def _reached(self, event: str, framed: bool) -> None:
            if event in stamper.seen:
                return
            stamper.stamp(event, framed=framed,
                          entries=len(getattr(self.screen.article_list, "entries", ())))
            if event == stamper.until:
                stamper.finish(self)

        def run(self, *args, **kwargs):
            kwargs["headless"] = headless
            return super().run(*args, **kwargs)

    tui.ReaderApp = Probed  # reader.tui.launch.run() imports the app by this name when called


def spawn(app: str, reader_args: tuple[str, ...] = (), *, until: str = "first_screen",
          expect: int | None = None, terminal: bool = True, size: tuple[int, int] = (120, 40),
          env: dict[str, str] | None = None, python_flags: tuple[str, ...] = (),
          timeout: float = 600) -> dict:
    """Run the probe in a child process; seconds from just before the spawn to each event
    and to the process's exit, its peak RSS (MiB), its CPU seconds, and its stderr when
    headless.

    `terminal`: run in a pseudo-terminal of `size` (columns, rows) whose output is read
    and thrown away, as a real terminal would consume it; otherwise headless."""
    with tempfile.TemporaryDirectory(prefix="reader-probe-") as tmp:
        stamps = os.path.join(tmp, "stamps.jsonl")
        cmd = [sys.executable, *python_flags, str(HERE), stamps, app, "--until", until]
        cmd += ["--expect", str(expect)] if expect is not None else []
        cmd += [] if terminal else ["--headless"]
        cmd += ["--", *reader_args] if reader_args else []
        child_env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
        child_env.update({"TERM": "xterm-256color", **(env or {})})
        err_path = os.path.join(tmp, "stderr")
        master = drain = None
        with open(err_path, "wb") as err:
            if terminal:
                master, slave = pty.openpty()
                cols, rows = size
                fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                io = {"stdin": slave, "stdout": slave, "stderr": slave}
            else:
                io = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": err}
            t0 = time.monotonic()
            proc = subprocess.Popen(cmd, env=child_env, start_new_session=True, **io)
            if master is not None:
                os.close(slave)
                drain = threading.Thread(target=_drain, args=(master,), daemon=True)
                drain.start()
            deadline = t0 + timeout
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    os.killpg(proc.pid, 9)
                    pid, status, usage = os.wait4(proc.pid, 0)
                    break
                time.sleep(0.01)  # not finer: this loop shares the machine with the app
            t_exit = time.monotonic() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
        if drain is not None:
            drain.join(timeout=1)
            os.close(master)
        events = {}
        if os.path.exists(stamps):
            for line in Path(stamps).read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                events[rec.pop("event")] = rec | {"s": rec.pop("t") - t0}
        return {"events": events, "exit_s": t_exit, "returncode": proc.returncode,
                "max_rss_mib": usage.ru_maxrss / 1024,
                "cpu_s": usage.ru_utime + usage.ru_stime,
                "stderr": Path(err_path).read_text("utf-8", "replace")}


def _drain(fd: int) -> None:
    """Read and discard the terminal output until the child closes the terminal."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stamps")
    ap.add_argument("app", choices=("floor", "reader"))
    ap.add_argument("--until", choices=("first_screen", "loaded"), default="first_screen")
    ap.add_argument("--expect", type=int, help="entries the list holds when fully loaded")
    ap.add_argument("--headless", action="store_true", help="no terminal output at all")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    opts = ap.parse_args(argv[:split])
    opts.args = argv[split + 1:]  # reader's own arguments
    stamper = Stamper(opts.stamps, opts.until)
    if opts.app == "floor":
        return run_floor(stamper, opts.headless)
    return run_reader(stamper, opts.headless, opts.expect, opts.args)


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # the timed states are stamped; skip the interpreter's slow teardown

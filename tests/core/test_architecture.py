"""The shape of the code: a core that never imports the TUI, a CLI that imports it only to
start it, and no import cycles anywhere in reader/ (imports inside functions count)."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
import tomllib

import grimp
import pytest

import reader

from tests.support import ROOT, SEEDS


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports")
    if exe is None:
        pytest.fail("lint-imports is missing: install the test extras (pip install -e '.[test]')")
    out = subprocess.run([exe], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_core_module_is_under_the_core_contract():
    """A new module of the core must not slip past the textual ban by being unlisted."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if "reader.tui" in c.get("forbidden_modules", []) and "reader.cli" not in
                    c["source_modules"])
    top = {f"reader.{m.name}" for m in pkgutil.iter_modules(reader.__path__)}
    assert top - {"reader.tui", "reader.cli", "reader.__main__"} == set(contract["source_modules"])


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph("reader", cache_dir=None)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _cycles(graph) == [["pkg.a", "pkg.b"]]


def test_running_the_cli_core_does_not_load_textual():
    code = (
        "import sys; from reader.cli import main; "
        "main(['clean', sys.argv[1], '--format', 'json']); "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    seed = SEEDS / "004_90f67be5c111099e.txt"
    out = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr

"""The package's imports follow the pipeline: no cycle, no import against the flow.

The imports of every module under src/adcount are read with `ast` (function-local and
type-checking imports included, relative imports resolved), then checked against the layers
below, lowest first. A module may import its own layer and the layers under it; the synthetic
generator is an island (it imports nothing of the library, only the CLI imports it).
Function-local imports are refused except in the CLI, where they keep `adcount --help` fast, and
in the report conveniences the public contract promises (`result.report()`, `save()`, and the
notebook views `_repr_html_` of the result, the ads and an estimate), the documented imports
from a layer above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "adcount"

# lowest first: the order in which the pipeline uses them (docs/architecture.md)
LAYERS: tuple[frozenset[str], ...] = tuple(frozenset(layer) for layer in (
    {"config", "ids", "privacy", "pairs", "lexicon_format"},  # shared small utilities
    {"load"},
    {"contacts"},
    {"text"},
    {"claims"},
    {"photos"},
    {"link", "coverage"},
    {"estimate"},
    {"result"},
    {"pipeline"},
    {"tools", "report", "index"},  # over a finished result, or over the pipeline's stages
    {"cli", "cli_index", "cli_output", "__init__"},
))
ISLANDS = {"synth"}  # imports nothing of the library outside itself
LAZY_IMPORTS_ALLOWED = {"adcount.cli", "adcount.cli_index"}  # keeps `adcount --help` fast
# (module, package it may import inside a function though the package sits above it)
LAZY_UPWARD_ALLOWED = {("adcount.result", "adcount.report"),  # result.report(), save(), notebook view
                       ("adcount.load.schema", "adcount.report.notebook"),  # Ads._repr_html_
                       ("adcount.estimate.result", "adcount.report.notebook")}  # Estimate._repr_html_


def _allowed_lazy(module: str, target: str, local: bool) -> bool:
    """A function-local import the rules above allow."""
    return local and (module in LAZY_IMPORTS_ALLOWED or any(
        module == low and (target == high or target.startswith(high + ".")) for low, high in LAZY_UPWARD_ALLOWED))


def _modules() -> dict[str, Path]:
    modules = {}
    for path in SOURCE.rglob("*.py"):
        parts = path.relative_to(SOURCE).with_suffix("").parts
        name = ".".join(("adcount", *parts)).removesuffix(".__init__")
        modules[name] = path
    return modules


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, bool]]:
    """(imported adcount module, imported inside a function or class) for each import of a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    scoped = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    local = {id(inner) for node in ast.walk(tree) if isinstance(node, scoped) for inner in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in modules else module
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target not in modules and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in modules and target.startswith("adcount") and target != name:
                found.append((target, id(node) in local))
    return found


def _graph() -> dict[str, list[tuple[str, bool]]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _group(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(module: str) -> int:
    group = _group(module)
    for level, members in enumerate(LAYERS):
        if group in members:
            return level
    raise AssertionError(f"{module}: add '{group}' to a layer of tests/test_layers.py")


def _cycles(graph: dict[str, list[tuple[str, bool]]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted({t for t, _ in graph[root]})))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted({t for t, _ in graph[target]}))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
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


@pytest.fixture(scope="module")
def graph() -> dict[str, list[tuple[str, bool]]]:
    return _graph()


def test_the_reader_sees_every_module_and_resolves_relative_imports(graph):
    assert len(graph) > 100
    assert ("adcount.synth.presets", False) in graph["adcount.synth.heldout"]  # from .presets import ...
    assert ("adcount.link.cluster", False) in graph["adcount.link.chaining"]


def test_no_import_cycle(graph):
    """Lazy imports included: the report conveniences of the result call a report layer that does
    not import the result back, and the two CLI modules share `cli_output` instead of each other."""
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    cycle = {"adcount.a": [("adcount.b", False)], "adcount.b": [("adcount.c", True)],
             "adcount.c": [("adcount.a", False)], "adcount.d": [("adcount.a", False)]}
    assert _cycles(cycle) == [["adcount.a", "adcount.b", "adcount.c"]]


def test_no_import_against_the_flow(graph):
    against = []
    for module, targets in graph.items():
        if _group(module) in ISLANDS:
            against += [f"{module} -> {t}" for t, _ in targets if _group(t) not in ISLANDS]
            continue
        against += [f"{module} -> {t}" for t, local in targets
                    if _group(t) in ISLANDS and _group(module) != "cli"
                    or _group(t) not in ISLANDS and _layer(t) > _layer(module) and not _allowed_lazy(module, t, local)]
    assert against == []


def test_no_function_local_imports_outside_the_cli(graph):
    hidden = [f"{module} -> {target}" for module, targets in graph.items() for target, local in targets
              if local and not _allowed_lazy(module, target, local)]
    assert hidden == []

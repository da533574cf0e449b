"""dbt-style node selection over models.

`name` (or `schema.name`, shell globs allowed), `+name` (with its ancestors), `name+`
(with its descendants), `+name+`, `2+name` / `name+1` (that many generations),
`path:models/marts`, `tag:x`, `state:modified` (models whose SQL or config changed since the
published file was built, new ones, and those reading a seed or loader whose input changed;
`state:modified+` adds what reads them); commas intersect (`tag:x,path:models/marts`),
several selectors unite, `--exclude` removes.
"""

from __future__ import annotations

import fnmatch
import re

from warehouse.dag import ancestors, descendants
from warehouse.errors import ProjectError
from warehouse.project import Project


def split(values) -> list[str]:
    """Selectors from repeated options, each of which may hold several separated by spaces."""
    return [part for value in values or () for part in str(value).split()]


def _match(project: Project, method_value: str, modified: set[str] | None = None) -> set[str]:
    method, _, value = method_value.partition(":") if ":" in method_value else ("", "", method_value)
    value_l = value.lower()
    if method == "state":
        if value_l != "modified":
            raise ProjectError(f"unknown state selector {method_value!r}", hint="use state:modified")
        if modified is None:
            raise ProjectError("state:modified compares the project with a warehouse file",
                               hint="use it with build, run or ls (which take --db)")
        return set(modified)
    if method == "tag":
        return {n for n, m in project.models.items() if value_l in m.tags}
    if method == "path":
        prefix = value.rstrip("/")
        return {n for n, m in project.models.items()
                if m.rel_path == prefix or m.rel_path.startswith(prefix + "/")
                or fnmatch.fnmatch(m.rel_path, prefix)}
    if method not in ("", "fqn", "model"):
        raise ProjectError(f"unknown selector method {method!r} in {method_value!r}",
                           hint="use name, +name, name+, path:DIR, tag:TAG or state:modified")
    if "." in value_l:
        return {n for n in project.models if fnmatch.fnmatchcase(n, value_l)}
    return {n for n, m in project.models.items() if fnmatch.fnmatchcase(m.alias, value_l)}


_GRAPH_OPS = re.compile(r"^(?:(\d*)\+)?(.*?)(?:\+(\d*))?$")


def _one(project: Project, graph: dict[str, set[str]], selector: str, strict: bool = True,
         modified: set[str] | None = None) -> set[str]:
    result: set[str] | None = None
    for part in selector.split(","):
        up_depth, core, down_depth = _GRAPH_OPS.match(part).groups()
        if not core:
            raise ProjectError(f"empty selector {selector!r}")
        nodes = _match(project, core, modified)
        if not nodes and strict and not core.startswith("state:"):   # nothing modified is no error
            raise ProjectError(f"selector {part!r} matches no model",
                               hint="check the name with `warehouse ls`")
        core_nodes = set(nodes)
        if up_depth is not None:
            nodes |= ancestors(graph, core_nodes, int(up_depth) if up_depth else None)
        if down_depth is not None:
            nodes |= descendants(graph, core_nodes, int(down_depth) if down_depth else None)
        result = nodes if result is None else result & nodes
    return result or set()


def select(project: Project, graph: dict[str, set[str]], include=(), exclude=(),
           modified: set[str] | None = None) -> set[str]:
    """The selected model names: everything when `include` is empty. `modified`: the models
    `state:modified` selects (None when no warehouse file is at hand)."""
    include, exclude = split(include), split(exclude)
    chosen = set(project.models) if not include else set().union(
        *(_one(project, graph, s, modified=modified) for s in include))
    for selector in exclude:
        chosen -= _one(project, graph, selector, strict=False, modified=modified)
    return chosen

"""YAML files read with their line numbers, and type checks that name the file and the line.

`load(path, rel)` returns plain data in which every mapping is a `Map` (a dict) and every
sequence a `Seq` (a list) that know the line of each of their values, so a wrongly typed
value deep in a file is reported as `models/marts/_marts.yml:14: ...` with what was expected.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from warehouse.errors import ProjectError


class Map(dict):
    """A YAML mapping; `line_of(key)` is the line of that key's value, `key_line(key)` of the key."""

    line: int | None = None
    lines: dict
    key_lines: dict

    def line_of(self, key) -> int | None:
        return getattr(self, "lines", {}).get(key, self.line)

    def key_line(self, key) -> int | None:
        return getattr(self, "key_lines", {}).get(key) or self.line_of(key)


class Seq(list):
    """A YAML sequence; `line_of(i)` is the line of item i."""

    line: int | None = None
    lines: list

    def line_of(self, index: int) -> int | None:
        lines = getattr(self, "lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


_LOADER = None


def _loader():
    """The YAML loader, made on first use: with every file in the cache (a build with nothing
    to do), PyYAML is not even imported."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ten times faster

        class _Loader(base):
            pass

        _Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
        _Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
        _LOADER = _Loader
    return _LOADER


def _line(node) -> int:
    return node.start_mark.line + 1


def _construct_map(loader, node) -> Map:
    import yaml

    loader.flatten_mapping(node)
    out = Map()
    out.line, out.lines, out.key_lines = _line(node), {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain value",
                                                    key_node.start_mark) from None
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = _line(value_node)
        out.key_lines[key] = _line(key_node)
    return out


def _construct_seq(loader, node) -> Seq:
    out = Seq(loader.construct_object(child, deep=True) for child in node.value)
    out.line, out.lines = _line(node), [_line(child) for child in node.value]
    return out




def decode(data: bytes, rel: str, hint: str = "save the file as UTF-8") -> str:
    """UTF-8 text (a BOM is dropped), or a ProjectError naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ProjectError(f"not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded ({exc.reason})",
                           file=rel, line=line, hint=hint) from None


def load(path: Path, rel: str, cache: Cache | None = None):
    """Parse a YAML file; syntax and encoding errors are ProjectErrors with the line."""
    data = path.read_bytes()
    key = None
    if cache is not None:
        key, found = cache.get(data)
        if found is not _MISSING:
            return found
    text = decode(data, rel)
    import yaml

    try:
        value = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ProjectError(f"invalid YAML: {getattr(exc, 'problem', None) or exc}", file=rel,
                           line=mark.line + 1 if mark else None, hint="fix the YAML syntax") from None
    if cache is not None:
        cache.put(key, value)
    return value


_MISSING = object()
_CACHE_FORMAT = 2


class _Uncacheable(Exception):
    pass


def _encode(value):
    """Parsed YAML (with its lines) as JSON data: {"m": line, "k": [[key, value, line, key line]...]} for a
    Map, {"q": line, "v": [[value, line]...]} for a Seq, {"d": ...} and {"t": ...} for dates."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, Map):
        lines = getattr(value, "lines", {})
        keys = getattr(value, "key_lines", {})
        return {"m": value.line, "k": [[_encode(k), _encode(v), lines.get(k), keys.get(k)]
                                       for k, v in value.items()]}
    if isinstance(value, Seq):
        lines = getattr(value, "lines", [])
        return {"q": value.line, "v": [[_encode(v), lines[i] if i < len(lines) else None]
                                       for i, v in enumerate(value)]}
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    raise _Uncacheable(type(value).__name__)


def _decode(data):
    if not isinstance(data, dict):
        return data
    if "m" in data:
        out = Map()
        out.line, out.lines, out.key_lines = data["m"], {}, {}
        for k, v, line, key_line in data["k"]:
            key = _decode(k)
            out[key] = _decode(v)
            out.lines[key] = line
            out.key_lines[key] = key_line
        return out
    if "q" in data:
        out = Seq(_decode(v) for v, _ in data["v"])
        out.line, out.lines = data["q"], [line for _, line in data["v"]]
        return out
    if "t" in data:
        return dt.datetime.fromisoformat(data["t"])
    return dt.date.fromisoformat(data["d"])


def _pyyaml_version() -> str:
    """PyYAML's version without importing it (the stat of its package file)."""
    import importlib.util

    spec = importlib.util.find_spec("yaml")
    try:
        st = os.stat(spec.origin)
        return f"{st.st_size}-{st.st_mtime_ns}"
    except (AttributeError, TypeError, OSError):
        return "unknown"


class Cache:
    """Parsed YAML files by the hash of their bytes (`target/yaml_cache.json`): parsing the
    model files with their line numbers costs more than a build with nothing to do may take.
    An entry is only ever used for byte-identical files."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict = {}
        self.used: set[str] = set()
        self.changed = False
        self.version = f"{_CACHE_FORMAT}/pyyaml-{_pyyaml_version()}"
        if path is None:
            return
        with contextlib.suppress(OSError, ValueError, AttributeError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") == self.version:
                self.entries = data["entries"]

    def get(self, data: bytes):
        key = hashlib.sha256(data).hexdigest()
        self.used.add(key)
        if key in self.entries:
            try:
                return key, _decode(self.entries[key])
            except (KeyError, TypeError, ValueError):
                pass
        return key, _MISSING

    def put(self, key: str, value) -> None:
        try:
            self.entries[key] = _encode(value)
            self.changed = True
        except _Uncacheable:
            pass

    def save(self) -> None:
        if self.path is None or not (self.changed or set(self.entries) - self.used):
            return
        entries = {k: v for k, v in self.entries.items() if k in self.used}
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"version": self.version, "entries": entries}), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()   # a cache that cannot be written only costs time


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    return repr(value)


def line_of(container, key) -> int | None:
    if isinstance(container, Map | Seq):
        return container.line_of(key)
    return None


def bad(container, key, what: str, expected: str, rel: str, hint: str | None = None) -> ProjectError:
    """`<rel>:<line>: <what> must be <expected>, not <value>`."""
    value = container[key] if isinstance(container, dict | list) else None
    return ProjectError(f"{what} must be {expected}, not {_describe(value)}", file=rel,
                        line=line_of(container, key), hint=hint)


def text(container, key, what: str, rel: str, *, required: bool = False, scalars: bool = False,
         default: str = "") -> str:
    """A string value (`scalars=True` also takes a number, as YAML reads `2024` or `1.5`)."""
    if key not in container or container[key] is None:
        if required:
            raise ProjectError(f"{what} is missing", file=rel, line=getattr(container, "line", None))
        return default
    value = container[key]
    if isinstance(value, str):
        return value
    if scalars and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise bad(container, key, what, "a string", rel, hint="quote it if it is meant as text")


def names(container, key, what: str, rel: str) -> list[str]:
    """A string or a list of strings (`tags: nightly` or `tags: [nightly, facts]`)."""
    value = container.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise bad(value, i, f"each item of {what}", "a string", rel)
        return list(value)
    raise bad(container, key, what, "a string or a list of strings", rel)


def mapping(container, key, what: str, rel: str) -> dict:
    value = container.get(key)
    if value is None:
        return Map()
    if not isinstance(value, dict):
        raise bad(container, key, what, "a mapping (key: value lines)", rel)
    return value


def sequence(container, key, what: str, rel: str) -> list:
    value = container.get(key)
    if value is None:
        return Seq()
    if not isinstance(value, list):
        raise bad(container, key, what, "a list (lines starting with `- `)", rel)
    return value

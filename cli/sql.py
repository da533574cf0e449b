"""Small SQL text helpers shared by the engine's modules."""

from __future__ import annotations


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def relation(name: str) -> str:
    """`schema.name` -> `"schema"."name"`."""
    schema, _, alias = name.partition(".")
    return f"{quote(schema)}.{quote(alias)}"


def literal(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"

"""Data tests: generic tests from YAML compiled to SQL, and singular SQL tests.

Each test is a query returning failing rows; it passes when it returns none.
Nulls pass every generic test except `not_null` (as in dbt); an expression test fails
the rows where the condition is false. As in dbt, `warn_if` and `error_if` compare the number
of failing rows with a threshold (both `!=0` by default): an error-severity test fails when
`error_if` holds, else warns when `warn_if` holds; a warn-severity test only warns. A test with
`store_failures` keeps its failing rows in `audit.<test name>`, replaced each time it runs.
"""

from __future__ import annotations

import hashlib
import operator
import re
from dataclasses import dataclass, field

from warehouse.errors import ProjectError
from warehouse.project import Project, TestSpec
from warehouse.sql import literal, quote, relation


@dataclass
class DataTest:
    unique_id: str
    severity: str
    sql: str                        # returns the failing rows
    depends_on: set[str] = field(default_factory=set)
    file: str = ""
    warn_if: str = "!=0"
    error_if: str = "!=0"
    audit: str | None = None        # "audit.<name>" when the failing rows are stored

    def holds(self, condition: str, failures: int) -> bool:
        op, number = re.match(r"(!=|>=|<=|=|>|<)(\d+)", condition).groups()
        return _OPERATORS[op](failures, int(number))

    def status(self, failures: int) -> str:
        if self.severity == "error" and self.holds(self.error_if, failures):
            return "fail"
        return "warn" if self.holds(self.warn_if, failures) else "pass"


_OPERATORS = {"=": operator.eq, "!=": operator.ne, ">": operator.gt, ">=": operator.ge, "<": operator.lt,
              "<=": operator.le}
AUDIT_SCHEMA = "audit"


def audit_table(unique_id: str) -> str:
    """`unique:marts.orders.order_id` -> `audit.unique_marts_orders_order_id` (dbt names it by the
    test too); names past 63 characters are cut and keep a hash, so they stay distinct."""
    name = re.sub(r"[^a-z0-9]+", "_", unique_id.lower()).strip("_")
    if len(name) > 63:
        name = name[:54] + "_" + hashlib.sha256(unique_id.encode()).hexdigest()[:8]
    return f"{AUDIT_SCHEMA}.{name}"


def _resolve(project: Project, name: str, file: str, line: int | None = None) -> str:
    """A relationships `to:` value: `schema.name`, a bare model name, dbt's `ref('name')` (a model
    or seed) or `source('source', 'table')`."""
    raw = name.strip()
    known = project.relation_names()
    if raw.startswith("ref(") and raw.endswith(")"):
        raw = raw[4:-1].strip("'\" ")
        known = set(project.models) | set(project.seeds)
    elif raw.startswith("source(") and raw.endswith(")"):
        raw = ".".join(part.strip("'\" ") for part in raw[7:-1].split(","))
    raw = raw.lower()
    if "." in raw:
        if raw in known:
            return raw
    else:
        matches = sorted(n for n in known if n.split(".", 1)[1] == raw)
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise ProjectError(f"relationships to: {name} is ambiguous ({', '.join(matches)})",
                               file=file, line=line,
                               hint="write the schema too, e.g. marts.dim_firms")
    raise ProjectError(f"relationships to: {name} names no model or seed", file=file, line=line,
                       hint="write the parent as schema.name")


def compile_tests(project: Project) -> list[DataTest]:
    tests: list[DataTest] = []
    seen: dict[str, int] = {}
    for spec in project.tests:
        test = _compile(project, spec)
        n = seen.get(test.unique_id, 0)
        seen[test.unique_id] = n + 1
        if n:  # the same test twice on a column (e.g. two expressions): keep ids unique
            test.unique_id += f"#{n + 1}"
        if spec.store_failures:
            test.audit = audit_table(test.unique_id)
        tests.append(test)
    return tests


def _compile(project: Project, spec: TestSpec) -> DataTest:
    if spec.kind == "singular":
        return DataTest(f"singular:{spec.name}", spec.severity, spec.sql,
                        set(spec.args.get("depends_on", ())), spec.file)
    test = _compile_generic(project, spec)
    test.warn_if, test.error_if = spec.warn_if, spec.error_if
    return test


def _compile_generic(project: Project, spec: TestSpec) -> DataTest:
    rel = relation(spec.model)
    col = quote(spec.column) if spec.column else None
    where = f"{spec.model}.{spec.column}" if spec.column else spec.model
    deps = {spec.model}
    args = spec.args
    if spec.kind != "expression" and col is None:
        raise ProjectError(f"{spec.kind} test on {spec.model} needs a column", file=spec.file, line=spec.line,
                           hint="put it under the column's `data_tests:`")
    if spec.kind == "not_null":
        sql = f"select * from {rel} where {col} is null"
    elif spec.kind == "unique":
        sql = (f"select {col}, count(*) as n_records from {rel} where {col} is not null "
               f"group by {col} having count(*) > 1")
    elif spec.kind == "accepted_values":
        values = ", ".join(literal(v) for v in args["values"])
        sql = f"select {col}, count(*) as n_records from {rel} where {col} not in ({values}) group by {col}"
    elif spec.kind == "relationships":
        parent = _resolve(project, str(args["to"]), spec.file, spec.line)
        deps.add(parent)
        field_ = quote(str(args["field"]))
        sql = (f"select child.{col} from {rel} as child left join {relation(parent)} as parent "
               f"on child.{col} = parent.{field_} where child.{col} is not null and parent.{field_} is null")
        where += f"->{parent}.{args['field']}"
    else:  # expression
        sql = f"select * from {rel} where not ({args['expression']})"
        where += f"[{args['expression']}]"
    return DataTest(f"{spec.kind}:{where}", spec.severity, sql, deps, spec.file)


def run_test(cur, test: DataTest, store: bool = True):
    """Count the failing rows (stored in the test's audit table when it has one and `store`);
    the status follows the severity and thresholds."""
    from warehouse.runner import NodeResult
    from warehouse.sql import relation as rel

    if test.audit and store:
        cur.execute(f"create schema if not exists {AUDIT_SCHEMA}").fetchall()
        failures = cur.execute(f"create or replace table {rel(test.audit)} as\n{test.sql}\n").fetchall()[0][0]
    else:
        failures = cur.execute(f"select count(*) from (\n{test.sql}\n)").fetchall()[0][0]
    status = test.status(failures)
    message = None
    if failures:
        rule = "" if (test.warn_if, test.error_if) == ("!=0", "!=0") else (
            f", warn_if {test.warn_if}, error_if {test.error_if}")
        message = f"{failures} failing rows ({test.severity}{rule})"
        if test.audit and store:
            message += f"; stored in {test.audit}"
    return NodeResult(test.unique_id, "test", status, failures=failures, message=message, file=test.file)

"""`warehouse explain FACT_ID`: why a fact row is in the marts.

`explain(fact_id, db)` reads the published warehouse (read-only) and returns one
dict: the fact's mart row, its document, the evidence sentence and character
span, every candidate merged into the fact (marts.bridge_fact_candidates) with
its rule chain (the cue, the amounts, each party with the rule that found it and
the firm it resolved to, the steps of raw.candidate_trace: the rule that built it,
the passes that changed or retyped it, the filters that kept it, and the amounts of
its sentence a filter rejected), and
the fact's confidence with the contribution of each feature
(intermediate.int_fact_confidence_terms). `render_text()` prints it for people.

A part whose relation the warehouse lacks (an older build) is left out, not an error.
"""

from __future__ import annotations

import datetime as dt
import decimal
from pathlib import Path

from warehouse.errors import ProjectError

# (fact type, mart, id column, main party column, its role)
FACT_TABLES = (
    ("investment", "marts.fct_investments", "investment_id", "investee_firm_id", "investee"),
    ("subsidy", "marts.fct_subsidies", "subsidy_id", "grantor_firm_id", "grantor"),
    ("chip_purchase", "marts.fct_chip_purchases", "purchase_id", "buyer_firm_id", "buyer"),
)
MIN_PREFIX = 6  # a shorter prefix of a fact id is refused: too many facts share it


def json_value(value):
    """A JSON-ready value: dates as ISO text, decimals as floats."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.cursor()
    try:
        cur.execute("use _warehouse_").fetchall()
        cur.execute(sql, list(params))
        columns = [d[0] for d in cur.description]
        return [{c: json_value(v) for c, v in zip(columns, row, strict=True)} for row in cur.fetchall()]
    finally:
        cur.close()


def _relations(con) -> set[str]:
    return {f"{r['schema_name']}.{r['table_name']}" for r in _rows(
        con, "select schema_name, table_name from duckdb_tables() where database_name = '_warehouse_' "
             "union all select schema_name, view_name from duckdb_views() "
             "where database_name = '_warehouse_'")}


def _find(con, fact_id: str, relations: set[str]) -> tuple[tuple, dict]:
    """The fact's table entry and mart row, by exact id or by an unambiguous prefix."""
    fact_id = fact_id.strip()
    found: list[tuple[tuple, dict]] = []
    for entry in FACT_TABLES:
        _, table, key, _, _ = entry
        if table not in relations:
            continue
        rows = _rows(con, f"select * from {table} where {key} = ?", (fact_id,))
        if not rows and len(fact_id) >= MIN_PREFIX:
            rows = _rows(con, f"select * from {table} where starts_with({key}, ?)", (fact_id,))
        found += [(entry, row) for row in rows]
    if not found:
        raise ProjectError(f"unknown fact id {fact_id!r}: no investment_id, subsidy_id or purchase_id "
                           "in the marts has it")
    if len(found) > 1:
        ids = ", ".join(sorted(row[entry[2]] for entry, row in found)[:5])
        raise ProjectError(f"fact id prefix {fact_id!r} is ambiguous ({ids}): give more characters")
    return found[0]


def explain(fact_id: str, db: str | Path | None = None, *, con=None) -> dict:
    """Everything the warehouse knows about why the fact `fact_id` is in the marts.

    `con`: a connection from `warehouse.api.open_readonly`, kept open by the caller (the docs
    site explains many facts; opening the file for each would cost more than explaining)."""
    if con is not None:
        return _explain(con, fact_id)
    from warehouse.api import open_readonly

    con = open_readonly(db)
    try:
        return _explain(con, fact_id)
    finally:
        con.close()


def _explain(con, fact_id: str) -> dict:
    relations = _relations(con)
    (fact_type, table, key, main_column, main_role), row = _find(con, fact_id, relations)
    fid = row[key]
    out: dict = {"fact_id": fid, "fact_type": fact_type, "table": table, "fact": row}

    document = {"document_id": row["document_id"]}
    if "marts.dim_documents" in relations:
        docs = _rows(con, "select * from marts.dim_documents where document_id = ?", (row["document_id"],))
        if docs:
            document.update({k: docs[0].get(k) for k in ("file_name", "title", "published_on", "language")})
    out["document"] = document

    main_firm = row.get(main_column)
    if main_firm and "marts.dim_firms" in relations:
        firms = _rows(con, "select firm_id, firm_name from marts.dim_firms where firm_id = ?", (main_firm,))
        out["main_party"] = {"role": main_role, "firm_id": main_firm,
                             "firm_name": firms[0]["firm_name"] if firms else None}

    out["candidates"] = _candidates(con, fid, relations)
    evidence = next((c for c in out["candidates"] if c.get("is_evidence")), None)
    out["evidence"] = {
        "sentence": row.get("evidence"),
        "span": evidence["span"] if evidence else None,
        "candidate_id": evidence["candidate_id"] if evidence else row.get("evidence_candidate_id"),
    }
    out["confidence"] = _confidence(con, fid, row, relations)
    return out


def _candidates(con, fid: str, relations: set[str]) -> list[dict]:
    if "marts.bridge_fact_candidates" not in relations:
        return []
    bridge = _rows(con, "select * from marts.bridge_fact_candidates where fact_id = ? "
                        "order by sentence_start, candidate_id", (fid,))
    ids = [b["candidate_id"] for b in bridge]
    raw = {}
    if "raw.fact_candidates" in relations and ids:
        raw = {r["candidate_id"]: r for r in _rows(
            con, "select * from raw.fact_candidates where list_contains(?, candidate_id)", (ids,))}
    amounts = _by_candidate(con, "raw.candidate_amounts", ids, relations, "span_start")
    if "intermediate.int_candidate_parties" in relations:
        parties = _by_candidate(con, "intermediate.int_candidate_parties", ids, relations, "span_start")
    else:
        parties = _by_candidate(con, "raw.candidate_parties", ids, relations, "span_start")
    trace = _trace(con, row_document(bridge, raw), ids, relations)

    out = []
    for b in bridge:
        cid = b["candidate_id"]
        r = raw.get(cid, {})
        out.append({
            "candidate_id": cid,
            "is_evidence": bool(b.get("is_evidence")),
            "rule": b.get("rule"),
            "cue": {"text": b.get("cue") or r.get("cue"), "start": r.get("cue_start")},
            "span": [r.get("sentence_start", b.get("sentence_start")), r.get("sentence_end")],
            "sentence": b.get("sentence"),
            "is_background": b.get("is_background"),
            "announced_on": r.get("announced_on"),
            "country_code": r.get("country_code"),
            "quantity": r.get("quantity"),
            "chip_model": r.get("chip_model"),
            "amounts": [{k: a.get(k) for k in ("amount", "currency_code", "surface", "span_start", "span_end",
                                                "is_primary")} for a in amounts.get(cid, [])],
            "parties": [{k: p.get(k) for k in ("role", "name", "rule", "span_start", "span_end", "firm_id",
                                                "match_kind") if k in p} for p in parties.get(cid, [])],
            **_steps(trace.get(cid, []), r.get("fact_type") or b.get("fact_type")),
        })
        # the filters that kept or rejected it (readings as another fact type aside), and those
        # about its sentence's amounts
        types = _types(trace.get(cid, []), r.get("fact_type") or b.get("fact_type"))
        out[-1]["filters"] = [
            t for t in trace.get(cid, []) if t["outcome"] in ("kept", "rejected") and t["fact_type"] in types
        ] + trace.get(("sentence", r.get("sentence_start", b.get("sentence_start"))), [])
    return out


def _types(steps: list[dict], fact_type: str | None) -> set:
    """The fact types the candidate had along its rule chain."""
    return {fact_type} | {t["fact_type"] for t in steps if t["outcome"] in ("built", "retyped", "changed")}


def _steps(steps: list[dict], fact_type: str | None) -> dict:
    """The candidate's rule chain, and the readings of its cue as another fact type that a filter
    rejected (the same cue, so the same id)."""
    types = _types(steps, fact_type)
    return {
        "rule_chain": [t for t in steps if t["outcome"] in ("built", "retyped", "changed")],
        "other_readings": [t for t in steps if t["outcome"] == "rejected" and t["fact_type"] not in types],
    }


def row_document(bridge: list[dict], raw: dict) -> str | None:
    """The document of the fact's candidates."""
    for b in bridge:
        doc = b.get("document_id") or raw.get(b["candidate_id"], {}).get("document_id")
        if doc:
            return doc
    return None


def _by_candidate(con, relation: str, ids: list[str], relations: set[str],
                  order: str) -> dict[str, list[dict]]:
    if relation not in relations or not ids:
        return {}
    out: dict[str, list[dict]] = {}
    for r in _rows(con, f"select * from {relation} where list_contains(?, candidate_id) "
                        f"order by candidate_id, {order} nulls last", (ids,)):
        out.setdefault(r["candidate_id"], []).append(r)
    return out


_STEP = ("step", "stage", "rule_id", "outcome", "detail", "span_start", "span_end", "fact_type")


def _trace(con, document_id: str | None, ids: list[str], relations: set[str]) -> dict:
    """The pipeline's steps (raw.candidate_trace) by candidate id, in order; and, under
    ("sentence", sentence_start), the decisions about an amount of a sentence (no candidate)."""
    if "raw.candidate_trace" not in relations or not ids or document_id is None:
        return {}
    out: dict = {}
    rows = _rows(
        con, "select * from raw.candidate_trace where document_id = ? "
             "and (list_contains(?, candidate_id) or candidate_id is null) order by step",
        (document_id, ids))
    for r in rows:
        key = r["candidate_id"] if r["candidate_id"] is not None else ("sentence", r["sentence_start"])
        out.setdefault(key, []).append({k: r.get(k) for k in _STEP})
    return out


def _confidence(con, fid: str, row: dict, relations: set[str]) -> dict | None:
    if row.get("confidence") is None and "intermediate.int_fact_confidence" not in relations:
        return None
    out: dict = {"value": row.get("confidence")}
    if "intermediate.int_fact_confidence" in relations:
        scores = _rows(con, "select score, logistic, confidence from intermediate.int_fact_confidence "
                            "where fact_id = ?", (fid,))
        if scores:
            out.update(score=scores[0]["score"], logistic=scores[0]["logistic"])
            out["value"] = out["value"] if out["value"] is not None else scores[0]["confidence"]
    if "intermediate.int_fact_confidence_terms" in relations:
        out["terms"] = _rows(
            con, "select feature, value, weight, contribution from intermediate.int_fact_confidence_terms "
                 "where fact_id = ? and (value <> 0 or feature = 'intercept') "
                 "order by feature = 'intercept' desc, abs(contribution) desc, feature", (fid,))
    return out


def _span(span) -> str:
    if not span or span[0] is None:
        return "?"
    return f"{span[0]}-{span[1]}" if span[1] is not None else f"{span[0]}-"


def _money(amount, currency) -> str:
    if amount is None:
        return "no amount"
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,}"
    return f"{text} {currency or ''}".strip()


def _step(t: dict) -> str:
    """One trace step: "filters  kept      one_per_amount", with its detail."""
    if "rule_id" not in t:  # a row of another shape
        return ", ".join(f"{k}={v}" for k, v in t.items())
    detail = f"  ({t['detail']})" if t.get("detail") else ""
    return f"{t['stage']:<8} {t['outcome']:<8} {t['rule_id']}{detail}"


def render_text(info: dict) -> str:
    """The explanation as plain lines for a terminal."""
    fact, doc = info["fact"], info["document"]
    lines = [f"{info['fact_type']} {info['fact_id']}  ({info['table']})"]
    lines.append(f"document    {doc.get('file_name') or '?'}  (document_id {doc['document_id']})")
    party = info.get("main_party")
    if info["fact_type"] == "subsidy":
        firm = f", {party['firm_id']}" if party else ""
        country = fact.get("grantor_country_code")
        lines.append(f"grantor     {fact.get('grantor_name')}  (country {country}{firm})")
    elif party:
        name = party.get("firm_name") or party["firm_id"]
        lines.append(f"{party['role']:<11} {name}  ({party['firm_id']})")
    amount = _money(fact.get("amount"), fact.get("currency_code"))
    if fact.get("amount_usd") is not None and fact.get("currency_code") != "USD":
        amount += f" (USD {fact['amount_usd']:,.0f})"
    if fact.get("quantity") is not None:
        amount += f"; {fact['quantity']:,} chips"
        if fact.get("chip_model"):
            amount += f" ({fact['chip_model']})"
    lines.append(f"amount      {amount}")
    where = fact.get("country_code") or fact.get("grantor_country_code") or "?"
    lines.append(f"country     {where}   announced {fact.get('announced_on') or '?'}")
    if fact.get("deal_id"):
        lines.append(f"deal        {fact['deal_id']}" + ("  (reviewed)" if fact.get("reviewed") else ""))
    ev = info["evidence"]
    lines.append(f"evidence    chars {_span(ev.get('span'))}: {ev.get('sentence')!r}")

    conf = info.get("confidence")
    if conf:
        head = f"confidence  {conf['value']}"
        if conf.get("score") is not None:
            head += f"  (score {conf['score']:+.3f}, logistic {conf['logistic']:.3f})"
        lines.append(head)
        for t in conf.get("terms", []):
            shown = "" if t["value"] == 1 else f" x {t['value']}"
            lines.append(f"  {t['contribution']:+.3f}  {t['feature']}{shown}")

    lines.append(f"candidates  {len(info['candidates'])}")
    for c in info["candidates"]:
        mark = "  [evidence]" if c["is_evidence"] else ""
        bg = "  [background]" if c.get("is_background") else ""
        lines.append(f"  {c['candidate_id']}  rule {c['rule']}  chars {_span(c['span'])}{mark}{bg}")
        lines.append(f"    sentence  {c['sentence']!r}")
        cue = c["cue"]
        at = cue.get("start") if cue.get("start") is not None else "?"
        lines.append(f"    cue       {cue.get('text')!r} at {at}")
        for a in c["amounts"]:
            primary = " (primary)" if a.get("is_primary") else ""
            money = _money(a.get("amount"), a.get("currency_code"))
            lines.append(f"    amount    {money} {a.get('surface')!r} "
                         f"at {a.get('span_start')}-{a.get('span_end')}{primary}")
        if not c["amounts"]:
            lines.append("    amount    none stated")
        for p in c["parties"]:
            firm = f" -> {p['firm_id']} ({p.get('match_kind')})" if p.get("firm_id") else ""
            lines.append(f"    {p['role']:<9} {p['name']!r}{firm}  by rule {p.get('rule')} "
                         f"at {_span([p.get('span_start'), p.get('span_end')])}")
        for t in c.get("rule_chain", []):
            lines.append(f"    rule      {_step(t)}")
        for f in c["filters"]:
            lines.append(f"    filter    {_step(f)}")
        for f in c.get("other_readings", []):
            lines.append(f"    reading   {f.get('fact_type')}: {_step(f)}")
        if not c["filters"]:
            lines.append("    filters   none recorded")
    return "\n".join(lines) + "\n"

"""The facts overview: money by type, country and year, the largest deals with their evidence,
the documents they come from, and the documents that could not be read.

Totals sum `marts.fct_deals` (one row per real-world deal), never the per-document fact tables,
which count a deal once per article that reports it; a warehouse built before deals existed is
summed over its fact tables, and the page says so. Each deal's evidence (sentence, character
span, amounts and parties) comes from `warehouse.explain`, the library behind `warehouse explain`.
"""

from __future__ import annotations

from warehouse.docs.charts import bars, usd
from warehouse.explain import FACT_TABLES, json_value
from warehouse.explain import explain as explain_fact

LARGEST = 25            # deals listed, each with its evidence and document pages
TOP_COUNTRIES = 12


def _rows(con, sql: str, params=()) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [{n: json_value(v) for n, v in zip(names, row, strict=True)} for row in cur.fetchall()]


def overview(con, relations: set[str], limit: int = LARGEST) -> dict | None:
    """Everything the facts page and the document pages show; None without fact tables."""
    fact_tables = [t for t in FACT_TABLES if t[1] in relations]
    if "marts.fct_deals" not in relations and not fact_tables:
        return None
    deals_exist = "marts.fct_deals" in relations
    if deals_exist:
        source = ("select deal_type, coalesce(country_code, grantor_country_code) as country_code, "
                  "announced_on, amount_usd from marts.fct_deals")
    else:   # an older warehouse: facts, one per report (the page warns of double counting)
        source = " union all ".join(
            f"select '{kind}' as deal_type, "
            f"{'grantor_country_code' if kind == 'subsidy' else 'country_code'} as country_code, "
            f"announced_on, amount_usd from {table}" for kind, table, *_ in fact_tables)
    names = _country_names(con, relations)
    by_type = _rows(con, f"select deal_type as key, count(*) as n, sum(amount_usd) as usd from ({source}) "
                         "group by all order by usd desc nulls last, key")
    by_country = _rows(con, f"select country_code as key, count(*) as n, sum(amount_usd) as usd "
                            f"from ({source}) group by all order by usd desc nulls last, key")
    by_year = _rows(con, f"select year(announced_on) as key, count(*) as n, sum(amount_usd) as usd "
                         f"from ({source}) group by all order by key nulls last")
    for row in by_country:
        row["label"] = names.get(row["key"], row["key"]) if row["key"] else "unknown country"
    top = by_country[:TOP_COUNTRIES]
    rest = by_country[TOP_COUNTRIES:]
    if rest:
        top.append({"key": None, "label": f"{len(rest)} other countries", "n": sum(r["n"] for r in rest),
                    "usd": sum(r["usd"] or 0 for r in rest)})
    total_usd = sum(r["usd"] or 0 for r in by_type)

    def caption(r):
        return f"{usd(r['usd'])} · {r['n']} deal{'s' if r['n'] != 1 else ''}"

    charts = {
        "type": bars("USD by deal type", [(r["key"].replace("_", " "), r["usd"] or 0, caption(r))
                                          for r in by_type]),
        "country": bars("USD by country (where the money goes)",
                        [(r["label"], r["usd"] or 0, caption(r)) for r in top]),
        "year": bars("USD by year announced", [(str(r["key"]) if r["key"] else "undated", r["usd"] or 0,
                                                caption(r)) for r in by_year]),
    }
    deals, documents = _largest(con, relations, limit) if deals_exist else ([], {})
    return {
        "deals_exist": deals_exist,
        "total_usd": total_usd, "total_label": usd(total_usd),
        "deal_count": sum(r["n"] for r in by_type),
        "by_type": by_type, "by_country": by_country, "by_year": by_year, "charts": charts,
        "deals": deals, "documents": documents,
        "rejected_documents": _rejected(con, relations),
    }


def _country_names(con, relations) -> dict[str, str]:
    if "marts.dim_countries" not in relations:
        return {}
    return dict(con.execute("select country_code, country_name from marts.dim_countries").fetchall())


def _largest(con, relations, limit: int) -> tuple[list[dict], dict[str, dict]]:
    deals = _rows(con, "select * from marts.fct_deals order by amount_usd desc nulls last, quantity desc "
                       "nulls last, deal_id limit ?", (limit,))
    firms = {}
    if "marts.dim_firms" in relations:
        ids = sorted({d[k] for d in deals for k in ("main_firm_id", "vendor_firm_id") if d.get(k)})
        firms = dict(con.execute("select firm_id, firm_name from marts.dim_firms "
                                 "where list_contains(?, firm_id)", [ids]).fetchall()) if ids else {}
    deal_ids = [d["deal_id"] for d in deals]
    reports = _reports(con, relations, deal_ids)
    investors = _named(con, relations, deal_ids, "marts.fct_investments", "investment_id",
                       "marts.bridge_investment_investors", "investor_firm_id")
    recipients = _named(con, relations, deal_ids, "marts.fct_subsidies", "subsidy_id",
                        "marts.bridge_subsidy_recipients", "recipient_firm_id")
    documents: dict[str, dict] = {}
    out = []
    for d in deals:
        first = d["amount_source_fact_id"]
        explained = []
        for fact_id in [first] + [r for r in reports.get(d["deal_id"], []) if r != first]:
            try:
                info = explain_fact(fact_id, con=con)
            except Exception:  # noqa: BLE001 - a fact the marts lost since: the deal is listed without it
                continue
            explained.append(info)
            _add_document_fact(documents, info)
        source = explained[0] if explained else None
        parties = []
        if d.get("main_firm_id"):
            role = "buyer" if d["deal_type"] == "chip_purchase" else "investee"
            parties.append({"role": role, "name": firms.get(d["main_firm_id"], d["main_firm_id"])})
        if d.get("grantor_name"):
            parties.append({"role": "grantor", "name": d["grantor_name"]})
        parties += [{"role": "investor", "name": n} for n in investors.get(d["deal_id"], [])]
        parties += [{"role": "recipient", "name": n} for n in recipients.get(d["deal_id"], [])]
        if d.get("vendor_firm_id"):
            parties.append({"role": "vendor", "name": firms.get(d["vendor_firm_id"], d["vendor_firm_id"])})
        out.append({
            "deal_id": d["deal_id"], "deal_type": d["deal_type"], "amount": d.get("amount"),
            "currency_code": d.get("currency_code"), "amount_usd": d.get("amount_usd"),
            "usd_label": usd(d.get("amount_usd")) if d.get("amount_usd") is not None else None,
            "quantity": d.get("quantity"), "chip_model": d.get("chip_model"),
            "announced_on": d.get("announced_on"), "date_precision": d.get("date_precision"),
            "country_code": d.get("country_code") or d.get("grantor_country_code"),
            "confidence": d.get("confidence"), "reviewed": d.get("reviewed"),
            "document_count": d.get("document_count"), "parties": parties,
            "fact_id": source["fact_id"] if source else d["amount_source_fact_id"],
            "evidence": source["evidence"]["sentence"] if source else None,
            "document_id": source["document"]["document_id"] if source else d.get("first_document_id"),
            "reports": [{"fact_id": i["fact_id"], "document_id": i["document"]["document_id"],
                         "file_name": i["document"].get("file_name")} for i in explained],
        })
    _document_texts(con, relations, documents)
    return out, documents


def _reports(con, relations, deal_ids) -> dict[str, list[str]]:
    if "marts.bridge_deal_documents" not in relations or not deal_ids:
        return {}
    out: dict[str, list[str]] = {}
    for deal_id, fact_id in con.execute(
            "select deal_id, fact_id from marts.bridge_deal_documents where list_contains(?, deal_id) "
            "order by deal_id, document_id, fact_id", [deal_ids]).fetchall():
        out.setdefault(deal_id, []).append(fact_id)
    return out


def _named(con, relations, deal_ids, facts, key, bridge, firm_column) -> dict[str, list[str]]:
    """The firms a bridge table names for each deal, over all of the deal's reports."""
    if not {facts, bridge, "marts.dim_firms"} <= relations or not deal_ids:
        return {}
    out: dict[str, list[str]] = {}
    for deal_id, name in con.execute(
            f"select distinct f.deal_id, d.firm_name from {facts} f join {bridge} b using ({key}) "
            f"join marts.dim_firms d on d.firm_id = b.{firm_column} where list_contains(?, f.deal_id) "
            "order by 1, 2", [deal_ids]).fetchall():
        out.setdefault(deal_id, []).append(name)
    return out


def _add_document_fact(documents: dict[str, dict], info: dict) -> None:
    """The spans a document page highlights for one fact: every sentence merged into it (the
    evidence one marked), and in them the amounts and parties the rules read."""
    doc = info["document"]
    page = documents.setdefault(doc["document_id"], {
        "document_id": doc["document_id"], "file_name": doc.get("file_name"), "title": doc.get("title"),
        "published_on": doc.get("published_on"), "language": doc.get("language"), "facts": []})
    spans = []
    for c in info.get("candidates", []):
        start, end = (c.get("span") or [None, None])[:2]
        if start is not None and end is not None:
            kind = "evidence" if c.get("is_evidence") else "sentence"
            spans.append({"start": start, "end": end, "kind": kind, "label": c.get("rule") or ""})
        for a in c.get("amounts", []):
            if a.get("span_start") is not None and a.get("span_end") is not None:
                spans.append({"start": a["span_start"], "end": a["span_end"], "kind": "amount",
                              "label": f"{a.get('amount')} {a.get('currency_code') or ''}".strip()})
        for p in c.get("parties", []):
            if p.get("span_start") is not None and p.get("span_end") is not None:
                spans.append({"start": p["span_start"], "end": p["span_end"], "kind": "party",
                              "label": f"{p.get('role')}: {p.get('firm_id') or p.get('name')}"})
    if not any(s["kind"] == "evidence" for s in spans) and info["evidence"].get("span"):
        start, end = info["evidence"]["span"][:2]
        if start is not None and end is not None:
            spans.append({"start": start, "end": end, "kind": "evidence", "label": "evidence"})
    fact = info["fact"]
    if any(f["fact_id"] == info["fact_id"] for f in page["facts"]):
        return
    page["facts"].append({
        "fact_id": info["fact_id"], "fact_type": info["fact_type"], "table": info["table"],
        "amount": fact.get("amount"), "currency_code": fact.get("currency_code"),
        "amount_usd": fact.get("amount_usd"), "quantity": fact.get("quantity"),
        "announced_on": fact.get("announced_on"), "deal_id": fact.get("deal_id"),
        "confidence": (info.get("confidence") or {}).get("value"),
        "main_party": (info.get("main_party") or {}).get("firm_name") or fact.get("grantor_name"),
        "evidence": info["evidence"].get("sentence"), "spans": spans})


def _document_texts(con, relations, documents: dict[str, dict]) -> None:
    if "raw.documents" not in relations or not documents:
        return
    for row in _rows(con, "select document_id, text, title, file_name, published_on, language "
                          "from raw.documents where list_contains(?, document_id)", (sorted(documents),)):
        page = documents[row["document_id"]]
        page["text"] = row["text"]
        for k in ("title", "file_name", "published_on", "language"):
            page[k] = page.get(k) or row[k]


def _rejected(con, relations) -> list[dict]:
    if "raw.rejected_documents" not in relations:
        return []
    return _rows(con, "select file_name, reason, rejected_at from raw.rejected_documents "
                      "order by file_name")

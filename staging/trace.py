"""The trace of the pipeline: which rule built each candidate and which filter kept, changed, retyped or
rejected it, written to raw.candidate_trace so that a fact, or a sentence that gave none, can be explained
without reading code.

A step names its stage (`frames`, `roles`, `filters`, `passes`) and a stable `rule_id`: the candidate's
rule for `built`, else the filter's id (`cue_in_name`, `sentence_flag.denial`, `nonfact_money.valuation`,
`not_a_purchase.equipment`, `one_per_amount`, a pass's name, ...). A candidate rejected before it was
built is recorded under the id it would have had (document_id:cue_start).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import is_

from warehouse.staging.candidates import Candidate, Step
from warehouse.staging.money import Money
from warehouse.staging.sentences import Sentence

# what a document-level pass may change in a candidate, named as the trace reports it
_FIELDS = (
    "fact_type",
    "rule",
    "flags",
    "quantity",
    "chip_model",
    "country_code",
    "announced_on",
    "date_precision",
    "date_source",
    "is_background",
    "amounts",
    "parties",
    "suffix",
)


def _snapshot(c: Candidate) -> tuple:
    amounts, flags = c.amounts, c.flags
    return (
        c.fact_type,
        c.rule,
        tuple(flags) if flags else (),
        c.quantity,
        c.chip_model,
        c.country_code,
        c.announced_on,
        c.date_precision,
        c.date_source,
        c.is_background,
        [(a.start, a.amount, a.currency) for a in amounts] if amounts else (),
        [(p.role, p.name, p.start, p.rule) for p in c.parties],
        c.suffix,
    )


_step = tuple.__new__  # Step(...) without its Python-level __new__: steps are made often


class Tracing:
    """Records the steps of one document (`self.steps`, set by the context)."""

    steps: list[Step]

    def trace(self, c: Candidate, stage: str, rule_id: str, outcome: str, detail: str = "") -> None:
        """A step about a candidate that exists."""
        self.steps.append(
            _step(Step, (c, None, c.fact_type, c.sentence, c.cue_start, c.cue_start + len(c.cue), stage,
                         rule_id, outcome, detail))
        )

    def trace_kept(self, c: Candidate, filters) -> None:
        """The filters, (stage, id) pairs, that kept `c`."""
        s, ft, cs, ce = c.sentence, c.fact_type, c.cue_start, c.cue_start + len(c.cue)
        self.steps += [_step(Step, (c, None, ft, s, cs, ce, stage, f, "kept", "")) for stage, f in filters]

    def trace_built(self, c: Candidate, stage: str = "roles", detail: str = "") -> None:
        """The rule that built `c` (its flags in the detail)."""
        flags = ",".join(c.flags)
        self.trace(c, stage, c.rule, "built", f"{flags}; {detail}" if flags and detail else flags or detail)

    def reject(self, s: Sentence, fact_type: str | None, cs: int, ce: int, stage: str, rule_id: str,
               detail: str = "") -> list:
        """A candidate rejected before it was built, under the id it would have had; returns []."""
        self.steps.append(
            _step(Step, (None, f"{self.doc.document_id}:{cs}", fact_type, s, cs, ce, stage, rule_id,
                         "rejected", detail))
        )
        return []

    def reject_cue(self, s: Sentence, cue: tuple, stage: str, rule_id: str, detail: str = "") -> None:
        """A cue (fact_type, role, text, start, end) that builds nothing."""
        self.reject(s, cue[0], cue[3], cue[4], stage, rule_id, detail or f"cue {cue[2]!r}")

    def trace_money(self, s: Sentence, m: Money, label: str) -> None:
        """An amount of a cue sentence that is no deal (a valuation, a total, an estimate ...)."""
        self.steps.append(
            _step(Step, (None, None, None, s, m.start, m.end, "filters", f"nonfact_money.{label}", "rejected",
                         f"amount {m.surface!r}"))
        )

    def traced_pass(self, name: str, fn: Callable, candidates: list[Candidate], *args):
        """Run a document-level pass and record what it did: a candidate it changed or retyped, one it
        added (built) or left out of the list it returns (rejected)."""
        return self.traced_passes([(name, fn)], candidates, *args)

    def traced_membership(self, name: str, before: list[Candidate], after: list[Candidate]) -> list:
        """What a pass that returns a new list dropped (rejected) or added (built); returns `after`."""
        if len(before) != len(after) or not all(map(is_, before, after)):
            here, known = {id(c) for c in after}, {id(c) for c in before}
            for c in before:
                if id(c) not in here:
                    self.trace(c, "passes", name, "rejected")
            for c in after:
                if id(c) not in known:
                    self.trace_built(c, "passes", name)
        return after

    def traced_passes(self, passes: list[tuple[str, Callable]], candidates: list[Candidate], *args):
        """`traced_pass` for passes run in a row over the same list; returns the last one's result."""
        if not candidates:
            return self._traced_empty(passes, candidates, *args)
        before = list(candidates)
        ids = list(map(id, before))
        snaps = list(map(_snapshot, before))
        result = None
        for name, fn in passes:
            result = fn(candidates, *args)
            after = result if isinstance(result, list) else candidates
            now_ids = list(map(id, after))
            now = list(map(_snapshot, after))
            if now_ids == ids and now == snaps:
                continue  # most passes change nothing
            self._record_pass(name, before, snaps, after, now)
            before, ids, snaps = list(after), now_ids, now
        return result

    def _traced_empty(self, passes: list[tuple[str, Callable]], candidates: list[Candidate], *args):
        """The passes over no candidates: only what they add is recorded."""
        result = None
        for k, (name, fn) in enumerate(passes):
            result = fn(candidates, *args)
            after = result if isinstance(result, list) else candidates
            if after:
                for c in after:
                    self.trace_built(c, "passes", name)
                # the passes after it read the list they are given, as without a trace
                rest = passes[k + 1 :]
                return self.traced_passes(rest, candidates, *args) if rest else result
        return result

    def _record_pass(self, name: str, before: list, snaps: list, after: list, now: list) -> None:
        """What one pass did, from the candidates and their snapshots before and after it."""
        was_by_id = {id(c): (c, snap) for c, snap in zip(before, snaps, strict=True)}
        here = {id(c) for c in after}
        # a candidate the pass replaced by a copy under the same id was changed, not rejected
        dropped = {c.candidate_id: snap for key, (c, snap) in was_by_id.items() if key not in here}
        for c, snap in zip(after, now, strict=True):
            was = was_by_id[id(c)][1] if id(c) in was_by_id else dropped.pop(c.candidate_id, None)
            if was is None:
                self.trace_built(c, "passes", name)
            elif snap != was:
                changed = [f for f, a, b in zip(_FIELDS, was, snap, strict=True) if a != b]
                outcome = "retyped" if snap[0] != was[0] else "changed"
                self.trace(c, "passes", name, outcome, ",".join(changed))
        for key, (c, _snap) in was_by_id.items():
            if key not in here and c.candidate_id in dropped:
                self.trace(c, "passes", name, "rejected")

"""Bar charts as plain SVG text, for the facts overview (no charting library in the page)."""

from __future__ import annotations

import math
from html import escape

from warehouse.docs.layout import CHAR_WIDTH


def usd(value: float | None) -> str:
    """$1.2bn, $350m, $12k."""
    if value is None:
        return "n/a"
    for size, unit in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            number = value / size
            return f"${number:,.1f}{unit}" if number < 100 else f"${number:,.0f}{unit}"
    return f"${value:,.0f}"


def bars(title: str, items: list[tuple[str, float, str]], *, width: int = 460, bar_height: int = 18,
         css_class: str = "chart") -> str:
    """Horizontal bars: (label, value, caption shown after the bar), largest first as given."""
    label_width = min(200, math.ceil(max((len(label) for label, _, _ in items), default=4) * CHAR_WIDTH) + 14)
    caption_width = 110
    plot = max(60, width - label_width - caption_width)
    top = 26
    height = top + len(items) * (bar_height + 6) + 4
    peak = max((v for _, v, _ in items if v), default=0) or 1
    parts = [f'<svg class="{css_class}" role="img" aria-label="{escape(title)}" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<text class="chart-title" x="0" y="16">{escape(title)}</text>']
    for i, (label, value, caption) in enumerate(items):
        y = top + i * (bar_height + 6)
        length = max(1.0, plot * (value or 0) / peak)
        shown = label if len(label) * CHAR_WIDTH <= label_width - 10 else \
            label[: max(1, int((label_width - 10) / CHAR_WIDTH) - 1)] + "…"
        parts.append(f'<g class="bar"><title>{escape(label)}: {escape(caption)}</title>'
                     f'<text class="bar-label" x="{label_width - 6}" y="{y + bar_height - 5}" '
                     f'text-anchor="end">{escape(shown)}</text>'
                     f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" rx="2"/>'
                     f'<text class="bar-value" x="{label_width + length + 5:.1f}" y="{y + bar_height - 5}">'
                     f'{escape(caption)}</text></g>')
    if not items:
        parts.append(f'<text class="chart-empty" x="0" y="{top + 12}">no data</text>')
    parts.append("</svg>")
    return "".join(parts)

"""`warehouse docs`: a static documentation site of the project and its warehouse.

    from warehouse.docs import generate, serve
    site = generate(".", "warehouse.duckdb")       # writes target/docs/
    serve(site.path, port=8080)                    # http://127.0.0.1:8080/ until Ctrl-C

Where things happen: `site` gathers the data and writes the files, `catalog` the relations
(columns, types, tests, row counts), `lineage` column lineage with sqlglot, `layout` the graphs'
positions, `facts` the facts overview and document pages, `charts` its SVG bar charts, `serve`
the local web server; `assets/` holds the page's HTML, JavaScript and CSS.
"""

from warehouse.docs.serve import serve
from warehouse.docs.site import Site, generate

__all__ = ["Site", "generate", "serve"]

"""warehouse: a relational data warehouse in one DuckDB file."""

__version__ = "0.1.0"

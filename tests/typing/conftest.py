"""The scripts under cases/ are inputs to mypy, not modules to import or collect."""

collect_ignore_glob = ["cases/*"]

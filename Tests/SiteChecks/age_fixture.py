#!/usr/bin/env python3
"""Edits a generated content folder the way time does, after a first build recorded its
addresses: renames a document (with `aliases`), turns a quote into an ordinary block quote,
and deletes a document. The next build then leaves pages at old addresses, for the same
checks as every other page.

usage: age_fixture.py CONTENT
"""
import pathlib
import re
import sys


def main(content: pathlib.Path) -> None:
    documents = sorted((content / "documents").glob("*.md"))
    quoted = [d for d in documents if re.search(r"^> (—|--) ", d.read_text(encoding="utf-8"), re.M)]
    if len(quoted) < 3:
        sys.exit("age_fixture.py: need three documents with quotes")
    renamed, unquoted, deleted = quoted[0], quoted[1], quoted[2]

    text = renamed.read_text(encoding="utf-8")
    text = text.replace("\n---\n", f"\naliases: [{renamed.stem}]\n---\n", 1)
    renamed.unlink()
    (content / "documents" / f"{renamed.stem}-renamed.md").write_text(text, encoding="utf-8")

    text = unquoted.read_text(encoding="utf-8")
    text = re.sub(r"^>\n> (—|--) .*\n", "", text, count=1, flags=re.M)
    unquoted.write_text(text, encoding="utf-8")

    deleted.unlink()


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

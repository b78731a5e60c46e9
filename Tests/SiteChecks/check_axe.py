#!/usr/bin/env python3
"""Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every page of a built site.

usage: check_axe.py SITE_DIR [--base-url URL] [--max-pages N] [--width W] [--timeout S]

SITE_DIR is served from a loopback-only HTTP server (127.0.0.1, free port, in
a thread); each .html page is opened in one headless Chromium (Debian's
chromium + chromium-driver through Selenium), axe.min.js (bundled by the PyPI
package selenium-axe-python; override with $AXE_JS) is injected and
    axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}})
is run. Every violation node is a finding.

With --base-url, the site is served under that URL's path and absolute links
to the base URL are rewritten to the local server, so pages that link
absolutely (a 404 page) get their stylesheet. The browser can resolve no host
but loopback: nothing leaves the machine.

--max-pages N checks an evenly spread sample of N pages (always including
index.html) instead of all pages.

Output: one `path:line:column: error: [rule] (impact) help: selector` line per
violating element (line/column are those of the element's start tag in the
file when it can be found there, else omitted), then a summary line.
Exit status 0 when there is no violation, 1 on any violation or page that
could not be checked, 2 when the browser cannot be started.
"""

import argparse
import collections
import html
import json
import os
import re
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitechecks_lib as lib  # noqa: E402

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """
var done = arguments[arguments.length - 1];
var tags = arguments[0];
if (typeof axe === 'undefined') { done({ok: false, error: 'axe is not defined on the page'}); return; }
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(function (r) {
    done({ok: true, version: axe.version, violations: r.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
              nodes: v.nodes.map(function (n) {
                return {target: n.target, html: n.html, impact: n.impact,
                        summary: n.failureSummary};
              })};
    })});
  })
  .catch(function (e) { done({ok: false, error: String((e && e.stack) || e)}); });
"""


def sample(rels, n):
    if n is None or n <= 0 or n >= len(rels):
        return rels
    chosen = {"index.html"} & set(rels)
    step = len(rels) / float(n)
    i = 0.0
    while len(chosen) < n and int(i) < len(rels):
        chosen.add(rels[int(i)])
        i += step
    for r in rels:  # top up if rounding collided
        if len(chosen) >= n:
            break
        chosen.add(r)
    return sorted(chosen)


class SourceLocator:
    """Find the line/column of an element's start tag in the page source (best effort)."""

    def __init__(self, path):
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                self.text = f.read()
        except OSError:
            self.text = ""
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    def _pos(self, offset):
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.line_starts[lo] + 1

    def find(self, node_html, selector):
        if not self.text or not node_html:
            return None
        m = re.match(r"<[^>]*>", node_html, re.S)
        start_tag = m.group(0) if m else node_html
        candidates = [start_tag, html.unescape(start_tag)]
        for cand in candidates:
            idx = self.text.find(cand)
            if idx >= 0:
                return self._pos(idx)
        # Fall back on an id from the selector, e.g. "#main" or "a[href=...]".
        m = re.search(r"#([A-Za-z][\w-]*)", selector or "")
        if m:
            idx = self.text.find('id="%s"' % m.group(1))
            if idx >= 0:
                idx = self.text.rfind("<", 0, idx)
                return self._pos(idx)
        return None


def selector_text(target):
    parts = []
    for t in target or []:
        parts.append(" >>> ".join(t) if isinstance(t, list) else str(t))
    return ", ".join(parts)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Run axe-core WCAG A/AA rules on every page of a built site.")
    ap.add_argument("site_dir")
    ap.add_argument("--base-url", default=None,
                    help="serve the site under this URL's path and map absolute links to it locally")
    ap.add_argument("--max-pages", type=int, default=None, metavar="N",
                    help="check an evenly spread sample of N pages (default: all)")
    ap.add_argument("--width", type=int, default=1280, help="browser window width (default 1280)")
    ap.add_argument("--height", type=int, default=900, help="browser window height (default 900)")
    ap.add_argument("--timeout", type=float, default=30, help="page-load and script timeout in seconds (default 30)")
    ap.add_argument("--json", metavar="FILE", help="also write the raw violations as JSON to FILE")
    args = ap.parse_args(argv)

    site_dir = args.site_dir
    if not os.path.isdir(site_dir):
        print("check_axe: %s: not a directory" % site_dir, file=sys.stderr)
        return 2
    axe_path = lib.axe_script_path()
    if not axe_path or not os.path.isfile(axe_path):
        print("check_axe: axe.min.js not found; run install.sh (pip install selenium-axe-python)", file=sys.stderr)
        return 2
    with open(axe_path, encoding="utf-8") as f:
        axe_source = f.read()
    try:
        from selenium.common.exceptions import TimeoutException, WebDriverException
    except ImportError:
        print("check_axe: selenium is not installed; run install.sh", file=sys.stderr)
        return 2

    rels = sample(lib.html_files(site_dir), args.max_pages)
    if not rels:
        print("check_axe: no .html files under %s" % site_dir, file=sys.stderr)
        return 2

    lib.install_sigterm_handler()
    findings = []
    unchecked = []
    raw = {}
    rule_pages = collections.defaultdict(set)
    rule_nodes = collections.Counter()
    rule_impact = {}
    checked = 0
    axe_version = "?"
    t0 = time.monotonic()
    driver = None
    try:
        with lib.LocalSite(site_dir, args.base_url) as site:
            try:
                driver = lib.start_chromium(args.width, args.height, args.timeout)
            except WebDriverException as e:
                print("check_axe: cannot start headless Chromium: %s" % str(e).strip().splitlines()[0],
                      file=sys.stderr)
                return 2
            for rel in rels:
                shown = os.path.join(site_dir, rel)
                url = site.url_for(rel)
                result = None
                for attempt in (1, 2):
                    try:
                        driver.get(url)
                        driver.execute_script(axe_source)
                        result = driver.execute_async_script(RUN_AXE, TAGS)
                        break
                    except TimeoutException:
                        result = {"ok": False, "error": "timed out after %g s (page load or axe.run)" % args.timeout}
                        break
                    except WebDriverException as e:
                        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                        result = {"ok": False, "error": "browser error: %s" % msg}
                        try:  # is the browser still alive? then this is a page error: no retry
                            driver.execute_script("return 1")
                            break
                        except WebDriverException:
                            pass
                        if attempt == 1:  # the browser crashed: start a fresh one, once
                            try:
                                driver.quit()
                            except Exception:
                                pass
                            driver = None
                            try:
                                driver = lib.start_chromium(args.width, args.height, args.timeout)
                            except WebDriverException as e2:
                                print("check_axe: cannot restart headless Chromium: %s"
                                      % str(e2).strip().splitlines()[0], file=sys.stderr)
                                return 2
                if not result or not result.get("ok"):
                    unchecked.append("%s: error: page not checked: %s" % (shown, (result or {}).get("error")))
                    continue
                checked += 1
                axe_version = result.get("version", axe_version)
                raw[rel] = result["violations"]
                locator = None
                for v in result["violations"]:
                    rule_pages[v["id"]].add(rel)
                    rule_impact[v["id"]] = (v.get("impact"), v.get("help"), v.get("helpUrl"))
                    for node in v["nodes"]:
                        rule_nodes[v["id"]] += 1
                        sel = selector_text(node.get("target"))
                        if locator is None:
                            locator = SourceLocator(os.path.join(site_dir, rel))
                        pos = locator.find(node.get("html"), sel)
                        where = "%s:%d:%d" % (shown, pos[0], pos[1]) if pos else shown
                        findings.append("%s: error: [%s] (%s) %s: %s"
                                        % (where, v["id"], node.get("impact") or v.get("impact"), v["help"], sel))
    except KeyboardInterrupt:
        print("check_axe: interrupted", file=sys.stderr)
        return 130
    finally:
        lib.quit_driver(driver)
    elapsed = time.monotonic() - t0

    for line in unchecked + findings:
        print(line)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(raw, f, indent=1)
    for rule in sorted(rule_pages, key=lambda r: (-len(rule_pages[r]), r)):
        impact, help_text, help_url = rule_impact[rule]
        print("check_axe: rule %s (%s): %d element%s on %d page%s - %s <%s>"
              % (rule, impact, rule_nodes[rule], "" if rule_nodes[rule] == 1 else "s",
                 len(rule_pages[rule]), "" if len(rule_pages[rule]) == 1 else "s", help_text, help_url))
    bad_pages = len({p for s in rule_pages.values() for p in s})
    print("check_axe: %d of %d pages checked with axe-core %s in %.1f s, %d violation%s on %d page%s%s"
          % (checked, len(rels), axe_version, elapsed, len(findings),
             "" if len(findings) == 1 else "s", bad_pages, "" if bad_pages == 1 else "s",
             ", %d page%s not checked" % (len(unchecked), "" if len(unchecked) == 1 else "s") if unchecked else ""))
    return 1 if findings or unchecked else 0


if __name__ == "__main__":
    sys.exit(main())

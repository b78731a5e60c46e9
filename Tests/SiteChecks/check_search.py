#!/usr/bin/env python3
"""Search in a real browser, as a keyboard and screen-reader user meets it.

usage: check_search.py SITE_DIR QUERY EXPECTED_PATH [--base-url URL] [--timeout 20]

Serves SITE_DIR on 127.0.0.1, opens search/index.html in headless Chromium and
checks, each bounded by --timeout:
  - the search box has a visible <label>;
  - typing QUERY finds a result that links to EXPECTED_PATH (e.g. quotes/x-1/);
  - an aria-live region announces the count, "N result(s) for QUERY", and N is
    the number of results shown;
  - result titles look like the page's other links: its link colour, underlined;
  - axe-core finds nothing on the page with its results shown.
Exit 0 when all pass, 1 otherwise. The last line is `N passed, M failed`.
"""

import argparse
import os
import re
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_axe  # noqa: E402
import sitechecks_lib as lib  # noqa: E402

# Records every text put into an aria-live region: Pagefind clears its regions soon after speaking.
RECORD_ANNOUNCEMENTS = """
window.__announced = [];
new MutationObserver(records => {
  for (const record of records) {
    const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
    const region = node && node.closest("[aria-live]");
    const text = region && region.textContent.trim();
    if (text) window.__announced.push(region.getAttribute("aria-live") + ": " + text);
  }
}).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
"""

LABEL = """
const box = arguments[0];
const label = box.labels && box.labels[0];
if (!label) return null;
const r = label.getBoundingClientRect();
const style = getComputedStyle(label);
const visible = r.width > 8 && r.height > 8 && style.clipPath === "none" && style.visibility === "visible";
return {text: label.textContent.trim(), visible: visible};
"""

LOOKS = """
const style = e => { const s = getComputedStyle(e); return {color: s.color, line: s.textDecorationLine}; };
return {result: style(arguments[0]), link: style(document.querySelector(".search-browse a"))};
"""


def wait_for(timeout, probe):
    deadline = time.time() + timeout
    value = probe()
    while not value and time.time() < deadline:
        time.sleep(0.1)
        value = probe()
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("query")
    parser.add_argument("expected")
    parser.add_argument("--base-url")
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()
    lib.install_sigterm_handler()
    page = "search/index.html"
    if not os.path.isdir(os.path.join(args.site, "pagefind")):
        print("%s/%s: error: the site has no Pagefind index; build it with --search" % (args.site, page))
        print("0 passed, 1 failed")
        return 1
    from selenium.webdriver.common.by import By

    passed, failed = 0, 0

    def report(ok, message):
        nonlocal passed, failed
        if ok:
            passed += 1
            print("search: " + message)
        else:
            failed += 1
            print("%s: error: %s" % (page, message))

    with lib.LocalSite(args.site, args.base_url) as site:
        driver = lib.start_chromium(timeout=args.timeout)
        try:
            driver.get(site.url_for(page))
            driver.execute_script(RECORD_ANNOUNCEMENTS)
            box = wait_for(args.timeout, lambda: (driver.find_elements(By.CSS_SELECTOR, "#search input") or [None])[0])
            if box is None:
                report(False, "Pagefind's search box never appeared")
                print("%d passed, %d failed" % (passed, failed))
                return 1
            label = driver.execute_script(LABEL, box)
            report(bool(label and label["visible"]),
                   "the search box has a visible label, '%s'" % label["text"] if label and label["visible"]
                   else "the search box has no visible label (%s)" % label)

            box.send_keys(args.query)

            def found():
                links = driver.find_elements(By.CSS_SELECTOR, "#search .pf-result-link")
                return [a for a in links if args.expected in (a.get_attribute("href") or "")]
            hit = wait_for(args.timeout, found)
            shown = len(driver.find_elements(By.CSS_SELECTOR, "#search .pf-result"))
            report(bool(hit), "'%s' finds %s among %d results" % (args.query, args.expected, shown) if hit
                   else "searching '%s' did not find %s (%d results)" % (args.query, args.expected, shown))

            pattern = re.compile(r"^(polite|assertive): (\d+) results? for %s$" % re.escape(args.query))
            said = wait_for(args.timeout, lambda: [m for m in map(pattern.match, driver.execute_script(
                "return window.__announced")) if m])
            count = int(said[-1].group(2)) if said else None
            report(count == shown and shown > 0,
                   "the live region announced '%s'" % said[-1].group(0) if said
                   else "no live region announced a count (heard: %s)" % driver.execute_script(
                       "return window.__announced"))

            if hit:
                looks = driver.execute_script(LOOKS, hit[0])
                like = looks["result"]["color"] == looks["link"]["color"] and "underline" in looks["result"]["line"]
                report(like, "result titles look like links (%s, %s)" % (looks["result"]["color"], looks["result"]["line"])
                       if like else "result titles do not look like links: %s against %s" % (
                           looks["result"], looks["link"]))

            driver.execute_script(open(lib.axe_script_path(), encoding="utf-8").read())
            result = driver.execute_async_script(check_axe.RUN_AXE, check_axe.TAGS)
            problems = ["[%s] %s: %s" % (v["id"], v["help"], check_axe.selector_text(n["target"]))
                        for v in result.get("violations", []) for n in v["nodes"]] if result.get("ok") \
                else ["axe did not run: %s" % result.get("error")]
            report(not problems, "axe-core finds nothing with the results shown" if not problems
                   else "axe-core with the results shown: " + "; ".join(problems))
        finally:
            lib.quit_driver(driver)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Search in a real browser: typing a speaker's name finds their quote page.

usage: check_search.py SITE_DIR QUERY EXPECTED_PATH [--base-url URL] [--timeout 20]

Serves SITE_DIR on 127.0.0.1, opens search/index.html in headless Chromium,
types QUERY into Pagefind's search box and waits (bounded) for a result that
links to EXPECTED_PATH (e.g. quotes/x-1/). Exit 0 when found, 1 otherwise.
"""

import argparse
import os
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitechecks_lib as lib  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("query")
    parser.add_argument("expected")
    parser.add_argument("--base-url")
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()
    lib.install_sigterm_handler()
    if not os.path.isdir(os.path.join(args.site, "pagefind")):
        print("%s/search/index.html: error: the site has no Pagefind index; build it with --search" % args.site)
        print("0 passed, 1 failed")
        return 1
    from selenium.webdriver.common.by import By

    with lib.LocalSite(args.site, args.base_url) as site:
        driver = lib.start_chromium(timeout=args.timeout)
        try:
            driver.get(site.url_for("search/index.html"))
            deadline = time.time() + args.timeout
            box = None
            while time.time() < deadline and box is None:
                found = driver.find_elements(By.CSS_SELECTOR, "#search input")
                box = found[0] if found else None
                time.sleep(0.1)
            if box is None:
                print("search/index.html: error: Pagefind's search box never appeared")
                print("0 passed, 1 failed")
                return 1
            box.send_keys(args.query)
            links = []
            while time.time() < deadline:
                links = [a.get_attribute("href") or "" for a in
                         driver.find_elements(By.CSS_SELECTOR, "#search .pagefind-ui__result-link")]
                if any(args.expected in link for link in links):
                    print("search: '%s' finds %s among %d results" % (args.query, args.expected, len(links)))
                    print("1 passed, 0 failed")
                    return 0
                time.sleep(0.2)
            print("search/index.html: error: searching '%s' did not find %s (results: %s)"
                  % (args.query, args.expected, ", ".join(links[:10]) or "none"))
            print("0 passed, 1 failed")
            return 1
        finally:
            lib.quit_driver(driver)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Full-height screenshots of the home page and one quote page at phone and desktop widths.

usage: screenshots.py SITE_DIR OUT_DIR [--base-url URL] [--widths 390,1280] [--max-height 6000]

Serves SITE_DIR on 127.0.0.1 (loopback only) and opens, in headless Chromium:
  home  = index.html
  quote = the first quotes/*/index.html in sorted order
at each width (390 and 1280 px by default). The window is then made as tall
as the page (document scrollHeight, capped at --max-height px) and the
screenshot is written as OUT_DIR/<page>-<width>.png:
  home-390.png, home-1280.png, quote-390.png, quote-1280.png

Output: one line per file written; `path: error: message` per problem;
a summary line. Exit status 0 when every screenshot was written, else 1
(2 when the browser cannot be started).
"""

import argparse
import glob
import os
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitechecks_lib as lib  # noqa: E402

PAGE_HEIGHT_JS = """
var d = document.documentElement, b = document.body;
return Math.max(d.scrollHeight, d.offsetHeight, b ? b.scrollHeight : 0, b ? b.offsetHeight : 0);
"""
VIEWPORT_JS = "return [window.innerWidth, window.innerHeight, document.documentElement.scrollWidth];"


def pick_pages(site_dir):
    pages = []
    if os.path.isfile(os.path.join(site_dir, "index.html")):
        pages.append(("home", "index.html"))
    quotes = sorted(glob.glob(os.path.join(glob.escape(site_dir), "quotes", "*", "index.html")))
    if quotes:
        pages.append(("quote", os.path.relpath(quotes[0], site_dir).replace(os.sep, "/")))
    return pages


def fit_window(driver, width, css_height):
    """Resize so the viewport is exactly width x css_height CSS px (window chrome compensated)."""
    driver.set_window_size(width, css_height)
    for _ in range(3):
        inner_w, inner_h, _ = driver.execute_script(VIEWPORT_JS)
        dw, dh = width - inner_w, css_height - inner_h
        if dw == 0 and dh == 0:
            return
        size = driver.get_window_size()
        driver.set_window_size(size["width"] + dw, size["height"] + dh)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Screenshot the home page and a quote page at phone and desktop widths.")
    ap.add_argument("site_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--base-url", default=None,
                    help="serve the site under this URL's path and map absolute links to it locally")
    ap.add_argument("--widths", default="390,1280", help="comma-separated window widths (default 390,1280)")
    ap.add_argument("--max-height", type=int, default=6000, help="cap on the page height captured (default 6000)")
    ap.add_argument("--timeout", type=float, default=30, help="page-load timeout in seconds (default 30)")
    args = ap.parse_args(argv)

    site_dir = args.site_dir
    if not os.path.isdir(site_dir):
        print("screenshots: %s: not a directory" % site_dir, file=sys.stderr)
        return 2
    try:
        widths = [int(w) for w in args.widths.split(",") if w.strip()]
    except ValueError:
        print("screenshots: --widths must be comma-separated integers", file=sys.stderr)
        return 2
    from selenium.common.exceptions import WebDriverException

    pages = pick_pages(site_dir)
    problems = []
    if not any(name == "home" for name, _ in pages):
        problems.append("%s: error: no index.html (home page)" % os.path.join(site_dir, "index.html"))
    if not any(name == "quote" for name, _ in pages):
        problems.append("%s: error: no quotes/*/index.html page" % os.path.join(site_dir, "quotes"))
    os.makedirs(args.out_dir, exist_ok=True)

    lib.install_sigterm_handler()
    written = 0
    t0 = time.monotonic()
    driver = None
    try:
        with lib.LocalSite(site_dir, args.base_url) as site:
            try:
                driver = lib.start_chromium(max(widths), 900, args.timeout)
            except WebDriverException as e:
                print("screenshots: cannot start headless Chromium: %s" % str(e).strip().splitlines()[0],
                      file=sys.stderr)
                return 2
            for name, rel in pages:
                for width in widths:
                    out = os.path.join(args.out_dir, "%s-%d.png" % (name, width))
                    try:
                        fit_window(driver, width, 900)
                        driver.get(site.url_for(rel))
                        driver.execute_script("return document.fonts ? document.fonts.ready : null")
                        height = min(int(driver.execute_script(PAGE_HEIGHT_JS)), args.max_height)
                        fit_window(driver, width, height)
                        # The taller window can reflow the page (e.g. 100vh blocks): measure once more.
                        height2 = min(int(driver.execute_script(PAGE_HEIGHT_JS)), args.max_height)
                        if height2 != height:
                            fit_window(driver, width, height2)
                            height = height2
                        driver.execute_script("window.scrollTo(0, 0)")
                        inner_w, inner_h, scroll_w = driver.execute_script(VIEWPORT_JS)
                        if not driver.save_screenshot(out):
                            raise WebDriverException("save_screenshot returned False")
                        note = ""
                        if scroll_w > inner_w:
                            note = " (page is %d px wide: horizontal overflow)" % scroll_w
                        print("%s: %dx%d from %s%s" % (out, inner_w, inner_h, rel, note))
                        written += 1
                    except WebDriverException as e:
                        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                        problems.append("%s: error: screenshot at %d px failed: %s"
                                        % (os.path.join(site_dir, rel), width, msg))
    except KeyboardInterrupt:
        print("screenshots: interrupted", file=sys.stderr)
        return 130
    finally:
        lib.quit_driver(driver)

    for line in problems:
        print(line)
    print("screenshots: %d screenshot%s written to %s in %.1f s, %d problem%s"
          % (written, "" if written == 1 else "s", args.out_dir, time.monotonic() - t0,
             len(problems), "" if len(problems) == 1 else "s"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

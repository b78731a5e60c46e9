#!/usr/bin/env python3
"""Keyboard focus in a real browser: every link and control focused with Tab stays readable.

usage: check_focus.py SITE_DIR [--base-url URL] [--pages index.html,...] [--timeout 20]

Serves SITE_DIR on 127.0.0.1, opens each page in headless Chromium and presses
Tab until focus comes round again (at most 400 times). For each element that
takes focus it computes the contrast of its text colour against the colour
behind it (its own background, else the nearest ancestor's) and reports any
below WCAG's 4.5:1. Exit 0 when every page passes, 1 otherwise.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitechecks_lib as lib  # noqa: E402

# The focused element: a selector to name it, its text colour and the first opaque colour behind it.
FOCUSED = """
const e = document.activeElement;
if (!e || e === document.body) return null;
const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number);
let behind = null;
for (let n = e; n && !behind; n = n.parentElement) {
  const c = rgba(getComputedStyle(n).backgroundColor);
  if (c.length === 3 || (c.length === 4 && c[3] === 1)) behind = c.slice(0, 3);
}
let name = e.tagName.toLowerCase();
if (e.id) name += "#" + e.id;
else if (e.className && typeof e.className === "string") name += "." + e.className.trim().split(/\\s+/).join(".");
const text = (e.textContent || e.value || "").trim().slice(0, 40);
return {name: name, text: text, color: rgba(getComputedStyle(e).color).slice(0, 3), behind: behind || [255, 255, 255]};
"""


def luminance(rgb):
    def channel(v):
        v /= 255.0
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--base-url")
    parser.add_argument("--pages", default="index.html,404.html")
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()
    lib.install_sigterm_handler()
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    passed, failed = 0, 0
    with lib.LocalSite(args.site, args.base_url) as site:
        driver = lib.start_chromium(timeout=args.timeout)
        try:
            for page in args.pages.split(","):
                driver.get(site.url_for(page))
                seen, low = [], []
                for _ in range(400):
                    ActionChains(driver).send_keys(Keys.TAB).perform()
                    focused = driver.execute_script(FOCUSED)
                    if focused is None:
                        continue
                    key = (focused["name"], focused["text"])
                    if seen and key == seen[0]:
                        break
                    seen.append(key)
                    ratio = contrast(focused["color"], focused["behind"])
                    if ratio < 4.5:
                        low.append("%s '%s': rgb%s on rgb%s is %.2f:1" % (
                            focused["name"], focused["text"], tuple(focused["color"]), tuple(focused["behind"]), ratio))
                for line in low:
                    print("%s: error: focused %s, below 4.5:1" % (os.path.join(args.site, page), line))
                if low or not seen:
                    failed += 1
                    if not seen:
                        print("%s: error: Tab never focused anything" % os.path.join(args.site, page))
                else:
                    passed += 1
                    print("check_focus: %s: %d focus stops, every one at least 4.5:1" % (page, len(seen)))
        finally:
            lib.quit_driver(driver)
    print("check_focus: %d of %d pages pass" % (passed, passed + failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

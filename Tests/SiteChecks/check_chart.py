#!/usr/bin/env python3
"""The home page tells the journey at a glance, in a real browser (issue 18, item 4).

usage: check_chart.py SITE_DIR [--base-url URL] [--timeout 20]

Serves SITE_DIR on 127.0.0.1 and opens index.html in headless Chromium:
  - at 1280x800, the strip of overall judgements ends above the fold, without scrolling;
  - at 390 and 320 px wide, every text of the journey chart is drawn at least 80% of the
    body's font size, and every marker at least 12 px across.
Exit 0 when all hold, 1 otherwise.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sitechecks_lib as lib  # noqa: E402

MEASURE = """
const body = parseFloat(getComputedStyle(document.body).fontSize);
const strip = document.querySelector('.journey-strip');
const texts = [...document.querySelectorAll('.chart svg text')].map(t => {
  const scale = t.getScreenCTM().a;
  return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale};
});
const markers = [...document.querySelectorAll('.chart svg circle')].map(c => c.getBoundingClientRect().width);
return {body: body, stripBottom: strip ? strip.getBoundingClientRect().bottom : null,
        stripItems: strip ? strip.children.length : 0, fold: window.innerHeight, texts: texts, markers: markers};
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--base-url")
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()
    lib.install_sigterm_handler()
    problems = []
    page = os.path.join(args.site, "index.html")
    with lib.LocalSite(args.site, args.base_url) as site:
        for width, height in ((1280, 800), (390, 844), (320, 640)):
            driver = lib.start_chromium(width=width, height=height, timeout=args.timeout)
            try:
                driver.get(site.url_for("index.html"))
                m = driver.execute_script(MEASURE)
            finally:
                lib.quit_driver(driver)
            if width == 1280:
                if m["stripBottom"] is None or m["stripItems"] == 0:
                    problems.append("at 1280 px there is no strip of judgements")
                elif m["stripBottom"] > m["fold"]:
                    problems.append("at 1280 px the judgements end at %d px, below the fold at %d" % (m["stripBottom"], m["fold"]))
                else:
                    print("check_chart: 1280 px: %d judgements visible without scrolling (end at %d of %d px)"
                          % (m["stripItems"], m["stripBottom"], m["fold"]))
                continue
            if not m["texts"] or not m["markers"]:
                problems.append("at %d px the chart has no text or no markers" % width)
                continue
            smallest = min(m["texts"], key=lambda t: t["px"])
            if smallest["px"] < 0.8 * m["body"]:
                problems.append("at %d px '%s' is drawn at %.1f px, below 80%% of the body's %.1f px"
                                % (width, smallest["text"], smallest["px"], m["body"]))
            if min(m["markers"]) < 12:
                problems.append("at %d px a marker is %.1f px across, below 12" % (width, min(m["markers"])))
            print("check_chart: %d px: smallest chart text %.1f px (body %.1f), smallest marker %.1f px"
                  % (width, smallest["px"], m["body"], min(m["markers"])))
    for problem in problems:
        print("%s: error: %s" % (page, problem))
    print("check_chart: %s" % ("every check passes" if not problems else "%d problems" % len(problems)))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())

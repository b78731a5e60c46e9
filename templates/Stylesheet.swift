/// The portal's one stylesheet, written to `style.css`: system fonts, responsive from 320 px, print-friendly.
enum Stylesheet {
    static let css = """
    :root {
      --text: #0b0c0c; --muted: #505a5f; --link: #1d70b8; --visited: #4c2c92; --line: #b1b4b6;
      --panel: #f3f2f1; --focus: #ffdd00; --brand: #1d3f5e;
      --inadequate: #a4000f; --requires-improvement: #ffdd57; --good: #1d70b8; --outstanding: #00703c;
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0; color: var(--text); background: #fff; line-height: 1.55;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 1.0625rem;
    }
    .wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
    main { display: block; padding-bottom: 3rem; }
    main:focus { outline: none; }
    h1, h2, h3 { line-height: 1.25; margin: 1.5em 0 0.5em; }
    h1 { font-size: clamp(1.75rem, 5vw, 2.5rem); margin-top: 1rem; }
    h2 { font-size: clamp(1.35rem, 3.5vw, 1.75rem); }
    h3 { font-size: 1.2rem; }
    p, ul, ol, dl, table, figure { margin: 0 0 1rem; }
    img, svg { max-width: 100%; height: auto; }
    a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
    a:visited { color: var(--visited); }
    a:hover { text-decoration-thickness: 3px; }
    a:focus-visible, button:focus-visible, [tabindex]:focus-visible {
      outline: 3px solid var(--text); outline-offset: 0; background: var(--focus); color: var(--text);
      box-shadow: 0 -2px var(--focus), 0 4px var(--text); text-decoration: none;
    }
    .visually-hidden {
      position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
      clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
    }
    .skip-link { position: absolute; left: -9999px; top: 0; padding: 0.5rem 1rem; background: var(--focus); color: var(--text); z-index: 10; }
    .skip-link:focus { left: 0; }
    .site-header { background: var(--brand); color: #fff; padding: 0.75rem 0; }
    .site-header .wrap { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; justify-content: space-between; }
    .site-title, .site-title:visited { color: #fff; font-weight: 700; font-size: 1.15rem; text-decoration: none; }
    .site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .site-nav a, .site-nav a:visited { color: #fff; display: inline-block; padding: 0.35rem 0; }
    .site-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
    .site-header a:focus-visible { color: var(--text); }
    .breadcrumbs ol { list-style: none; margin: 1rem auto 0; padding: 0; font-size: 0.95rem; }
    .breadcrumbs li { display: inline; }
    .breadcrumbs li + li::before { content: "›"; margin: 0 0.5rem; color: var(--muted); }
    .lead { font-size: 1.2rem; color: var(--text); max-width: 45rem; }
    .meta { color: var(--muted); font-size: 0.95rem; margin-bottom: 0.25rem; }
    .cards { list-style: none; padding: 0; display: grid; gap: 1rem; }
    .card { border-top: 1px solid var(--line); padding-top: 0.75rem; }
    .card p:last-child { margin-bottom: 0; }
    .card-title { margin: 0 0 0.25rem; font-size: 1.15rem; }
    .badge {
      display: inline-block; padding: 0.1rem 0.5rem; border: 2px solid transparent; border-radius: 0.25rem;
      font-weight: 700; font-size: 0.9rem; line-height: 1.4; color: #fff; white-space: nowrap;
    }
    .badge-inadequate { background: var(--inadequate); }
    .badge-requires-improvement { background: var(--requires-improvement); color: var(--text); border-color: #6f5b00; }
    .badge-good { background: var(--good); }
    .badge-outstanding { background: var(--outstanding); }
    .standing { background: var(--panel); padding: 1rem 1.25rem; border-left: 6px solid var(--outstanding); }
    .standing h2 { margin-top: 0; }
    .journey-strip { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; font-size: 1.1rem; }
    .journey-strip li { display: flex; gap: 0.4rem; align-items: center; }
    .journey-strip li + li::before { content: "→"; color: var(--muted); margin-right: 0.35rem; }
    .standing-judgement .badge { font-size: 1.4rem; padding: 0.25rem 0.75rem; }
    .areas { padding-left: 1.25rem; }
    .areas li { margin-bottom: 0.35rem; }
    .chart { margin: 0 0 1rem; }
    .chart svg { width: 100%; max-width: 32rem; display: block; background: #fff; }
    .chart .grid { stroke: var(--line); stroke-width: 1; }
    .chart .level, .chart .year { font-size: 18px; fill: var(--text); font-family: inherit; }
    .chart .point { stroke: var(--text); stroke-width: 2.5; }
    .chart .point-none { fill: #fff; }
    .chart .point-inadequate { fill: var(--inadequate); }
    .chart .point-requires-improvement { fill: var(--requires-improvement); }
    .chart .point-good { fill: var(--good); }
    .chart .point-outstanding { fill: var(--outstanding); }
    .chart figcaption { color: var(--muted); font-size: 0.95rem; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; font-weight: 700; padding-bottom: 0.5rem; }
    th, td { text-align: left; padding: 0.5rem 0.5rem 0.5rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
    .facts dt { font-weight: 700; }
    .facts dd { margin: 0; }
    .tags { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
    .prose { max-width: 45rem; }
    .prose blockquote, .quote blockquote { margin: 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid var(--line); }
    .quote { margin: 1.25rem 0; }
    .quotes-whole { list-style: none; padding: 0; display: grid; gap: 1.5rem; }
    .quote-whole blockquote { margin: 0 0 0.5rem; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid var(--brand); }
    .pagination { margin: 2rem 0 1rem; }
    .pagination p { margin: 0 0 0.5rem; font-weight: 700; }
    .pagination ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .pagination a { display: inline-block; min-width: 2.75rem; min-height: 2.75rem; padding: 0.6rem 0.75rem; text-align: center; }
    .pagination a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
    .pagination .gap { padding: 0.6rem 0.25rem; }
    .quote blockquote { border-left-color: var(--brand); font-size: 1.05em; }
    .quote figcaption { margin-top: 0.5rem; padding-left: 1.25rem; }
    .quote-large blockquote { font-size: clamp(1.2rem, 3.5vw, 1.5rem); line-height: 1.45; }
    .quote-excerpt { margin-bottom: 0.25rem; }
    .quote-page h1 { font-size: clamp(1.5rem, 4vw, 2rem); }
    .timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: 0.25rem; }
    .timeline .event { padding: 0 0 1rem 1rem; position: relative; }
    .timeline .event::before {
      content: ""; position: absolute; left: -0.5rem; top: 0.45rem; width: 0.75rem; height: 0.75rem;
      border-radius: 50%; background: #fff; border: 3px solid var(--brand);
    }
    .timeline .event-visit::before { background: var(--brand); }
    .explore { padding-left: 1.25rem; }
    .explore li { margin-bottom: 0.4rem; }
    .draft { background: var(--focus); padding: 0.5rem; }
    [data-pf-sr-hidden]:not(pagefind-input label) {
      position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
    }
    [data-pf-hidden], .pf-skeleton-image { display: none; }
    [data-pf-suppressed] { visibility: hidden; }
    .search { margin: 1.5rem 0 2rem; }
    .pf-input-wrapper { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .pf-input-wrapper label { flex-basis: 100%; font-weight: 700; font-size: 1.2rem; }
    .pf-input {
      flex: 1 1 16rem; max-width: 36rem; min-height: 2.75rem; padding: 0.4rem 0.6rem;
      font: inherit; color: var(--text); background: #fff; border: 2px solid var(--text); border-radius: 0;
    }
    .pf-input::-webkit-search-cancel-button { appearance: none; }
    .pf-input:focus { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--text); }
    .pf-input-clear {
      min-height: 2.75rem; padding: 0.4rem 0.9rem; font: inherit; color: var(--text);
      background: var(--panel); border: 2px solid var(--text); cursor: pointer;
    }
    .pf-summary { color: var(--muted); margin: 0.75rem 0; min-height: 1.55em; }
    .search-layout { display: grid; gap: 1rem 2rem; }
    .pf-filter-group { margin-bottom: 0.5rem; }
    .pf-filter-group-title { font-weight: 700; cursor: pointer; }
    .pf-filter-fieldset { border: 0; margin: 0; padding: 0.25rem 0 0 1rem; }
    .pf-filter-checkbox { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.15rem 0; }
    .pf-filter-checkbox input { width: 1.1rem; height: 1.1rem; margin: 0; }
    .pf-filter-checkbox-count { color: var(--muted); }
    .pf-results { list-style: none; margin: 0; padding: 0; }
    .pf-result { border-top: 1px solid var(--line); padding: 0.75rem 0; }
    .pf-result-title { font-size: 1.15rem; font-weight: 700; margin: 0 0 0.25rem; }
    .pf-result-excerpt, .pf-heading-excerpt { margin: 0 0 0.25rem; }
    .pf-heading-chips { margin: 0.5rem 0 0; padding-left: 1.25rem; }
    .pf-skeleton { min-height: 1.2em; background: var(--panel); }
    .site-footer { border-top: 1px solid var(--line); padding: 1rem 0 2rem; color: var(--muted); font-size: 0.95rem; }
    .footer-links { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
    @media (min-width: 48rem) {
      .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1.25rem 2rem; }
      .search-layout { grid-template-columns: 14rem minmax(0, 1fr); }
    }
    @media (max-width: 30rem) {
      .facts { grid-template-columns: 1fr; }
      .facts dd { margin-bottom: 0.5rem; }
    }
    @media print {
      .site-header, .site-nav, .breadcrumbs, .skip-link, .site-footer { display: none; }
      body { font-size: 11pt; color: #000; }
      a, a:visited { color: #000; }
      .prose a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
      .cards { display: block; }
      .badge { border-color: #000; color: #000; background: none; }
      .quote, .card, tr { break-inside: avoid; }
    }

    """
}

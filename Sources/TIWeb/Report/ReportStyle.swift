/// The report's style sheet: served at `/rapport/style.css` for the web page, inlined in the
/// printed document. Screen and print in one place; print starts each part on a new page and never
/// splits a table, a chart or a key figure.
enum ReportStyle {
    static let css = """
        .ti-report { font-family: Marianne, Arial, sans-serif; color: #161616; line-height: 1.45; }
        .ti-report h1, .ti-report h2, .ti-report h3, .ti-report h4 { color: #000091; }
        .ti-report__cover { padding: 2rem 0 1.5rem; border-bottom: 4px solid #000091; margin-bottom: 1.5rem; }
        .ti-report__kicker { font-weight: 700; text-transform: uppercase; letter-spacing: .06em; margin: 0; }
        .ti-report__title { font-size: 2.4rem; margin: .4rem 0; }
        .ti-report__date { font-size: 1.25rem; font-weight: 700; margin: 0 0 1rem; }
        .ti-report__method { max-width: 48rem; color: #3a3a3a; }
        .ti-report__toc ol { list-style: none; padding: 0; margin: 0; max-width: 44rem; }
        .ti-report__toc li { display: flex; align-items: baseline; gap: .5rem; padding: .25rem 0; }
        .ti-report__toc li::after { content: ""; order: 1; flex: 1; border-bottom: 1px dotted #929292; }
        .ti-report__toc a { order: 0; color: #000091; }
        .ti-report__page { order: 2; min-width: 1.5rem; text-align: right; font-weight: 700; }
        .ti-report__section { margin-top: 3rem; }
        .ti-report__heading { font-size: 1.8rem; border-bottom: 2px solid #000091; padding-bottom: .3rem; }
        .ti-report__subheading { font-size: 1.2rem; margin-top: 1.5rem; }
        .ti-report__figures { list-style: none; padding: 0; margin: 1rem 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .75rem; }
        .ti-report__figure { background: #f5f5fe; border-left: 4px solid #000091; padding: .6rem .8rem; break-inside: avoid; }
        .ti-report__value { font-size: 1.6rem; font-weight: 800; color: #000091; margin: 0; }
        .ti-report__label { margin: .1rem 0 0; font-size: .95rem; }
        .ti-report__note { margin: .2rem 0 0; font-size: .78rem; color: #555; }
        .ti-report__text { max-width: 48rem; }
        .ti-report__source { font-size: .8rem; color: #555; font-style: italic; }
        .ti-report__absent { background: #eee; border-left: 4px solid #666; padding: .6rem .8rem; margin: 1rem 0; break-inside: avoid; }
        .ti-report__absent p { margin: 0; }
        .ti-report__chart { margin: 1.2rem 0; break-inside: avoid; }
        .ti-report__chart svg, .ti-report__map svg { max-width: 100%; height: auto; }
        .ti-report__chart-data { font-size: .85rem; }
        .ti-report__table { margin: 1rem 0; overflow-x: auto; break-inside: avoid; }
        .ti-report__table table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        .ti-report__table caption { text-align: left; font-weight: 700; padding: .3rem 0; }
        .ti-report__table th, .ti-report__table td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        .ti-report__table thead th { background: #f0f0f0; }
        .ti-report__table .ti-num { text-align: right; white-space: nowrap; }
        .ti-report__cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: .75rem; margin: 1rem 0; }
        .ti-report__card { border: 1px solid #ddd; padding: .7rem .9rem; break-inside: avoid; }
        .ti-report__card h4 { margin: 0 0 .2rem; font-size: 1.05rem; }
        .ti-report__card p { margin: .2rem 0; font-size: .9rem; }
        .ti-report__card-subtitle { color: #555; font-weight: 700; }
        .ti-report__annex { margin-top: 2rem; }
        .ti-report__annex-title { font-size: 1.4rem; }
        .ti-report__maps { display: flex; flex-wrap: wrap; gap: .5rem; }
        .ti-report__map { break-inside: avoid; }
        @media print {
          .ti-report { font-size: 10pt; }
          .ti-report__cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; border: 0; break-after: page; }
          .ti-report__title { font-size: 30pt; }
          .ti-report__toc { break-after: page; }
          .ti-report__section { break-before: page; margin-top: 0; }
          .ti-report__annex { break-before: page; margin-top: 0; }
          .ti-report__section#annexes .ti-report__annex:first-of-type { break-before: auto; }
          .ti-report__figures { grid-template-columns: repeat(3, 1fr); }
          .ti-report__value { font-size: 16pt; }
          .ti-report__cards { grid-template-columns: repeat(2, 1fr); }
          .ti-report__toc a { text-decoration: none; }
          h2, h3, h4 { break-after: avoid; }
        }
        """
}

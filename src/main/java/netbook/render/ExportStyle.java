package netbook.render;

/**
 * The one style sheet of an exported page ({@link HtmlExport}), inline in its {@code <style>}: a
 * readable column of prose in the system's sans-serif, code and outputs in the system's monospace
 * (long lines wrap instead of scrolling out of sight), cells as framed boxes, the diagrams scaled
 * to the column. In print: light colours, black text, no cell or diagram split across pages. Its
 * class names start with {@code nb-}: the inline SVGs' own classes (title, name, mono, …) are the
 * page's too and must not meet them.
 */
final class ExportStyle {
  private ExportStyle() {}

  static final String CSS =
      """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 56rem; padding: 1.5rem 1.5rem 4rem;
        font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
          "DejaVu Sans", Arial, sans-serif;
        color: #1f2328; background: #ffffff; }
      h1, h2, h3 { line-height: 1.25; margin: 1.6em 0 .6em; }
      h1 { font-size: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
      h2 { font-size: 1.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
      a { color: #0969da; }
      code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono",
          "Liberation Mono", monospace; font-size: .875rem; }
      :not(pre) > code { background: #eff1f3; padding: .1em .35em; border-radius: 4px; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
      blockquote { margin: 1em 0; padding: 0 1em; color: #57606a; border-left: .25em solid #d0d7de; }
      table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; }
      th, td { border: 1px solid #d0d7de; padding: .3em .7em; text-align: left; }
      th { background: #f6f8fa; }
      .nb-head { font-size: .85rem; color: #57606a; border-bottom: 1px solid #d0d7de;
        padding-bottom: .5rem; }
      .nb-book { font-weight: 600; color: #1f2328; }
      .nb-cell { border: 1px solid #d0d7de; border-radius: 6px; margin: 1.1em 0; overflow: hidden;
        break-inside: avoid; page-break-inside: avoid; }
      .nb-cell-head { display: flex; justify-content: space-between; gap: 1em; font-size: .75rem;
        color: #57606a; background: #eaeef2; padding: .2rem .75rem; border-bottom: 1px solid #d0d7de; }
      .nb-lang { font-weight: 700; text-transform: uppercase; letter-spacing: .06em; color: #0550ae; }
      .nb-code { padding: .7rem .9rem; background: #f6f8fa; color: #1f2328; }
      .nb-out-label { font-size: .7rem; text-transform: uppercase; letter-spacing: .06em;
        color: #1a7f37; padding: .35rem .9rem 0; border-top: 1px dashed #d0d7de; background: #ffffff; }
      .nb-out { padding: .3rem .9rem .7rem; background: #ffffff; color: #24292f;
        border-left: 4px solid #2da44e; }
      .nb-cmd { color: #0550ae; font-weight: 600; }
      .nb-said { color: #24292f; }
      .nb-failed { border-color: #cf222e; }
      .nb-failed .nb-out { border-left-color: #cf222e; }
      .nb-failed .nb-out-label { color: #cf222e; }
      .nb-skipped .nb-code { color: #6e7781; }
      .nb-why { margin: 0; padding: .4rem .9rem; font-size: .85rem; background: #fff8f8; color: #cf222e; }
      .nb-skipped .nb-why { background: #f6f8fa; color: #57606a; }
      .nb-ok { color: #1a7f37; }
      .nb-bad { color: #cf222e; font-weight: 700; }
      .nb-fig { margin: 1.2em 0; padding: .6rem; border: 1px solid #d0d7de; border-radius: 6px;
        background: #ffffff; text-align: center; break-inside: avoid; page-break-inside: avoid; }
      .nb-fig figcaption { font-size: .8rem; color: #57606a; margin-top: .4rem; }
      .nb-fig svg, .nb-live svg { max-width: 100%; height: auto; }
      .nb-live { display: block; margin: 1em 0; padding: .6rem; border: 1px solid #d0d7de;
        border-radius: 6px; text-align: center; break-inside: avoid; page-break-inside: avoid; }
      .nb-img { color: #8250df; font-style: italic; }
      .nb-raw { color: #57606a; }
      @media print {
        body { max-width: none; padding: 0; font-size: 11pt; color: #000000; }
        a { color: #000000; }
        .nb-cell, .nb-fig, .nb-live, table, pre { break-inside: avoid; page-break-inside: avoid; }
        .nb-cell-head, .nb-code, th { background: #f6f8fa; }
        h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
      }
      """;
}

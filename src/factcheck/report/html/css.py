"""The page's one style sheet, inline (the report loads nothing from anywhere)."""

from __future__ import annotations

from typing import Final

CSS: Final = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
color:#1f2328;background:#f6f8fa;margin:0}
main{max-width:980px;margin:0 auto;padding:24px;background:#fff}
h1{font-size:26px;margin:0 0 8px}
h2{border-bottom:2px solid #d0d7de;padding-bottom:4px;margin-top:36px}
h3{font-size:17px;margin:24px 0 8px}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;
padding:1px 4px;border-radius:4px}
.verdict{font-size:18px;font-weight:600;padding:10px 14px;border-radius:6px}
.verdict.bad{background:#fdecea;color:#8a1c1c}.verdict.ok{background:#e8f5e9;color:#1b5e20}
.stats{display:flex;flex-wrap:wrap;gap:8px}
.stat{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px;min-width:80px;text-align:center}
.stat .n{display:block;font-size:22px;font-weight:700}.stat span{font-size:12px;color:#57606a}
.toc{display:flex;gap:18px;list-style:none;padding:0}
.index{font-size:13px;padding-left:28px}.index a{color:inherit;text-decoration:none}
.index a:hover{text-decoration:underline}.index .badge{font-size:9px}
.conflict{border:1px solid #d0d7de;border-left:6px solid #D7191C;border-radius:6px;
padding:4px 16px 12px;margin:16px 0}
.conflict.warning{border-left-color:#b97800}.conflict.info{border-left-color:#6E7781}
.conflict.waived{border-left-color:#8C8C8C;opacity:.85}
.message{font-weight:600}
.badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;color:#fff;
background:#D7191C;border-radius:10px;padding:1px 8px;vertical-align:middle}
a.badge{text-decoration:none}.badge.warning{background:#b97800}.badge.info{background:#6E7781}.badge.waived{background:#8C8C8C}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:12px}
.side{border-top:4px solid;background:#fafbfc;padding:4px 12px;border-radius:4px}
.side .src{font-weight:600;margin:6px 0}.side .meta{font-weight:400;color:#57606a}
blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #d0d7de;font-style:italic;color:#333}
.where{font-size:12px;color:#57606a}.waiver{color:#57606a}
figure{margin:8px 0;overflow-x:auto}svg.chart,svg.legend{max-width:100%;height:auto}
@media print{body{background:#fff}main{max-width:none}
section.conflict,section.series{break-inside:avoid}}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;fill:#222}
svg .tick{fill:#57606a;font-size:11px}svg .grid{stroke:#eaeef2}svg .axis{stroke:#57606a}
svg .axis-label{font-size:12px;fill:#57606a}svg .note{fill:#57606a;font-size:11px}
svg .bound-label{font-size:12px;font-weight:600}svg .small{font-size:11px;font-weight:400}
svg .lane-label{font-weight:600}
svg .value-label,svg .bound-label{paint-order:stroke;stroke:#fff;stroke-width:3px;
stroke-linejoin:round}
h3.group{font-size:20px;color:#57606a;margin-top:28px}
.series h4{font-size:16px;margin:24px 0 6px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0 12px}
th,td{border-bottom:1px solid #eaeef2;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.q{font-style:italic;color:#333}
.claims td:first-child{white-space:nowrap}.claims td:nth-child(2){min-width:130px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}
footer{margin-top:40px;color:#57606a;font-size:12px}
"""

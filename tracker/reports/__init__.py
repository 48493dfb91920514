"""Reports people read: the HTML pipeline report and the catalyst calendar.

`report.build_report` gathers what one time view shows into plain data,
`html.render_html` makes it a self-contained page with `charts` drawn by
matplotlib, and `calendar` lists the catalysts ahead, also as iCalendar.
"""

"""Reading what users have: tables in any encoding, delimiter or format, and dates written any one way. The survey
tools' exports are turned into the canonical survey table by `pipeline.importers`, which builds on these readers.

`readers.read_any` is the door for a table of any kind; `csv.read_table` reads the canonical CSV tables;
`dates.parse_date_column` reads a column of dates or names the rows it cannot read.
"""

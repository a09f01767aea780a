"""Reports over a finished result: `html.write_report`, one self-contained HTML file."""

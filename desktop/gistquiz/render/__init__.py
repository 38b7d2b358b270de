"""Qt-based rendering the core cannot do (it imports no Qt): PDF export.

Importing this package registers the "pdf" exporter into the core's export registry; the CLI
and the GUI import it, core code never does.
"""

from __future__ import annotations

from ..core.export import Exporter, register
from .pdf import html_to_pdf, write_quiz_pdf, write_summary_pdf

register(Exporter("pdf", "PDF", ".pdf", quiz=write_quiz_pdf, summary=write_summary_pdf))

__all__ = ["html_to_pdf", "write_quiz_pdf", "write_summary_pdf"]

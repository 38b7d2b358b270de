"""Document fixtures built inside the tests: PDF, DOCX, EPUB, HTML, and a local HTTP server.

No binary blobs come from elsewhere: every file is written here from text. (tests/ is on
sys.path through its conftest.py, so test modules import this as ``docfixtures``.)
"""

from __future__ import annotations

import contextlib
import http.server
import io
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

ARTICLE = [
    "The Moon is Earth's only natural satellite.",
    "It orbits at an average distance of 384,400 kilometres.",
    "Neil Armstrong walked on its surface in July 1969.",
    "Twelve astronauts have walked on the Moon since then.",
    "Its gravity causes most of the tides in the oceans.",
]


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1") + b")"


def make_pdf(pages: list[list[str]], *, title: str | None = None) -> bytes:
    """A minimal valid PDF 1.4: one Helvetica text line per string, correct xref offsets."""
    objects: list[bytes] = []  # object n is objects[n - 1]
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)))
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for page_id, lines in zip(page_ids, pages, strict=True):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        ops = [b"BT", b"/F1 11 Tf", b"14 TL", b"72 740 Td"]
        for line in lines:
            ops.append(_pdf_string(line) + b" Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    info_ref = b""
    if title is not None:
        objects.append(b"<< /Title " + _pdf_string(title) + b" >>")
        info_ref = b" /Info %d 0 R" % len(objects)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, info_ref, xref)
    )
    return out.getvalue()


def encrypt_pdf(data: bytes, password: str = "secret") -> bytes:
    """The same PDF protected by a user password (RC4-128: needs no crypto library)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(blocks: list[tuple[str, str]], *, title: str | None = None) -> bytes:
    """A .docx from (style, text) pairs, style "Heading 1", "Title" or "" for body text."""
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    for style, text in blocks:
        if style:
            document.add_paragraph(text, style=style)
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_epub(chapters: list[tuple[str, str]], *, title: str = "A Test Book") -> bytes:
    """An EPUB 3 whose spine lists the chapters (file name, XHTML body) in the given order."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("gistquiz-test-book")
    book.set_title(title)
    book.set_language("en")
    items = []
    for number, (file_name, body) in enumerate(chapters, start=1):
        item = epub.EpubHtml(title=f"Chapter {number}", file_name=file_name, lang="en")
        item.content = f"<html><head><title>c{number}</title></head><body>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = tuple(items)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *items]
    out = io.BytesIO()
    epub.write_epub(out, book)
    return out.getvalue()


def article_html(*, title: str = "The Moon", extra_head: str = "") -> str:
    paragraphs = "".join(f"<p>{s} {s}</p>" for s in ARTICLE)
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Example News</title>{extra_head}"
        "<script>var secret = 'script text must never appear';</script>"
        "<style>p { color: red }</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World news section</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}<h2>Exploration</h2>"
        "<p>Apollo 11 landed in the Sea of Tranquility. The crew returned safely to Earth.</p>"
        "<img src='http://127.0.0.1:9/never-fetched.png' alt='photo'></article>"
        "<footer>Copyright Example News</footer></body></html>"
    )


Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


@dataclass
class LocalServer:
    """A threaded HTTP server on 127.0.0.1 with per-path handlers; records requested paths."""

    routes: dict[str, Handler]
    requested: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def respond(
    body: bytes, content_type: str | None = "text/html; charset=utf-8", status: int = 200
) -> Handler:
    def handle(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        if content_type:
            request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handle


def stall(seconds: float) -> Handler:
    """Accept the request, then answer nothing for ``seconds`` (a server that hangs)."""

    def handle(request: http.server.BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)

    return handle


def stream_without_length(total: int, chunk: int = 65536) -> Handler:
    """Send ``total`` bytes of text with no Content-Length (the size cap must apply anyway)."""

    def handle(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/plain")
        request.end_headers()
        sent = 0
        try:
            while sent < total:
                request.wfile.write(b"a" * chunk)
                sent += chunk
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its cap: expected

    return handle


@contextlib.contextmanager
def serve(routes: dict[str, Handler]) -> Iterator[LocalServer]:
    """Run a local server for the duration of a ``with`` block, then shut it down."""
    server_state = LocalServer(routes)

    class RequestHandler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server_state.requested.append(self.path)
            handler = routes.get(self.path)
            if handler is None:
                respond(b"<h1>Not found</h1>", status=404)(self)
            else:
                handler(self)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output quiet

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
    httpd.daemon_threads = True
    server_state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)

"""URL loader against a local http.server on 127.0.0.1 (no other host is ever contacted)."""

from __future__ import annotations

import socket

import pytest

from docfixtures import (
    ARTICLE,
    article_html,
    make_pdf,
    respond,
    serve,
    stall,
    stream_without_length,
)
from gistquiz.core import pipeline
from gistquiz.core.errors import FetchFailed, TooLarge, UnsupportedFormat
from gistquiz.core.loaders.url import load_url


def test_html_page_is_loaded_and_nothing_else_is_fetched():
    with serve({"/moon": respond(article_html().encode())}) as server:
        doc = pipeline.open_source(server.url("/moon"), language="en")
    assert "Neil Armstrong walked on its surface in July 1969." in doc.text
    assert doc.source == server.url("/moon")
    assert server.requested == ["/moon"]  # not the <img>, not the nav links


def test_content_type_decides_the_format_over_the_extension():
    pdf = make_pdf([ARTICLE], title="Moon PDF")
    with serve({"/page.html": respond(pdf, "application/pdf")}) as server:
        doc = load_url(server.url("/page.html"), language="en")
    assert doc.title == "Moon PDF"


def test_generic_content_type_falls_back_to_the_url_extension():
    pdf = make_pdf([ARTICLE], title="Moon PDF")
    with serve({"/files/moon.pdf": respond(pdf, "application/octet-stream")}) as server:
        doc = load_url(server.url("/files/moon.pdf"), language="en")
    assert doc.sentence_text(0) == ARTICLE[0]


def test_text_with_declared_charset():
    body = "Café society met at the harbour. It rained all day.".encode("latin-1")
    with serve({"/t": respond(body, "text/plain; charset=iso-8859-1")}) as server:
        doc = load_url(server.url("/t"), language="en")
    assert doc.sentence_text(0) == "Café society met at the harbour."


def test_404_is_a_fetch_error_with_the_status():
    with serve({}) as server, pytest.raises(FetchFailed, match=r"404.*does not exist"):
        load_url(server.url("/missing"), language="en")


def test_timeout_is_a_fetch_error():
    with serve({"/slow": stall(3.0)}) as server, pytest.raises(FetchFailed, match="timed out"):
        load_url(server.url("/slow"), language="en", timeout=0.3)


def test_declared_size_over_the_cap_is_refused():
    body = b"x" * 5000
    with serve({"/big": respond(body, "text/plain")}) as server, pytest.raises(TooLarge):
        load_url(server.url("/big"), language="en", max_bytes=1000)


def test_streamed_size_over_the_cap_is_refused_while_reading():
    handler = stream_without_length(total=4 * 1024 * 1024)
    with serve({"/stream": handler}) as server, pytest.raises(TooLarge, match="limit"):
        load_url(server.url("/stream"), language="en", max_bytes=100_000)


def test_unknown_content_type_is_unsupported():
    png = respond(b"\x89PNG....", "image/png")
    with serve({"/x": png}) as server, pytest.raises(UnsupportedFormat, match="image/png"):
        load_url(server.url("/x"), language="en")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a.txt", "file:///etc/passwd", "http:///nohost"])
def test_only_http_and_https_with_a_host(url):
    with pytest.raises(FetchFailed):
        load_url(url, language="en")


def test_redirect_to_another_scheme_is_refused():
    def redirect(request):
        request.send_response(302)
        request.send_header("Location", "ftp://127.0.0.1/secret.txt")  # urllib follows ftp
        request.end_headers()

    with serve({"/r": redirect}) as server, pytest.raises(FetchFailed, match="not http"):
        load_url(server.url("/r"), language="en")


def test_dns_failure_names_the_host(monkeypatch):
    # No real lookup: the resolver is replaced so the test never leaves this machine.
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchFailed, match="could not be found"):
        load_url("http://no-such-host.invalid/article", language="en")


def test_connection_refused():
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchFailed, match="refused"):
        load_url(f"http://127.0.0.1:{port}/", language="en", timeout=2)


def test_html_charset_from_the_http_header():
    page = article_html().replace("The Moon is", "The Moon — café — is").encode("cp1252")
    with serve({"/p": respond(page, "text/html; charset=windows-1252")}) as server:
        doc = load_url(server.url("/p"), language="en")
    assert "The Moon — café — is" in doc.text

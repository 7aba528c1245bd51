"""Web pages and links: the article in a news page, and every way fetching a link can fail.

No test touches the internet: the made-up pages in tests/fixtures/web are served by a local
``http.server`` on 127.0.0.1, which also serves the error cases (404, 500, a slow answer, a PDF,
an oversized body, a paywall stub, a page that is not an article). The saved real pages in
../shared/web are read only where that folder exists.
"""

from __future__ import annotations

import gzip
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import newskit
from newskit import web
from newskit.article import MAX_BYTES
from newskit.errors import (
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    NotAnArticleError,
    NotHTMLError,
    PageTooLargeError,
    PaywallError,
    WebError,
    WebExtraMissingError,
)

pytest.importorskip("trafilatura", reason='reading web pages needs the extra: pip install "newskit[web]"')

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
SHARED_WEB = Path(__file__).resolve().parents[2] / "shared" / "web"

#: Words of the pages' menus, banners, share buttons, related links and comments: never body text.
HARBOUR_FURNITURE = ("cookies", "Accept all", "Manage preferences", "Share on Facebook", "Email this story", "Subscribe",
                     "Related stories", "Port expansion plan", "Most read", "Riverside clinch derby", "Advertisement",
                     "harbourview_pete", "About time", "Load more comments", "Morning Briefing", "Privacy policy",
                     "Photo: Gazette staff", "©")
COUNCIL_FURNITURE = ("Log in", "E-edition", "Obituaries", "Events calendar", "WhatsApp", "Copy link", "Read more",
                     "Residents pack town hall", "Download the Northfield Herald app", "Never miss a story",
                     "northfield_mum", "Least painful", "Trending now", "Snow day", "cookie policy", "Advertise",
                     "(Photo:")


def _page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


_PLAIN_STORY = ("Floods close schools\n\nSchools in the valley closed on Monday, officials said.\n\n"
                "\u201cThe water came in overnight,\u201d said Ren\u00e9e Dubois, a caf\u00e9 owner.\n")


_USER_AGENTS: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    """The test site: each path is one page or one way for a link to fail."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the signature http.server uses
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?")[0]
        _USER_AGENTS.append(self.headers.get("User-Agent", ""))
        try:
            self._route(path)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (size limit, timeout): fine
            pass

    def _route(self, path: str) -> None:
        if path == "/news/dock-workers-walk-out":
            self._send(200, _page("harbour-strike.html"))
        elif path == "/local/council-budget":  # compressed, as most news sites send pages
            self._send(200, gzip.compress(_page("council-budget.html")), headers={"Content-Encoding": "gzip"})
        elif path == "/premium/harbour-wall":
            self._send(200, _page("paywall.html"))
        elif path == "/sport":
            self._send(200, _page("section-front.html"))
        elif path == "/old-link":
            self._send(301, b"", headers={"Location": "/news/dock-workers-walk-out"})
        elif path == "/to-ftp":
            self._send(302, b"", headers={"Location": "ftp://127.0.0.1/file.txt"})
        elif path == "/windows-1252":  # an old page in Windows-1252 that says so in a <meta>
            html = _page("harbour-strike.html").decode("utf-8").replace('<meta charset="utf-8">',
                                                                         '<meta charset="windows-1252">')
            self._send(200, html.encode("cp1252"), content_type="text/html")
        elif path == "/story.txt":
            self._send(200, _PLAIN_STORY.encode("utf-8"), content_type="text/plain; charset=utf-8")
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>>\nendobj\n", content_type="application/pdf")
        elif path == "/missing":
            self._send(404, b"<html><body><h1>Page not found</h1></body></html>")
        elif path == "/broken":
            self._send(500, b"<html><body><h1>Internal Server Error</h1></body></html>")
        elif path == "/forbidden":
            self._send(403, b"<html><body>Access denied</body></html>")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, _page("harbour-strike.html"))
        elif path == "/huge-declared":  # says it is 50 GB: refused before reading anything
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 10**9))
            self.end_headers()
        elif path == "/huge-stream":  # no length given: more than MAX_BYTES arrive, reading must stop
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<!DOCTYPE html><html><body><p>")
            chunk = b"All work and no play. " * 5000
            for _ in range(MAX_BYTES // len(chunk) + 10):
                self.wfile.write(chunk)
        elif path == "/empty":
            self._send(200, b"")
        else:
            self._send(404, b"not found", content_type="text/plain")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """A local web server on 127.0.0.1 (a random free port), serving the test site in a thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def harbour(site: str) -> newskit.Article:
    return newskit.load(f"{site}/news/dock-workers-walk-out")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the article in a page ------------------------------------------------------------------------------------------


def test_link_gives_headline_body_in_order_and_meta(harbour: newskit.Article, site: str):
    art = harbour
    assert art.headline == "Dock workers walk out over pay"
    texts = [p.text for p in art.paragraphs]
    assert texts[0].startswith("Hundreds of dock workers at the Port of Riverside walked off the job")
    assert texts[1].startswith("\u201cWe have waited three years")
    assert "Ships wait offshore" in texts  # the subhead stays, in its place
    assert texts.index("Ships wait offshore") == 4
    assert texts[-1].startswith("The union has said the walkout will last at least 48 hours.")
    assert len(texts) == 9
    assert art.meta == {"byline": "Maria Lopez", "date": "2024-03-12", "site": "The Riverside Gazette",
                        "url": f"{site}/news/dock-workers-walk-out", "title_source": "h1"}
    assert art.name == f"127.0.0.1:{site.rsplit(':', 1)[1]}/news/dock-workers-walk-out"
    assert art.path is None and art.warnings == ()


def test_no_page_furniture_in_the_body(harbour: newskit.Article):
    body = " ".join(p.text for p in harbour.paragraphs)
    for words in HARBOUR_FURNITURE:
        assert words not in body, words
    assert "Maria Lopez" not in harbour.text  # the byline is meta, not text


def test_quotes_with_their_speakers(harbour: newskit.Article):
    found = {q.text.rstrip(","): q.speaker.name if q.speaker else None for q in harbour.quotes()}
    assert found == {
        "We have waited three years for a fair offer, and we are done waiting": "Tom Reilly",
        "The offer on the table is the most generous in the history of this port": "Linda Okafor",
        "If this goes on past Friday, we will run out of fresh produce": "Ahmed Karim",
        "Nobody wins a long strike": "Janet Cole",
    }


def test_second_page_gzip_straight_quotes_and_json_ld(site: str):
    art = newskit.load(f"{site}/local/council-budget")
    assert art.headline == "Council approves budget with library cuts"
    assert art.paragraphs[0].text.startswith("Northfield city council approved a 214 million dollar budget")
    assert art.paragraphs[-1].text.startswith("The new opening hours take effect in April")
    assert len(art.paragraphs) == 7
    body = " ".join(p.text for p in art.paragraphs)
    for words in COUNCIL_FURNITURE:
        assert words not in body, words
    assert art.meta["byline"] == "Sam Patel" and art.meta["date"] == "2024-02-06"
    assert art.meta["site"] == "Northfield Herald"
    speakers = [q.speaker.name if q.speaker else None for q in art.quotes()]
    assert speakers == ["Rosa Mendes", "David Brook", "Grace Whitfield"]  # not the commenter


def test_saved_page_file_and_bytes(tmp_path: Path):
    art = newskit.load(FIXTURES / "harbour-strike.html")
    assert art.headline == "Dock workers walk out over pay" and len(art.paragraphs) == 9
    assert art.path == str(FIXTURES / "harbour-strike.html") and art.name == "harbour-strike.html"
    assert art.meta["url"] == "https://www.riverside-gazette.example/news/2024/03/12/dock-workers-walk-out"
    same = newskit.from_bytes(_page("harbour-strike.html"), name="upload.html")
    assert [p.text for p in same.paragraphs] == [p.text for p in art.paragraphs]


@pytest.mark.parametrize("name", ["page.txt", "page", "page.md"])
def test_a_web_page_saved_under_another_name_is_still_a_web_page(tmp_path: Path, name: str):
    p = tmp_path / name
    p.write_bytes(_page("council-budget.html"))
    art = newskit.load(p)
    assert art.headline == "Council approves budget with library cuts"
    assert not art.headline.startswith("<")
    pasted = newskit.from_text(_page("council-budget.html").decode("utf-8"))
    assert pasted.headline == art.headline


def test_redirect_is_followed_and_the_final_address_kept(site: str):
    art = newskit.load(f"{site}/old-link")
    assert art.headline == "Dock workers walk out over pay"
    assert art.meta["url"] == f"{site}/news/dock-workers-walk-out"


def test_declared_windows_1252_page(site: str):
    art = newskit.load(f"{site}/windows-1252")
    assert art.paragraphs[1].text.startswith("\u201cWe have waited")
    assert "\u00e2\u20ac" not in art.text and art.warnings == ()
    assert len(art.quotes()) == 4


def test_plain_text_link_is_read_as_a_text_article(site: str):
    art = newskit.load(f"{site}/story.txt")
    assert art.headline == "Floods close schools"
    assert art.meta == {"url": f"{site}/story.txt"}
    assert art.quotes()[0].speaker.name == "Ren\u00e9e Dubois"


def test_user_agent_is_sent(harbour: newskit.Article):
    assert web.USER_AGENT.startswith("Mozilla/5.0 (compatible; newskit/")
    assert web.USER_AGENT in _USER_AGENTS


# --- what goes wrong, in one line ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path, status, words", [("/missing", 404, "check the link"), ("/broken", 500, "try again later"),
                                                 ("/forbidden", 403, "save it")])
def test_http_errors_say_the_status(site: str, path: str, status: int, words: str):
    with pytest.raises(HTTPStatusError) as info:
        newskit.load(site + path)
    msg = str(info.value)
    assert f"answered {status}" in msg and words in msg and "\n" not in msg
    assert info.value.status == status and isinstance(info.value, newskit.NewskitError)


def test_timeout(site: str):
    t0 = time.perf_counter()
    with pytest.raises(FetchTimeoutError, match=r"within 0\.5 seconds") as info:
        newskit.load(f"{site}/slow", timeout=0.5)
    assert time.perf_counter() - t0 < 2.5
    assert isinstance(info.value, TimeoutError) and "\n" not in str(info.value)


def test_pdf_link_names_the_content_type(site: str):
    with pytest.raises(NotHTMLError, match=r"application/pdf \(a PDF document\)"):
        newskit.load(f"{site}/report.pdf")


def test_oversized_pages_stop_early(site: str):
    t0 = time.perf_counter()
    with pytest.raises(PageTooLargeError, match="50,000,000,000 bytes"):
        newskit.load(f"{site}/huge-declared")
    with pytest.raises(PageTooLargeError, match="stopped reading") as info:
        newskit.load(f"{site}/huge-stream")
    assert isinstance(info.value, newskit.ArticleTooLargeError)
    with pytest.raises(PageTooLargeError):
        web.fetch(f"{site}/news/dock-workers-walk-out", max_bytes=1000)
    assert time.perf_counter() - t0 < 15


def test_paywall_stub(site: str):
    with pytest.raises(PaywallError, match="paywall") as info:
        newskit.load(f"{site}/premium/harbour-wall")
    assert isinstance(info.value, NotAnArticleError)


def test_a_page_that_is_not_an_article(site: str):
    with pytest.raises(NotAnArticleError, match="does not look like an article") as info:
        newskit.load(f"{site}/sport")
    assert not isinstance(info.value, PaywallError)
    with pytest.raises(newskit.EmptyArticleError):
        newskit.load(f"{site}/empty")


def test_connection_refused_on_a_closed_port():
    with pytest.raises(FetchError, match="refused the connection") as info:
        newskit.load(f"http://127.0.0.1:{_closed_port()}/news", timeout=5)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("url, words", [
    ("ftp://example.org/story.txt", "only http:// and https://"),
    ("file:///etc/passwd", "only http:// and https://"),
    ("http:///no-host", "no server name"),
    ("http://exa mple.org/x", "spaces"),
])
def test_only_http_links(url: str, words: str):
    with pytest.raises(FetchError, match=words):
        newskit.load(url)


def test_redirect_to_another_scheme_is_refused(site: str):
    with pytest.raises(FetchError, match="not an http"):
        newskit.load(f"{site}/to-ftp")


def test_unknown_server_is_one_line(monkeypatch: pytest.MonkeyPatch):
    def no_dns(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(FetchError, match="cannot find the server 'news.invalid'"):
        newskit.load("https://news.invalid/story")


def test_without_the_extra_a_page_asks_for_it(monkeypatch: pytest.MonkeyPatch, site: str):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura -> ImportError
    for source in (FIXTURES / "harbour-strike.html", f"{site}/news/dock-workers-walk-out"):
        with pytest.raises(WebExtraMissingError, match=re.escape('pip install "newskit[web]"')) as info:
            newskit.load(source)
        assert "\n" not in str(info.value) and isinstance(info.value, newskit.NewskitError)
    assert newskit.load(f"{site}/story.txt").headline == "Floods close schools"  # plain text needs no extra


def test_import_newskit_loads_no_web_machinery():
    code = ("import sys, newskit; print(sorted(m for m in ('trafilatura', 'lxml', 'urllib.request', 'http.client') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_errors_share_the_web_root():
    for cls in (FetchError, FetchTimeoutError, HTTPStatusError, NotHTMLError, PageTooLargeError, NotAnArticleError,
                PaywallError, WebExtraMissingError):
        assert issubclass(cls, WebError) and issubclass(cls, newskit.NewskitError)


# --- headline rules --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title, site, expected", [
    ("Storm hits coast | The Valley Times", "The Valley Times", "Storm hits coast"),
    ("Storm hits coast - Valley Times", "The Valley Times", "Storm hits coast"),
    ("Storm hits coast | DW | 19.01.2020", "DW.COM", "Storm hits coast"),
    ("Storm hits coast \u2013 valleytimes.com", "Valley Times", "Storm hits coast"),
    ("Jobs - the early years - BBC News", "BBC News", "Jobs - the early years"),
    ("Storm hits coast | Weather", "The Valley Times", "Storm hits coast | Weather"),
    ("The Valley Times", "The Valley Times", "The Valley Times"),
])
def test_trim_title(title: str, site: str, expected: str):
    assert web.trim_title(title, site) == expected


def test_headline_falls_back_to_the_trimmed_title_without_an_h1():
    body = "".join(f"<p>Paragraph {i}: the storm hit the coast overnight and the roads were closed, police said.</p>"
                   for i in range(5))
    page = (f"<html><head><title>Storm hits coast | Valley Times</title><meta property='og:site_name' "
            f"content='Valley Times'></head><body><article>{body}</article></body></html>")
    art = web.from_html(page)
    assert art.headline == "Storm hits coast" and art.meta["title_source"] == "title"


# --- the saved real pages (only where ../shared/web exists) ----------------------------------------------------------

#: Per saved page: words of its menus, banners and related links, seen in the raw HTML, never in the body.
SHARED_PAGES = {
    "dw.com.colonial.html": ("We use cookies", "data protection declaration", "Whatsapp", "Read more:"),
    "reuters.com.parasite.html": ("Directory of sites", "Related Coverage", "Advertise with Us", "Our Standards"),
    "salon.com.emissions.html": ("Show Comments", "Related Articles", "Go Ad Free", "(Credit:"),
    "scmp.com.playbook.html": ("Link Copied", "Photo: AP"),
    "theguardian.com.academics.html": ("Back to home", "Share on Facebook", "Complaints & corrections", "SecureDrop"),
    "vancouversun.com.microsoft.html": ("Skip to navigation", "Local News", "Michael Bubl\u00e9", "Thomson Reuters 2020"),
    "vice.com.amazon.html": ("SKIP TO MAIN CONTENT", "VICELAND", "Save Yourselves"),
}


@pytest.mark.skipif(not SHARED_WEB.is_dir(), reason="the saved web pages in ../shared/web are not here")
@pytest.mark.parametrize("name", sorted(SHARED_PAGES))
def test_saved_real_pages(name: str):
    import lxml.html

    raw = (SHARED_WEB / name).read_bytes()
    tree = lxml.html.fromstring(raw)
    h1 = " ".join(tree.xpath("//h1")[0].text_content().split())
    page_text = " ".join(tree.text_content().split())
    art = newskit.load(SHARED_WEB / name)
    assert art.headline == h1  # the article's headline, not the site's name
    assert art.meta["title_source"] == "h1"
    body = " ".join(p.text for p in art.paragraphs)
    for words in SHARED_PAGES[name]:
        assert words in page_text, words  # the furniture is really on the page ...
        assert words not in body, words             # ... and not in the article
    assert len(art) > 400
    assert art.meta.get("byline") and art.meta.get("site")
    assert re.fullmatch(r"20(19|20)-\d\d-\d\d", art.meta["date"])
    if name == "scmp.com.playbook.html":
        # an opinion column whose text is only in the page's JSON-LD (one paragraph, said in a warning);
        # it quotes slogans, not people
        assert len(art.paragraphs) == 1 and "JSON-LD" in art.warnings[0]
    else:
        assert len(art.paragraphs) >= 8 and art.warnings == ()
        quotes = art.quotes()
        assert len(quotes) >= 3 and any(q.speaker for q in quotes)

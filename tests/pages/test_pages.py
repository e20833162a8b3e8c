import re
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from django.urls import reverse

from rusfakta.content.models import Chapter, Passage, Source
from tests.conftest import check_html


def test_healthz_answers_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_home_has_the_key_message_and_entry_points(pages):
    html = pages.get("/").content.decode()
    assert "De fleste gjør det ikke" in html
    assert "95\u00a0%" in html
    for url in ("/innhold/", "/spor/", "/tall/", "/hjelp/"):
        assert f'href="{url}"' in html


def test_every_page_has_the_help_link_and_113(pages):
    for url in ("/", "/innhold/", "/kilder/", "/om/", "/kapittel/historikk/", "/tall/"):
        html = pages.get(url).content.decode()
        assert 'href="tel:113"' in html
        assert 'href="/hjelp/"' in html


def test_chapter_shows_passages_with_anchors_sources_and_neighbours(pages):
    chapter = Chapter.objects.get(slug="historikk")
    html = pages.get(chapter.get_absolute_url()).content.decode()
    for passage in chapter.passages.all():
        assert f'id="{passage.slug}"' in html
        assert f'href="#{passage.slug}"' in html
        for source in passage.sources.all():
            assert f'href="/kilder/#kilde-{source.slug}"' in html
    assert 'rel="prev" href="/kapittel/hva-er-kokain/"' in html
    assert 'rel="next" href="/kapittel/utbredelse/"' in html


def test_figure_references_render_as_numbers_linked_to_their_record(pages):
    html = pages.get("/kapittel/utbredelse/").content.decode()
    assert '<a class="stat" href="/tall/euda-norge-15-34-siste-ar/">4,2\u00a0%</a>' in html
    assert "{stat:" not in html


def test_opinion_chapter_is_labelled_as_opinion(pages):
    html = pages.get("/kapittel/actis-mener/").content.decode()
    assert "Dette er Actis' mening." in html
    assert "Dette er Actis' mening." not in pages.get("/kapittel/historikk/").content.decode()


def test_sources_page_lists_every_source_with_the_passages_citing_it(pages):
    html = pages.get("/kilder/").content.decode()
    for source in Source.objects.all():
        assert f'id="kilde-{source.slug}"' in html
    passage = Passage.objects.filter(sources__slug="allen-1987").first()
    assert f'href="{passage.get_absolute_url()}"' in html


def test_unknown_pages_get_the_styled_404(pages):
    html = pages.get("/kapittel/finnes-ikke/", status=404).content.decode()
    assert "Fant ikke siden" in html
    assert 'href="tel:113"' in html


def test_english_interface_lives_under_en_without_cookies(pages):
    html = pages.get("/en/").content.decode()
    assert '<html lang="en">' in html


def test_admin_requires_login(client, db):
    response = client.get(reverse("admin:content_passage_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def _links(base, html):
    from html.parser import HTMLParser

    found = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            href = dict(attrs).get("href")
            if tag == "a" and href:
                found.append(urljoin(base, href))

    Links().feed(html)
    return found


def visit(pages, start, follow, limit=None):
    """Each HTML page reachable from start, checked (check_html), as (url, document, html): a page's
    links are followed where follow(url, link) gives a path; at most limit addresses are fetched."""
    seen, queue = set(), [start]
    while queue and (limit is None or len(seen) < limit):
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = pages.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        yield url, check_html(url, html), html
        queue.extend(
            path for path in (follow(url, link) for link in _links(url, html)) if path and path not in seen
        )


def test_crawl_every_page_reachable_from_home_and_check_links_and_anchors(pages):
    anchors = []

    def follow(url, link):
        parsed = urlparse(link)
        if parsed.scheme in ("tel", "mailto") or parsed.netloc:
            return None
        path, fragment = urldefrag(link)
        if path.startswith("/static/"):
            pages.get(path)
            return None
        if fragment:
            anchors.append((url, path, fragment))
        return path

    documents = {url: document for url, document, _html in visit(pages, "/", follow)}
    assert len(documents) > 100
    for origin, path, fragment in anchors:
        ids = {el.get("id") for el in documents[path].iter()}
        assert fragment in ids, f"{origin} links to {path}#{fragment}, which has no such id"


@pytest.mark.parametrize("url", ["/kapittel/hjelp/", "/hjelp/"])
def test_help_services_have_phone_numbers(pages, url):
    html = pages.get(url).content.decode()
    assert "116 111" in html
    assert "915 08 588" in html


def test_english_interface_strings(pages):
    html = pages.get("/en/innhold/").content.decode()
    assert "<h1>Contents</h1>" in html
    assert "Skip to content" in html


def test_home_opens_with_the_ask_box_and_says_the_key_message_plainly(pages):
    html = pages.get("/").content.decode()
    form = re.search(r'<form class="ask[^"]*" action="/spor/" method="get"[^>]*>.*?</form>', html, re.S)
    assert form and 'name="q"' in form.group(0)
    assert html.index('action="/spor/"') < html.index("De fleste gjør det ikke")
    message = re.search(r'<section class="key-message".*?</section>', html, re.S).group(0)
    assert "sier at de ikke har brukt kokain det siste året" in message
    assert not re.search(r"\(\d{4}, ", message)  # no report-style "(2024, SSB 2024 (…))" in the sentence
    assert re.search(r'<p class="source-line">Kilde: SSB 2024', message)
    ways = re.search(r'<ul class="ways">.*?</ul>', html, re.S).group(0)
    assert re.findall(r'<a [^>]*href="([^"]+)"', ways) == ["/tenk-selv/", "/spor/", "/hjelp/"]


def test_the_menu_has_the_tools_and_marks_the_current_page(pages):
    home = pages.get("/").content.decode()
    menu = re.search(r'<nav aria-label="Hovedmeny">.*?</nav>', home, re.S).group(0)
    for href in ("/innhold/", "/spor/", "/tall/", "/tenk-selv/", "/blanding/", "/quiz/"):
        assert f'href="{href}"' in menu
    assert "aria-current" not in menu
    contents = pages.get("/innhold/").content.decode()
    assert '<a href="/innhold/" aria-current="page">' in contents
    chapter = pages.get("/kapittel/historikk/").content.decode()
    assert '<a href="/innhold/" aria-current="true">' in chapter
    assert '<a href="/quiz/" aria-current="page">' in pages.get("/quiz/").content.decode()


def test_contents_are_grouped_by_the_packs_themes_and_keep_the_booklets_order_too(pages):
    from rusfakta.content.models import Edition

    html = pages.get("/innhold/").content.decode()
    titles = [theme["title"] for theme in Edition.objects.get().themes]
    assert titles[:5] == [
        "Hva er kokain",
        "Kroppen og risiko",
        "Hvor mange",
        "Fest, russ og kjøp",
        "Hjelp og behandling",
    ]
    positions = [html.index(f">{title}</h2>") for title in titles]
    assert positions == sorted(positions)
    # «Slik virker kokain i kroppen» comes before the survey chapters, and help is no longer last of 22.
    assert html.index("/kapittel/virkning/") < html.index("/kapittel/ungdata/")
    booklet = html[html.index('id="heftets-rekkefolge"') :]
    links = re.findall(r'href="/kapittel/([^/]+)/"', booklet)
    assert links == [c.slug for c in Chapter.objects.in_reading_order()]


def test_chapters_name_the_booklet_once_and_give_each_passages_page(pages):
    chapter = Chapter.objects.get(slug="utbredelse")
    html = pages.get(chapter.get_absolute_url()).content.decode()
    assert html.count("Kokain – fakta og oversikt") <= 2  # the line at the top, and the footer
    assert 'class="anchor"' not in html and ">#</a>" not in html
    cites = re.findall(r'<p class="cites">(.*?)</p>', html, re.S)
    assert len(cites) == chapter.passages.count()
    assert all("Heftet s." in cite and "Kokain – fakta" not in cite for cite in cites)
    toc = re.search(r'<nav class="chapter-toc".*?</nav>', html, re.S).group(0)
    slugs = [p.slug for p in chapter.passages.all()]
    assert (
        list(dict.fromkeys(re.findall(r'href="#([^"]+)"', toc))) == slugs
    )  # sections link their first passage
    short = pages.get("/kapittel/introduksjon/").content.decode()
    assert 'class="chapter-toc"' not in short


def test_chapters_link_the_tools_the_pack_gives_them(pages):
    assert 'href="/blanding/"' in re.search(
        r'<aside class="try-tools".*?</aside>', pages.get("/kapittel/blandingsbruk/").content.decode(), re.S
    ).group(0)
    assert 'href="/tenk-selv/"' in pages.get("/kapittel/utbredelse/").content.decode().split("<main")[1]
    assert 'class="try-tools"' not in pages.get("/kapittel/historikk/").content.decode()


def test_favicon_is_served_at_the_root_and_linked_as_svg(pages, client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"
    assert 'rel="icon" href="/static/rusfakta/icon' in pages.get("/").content.decode()

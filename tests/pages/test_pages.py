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


def test_crawl_every_page_reachable_from_home_and_check_links_and_anchors(pages):
    seen, queue, anchors, documents = set(), ["/"], [], {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = pages.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        documents[url] = check_html(url, html)
        for link in _links(url, html):
            parsed = urlparse(link)
            if parsed.scheme in ("tel", "mailto") or parsed.netloc:
                continue
            path, fragment = urldefrag(link)
            if path.startswith("/static/"):
                pages.get(path)
                continue
            if fragment:
                anchors.append((url, path, fragment))
            queue.append(path)
    assert len(seen) > 100
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

"""Ingestion: text, HTML, RSS/Atom and JSONL into a real store, pages served over real HTTP."""

from __future__ import annotations

import io
import json
import os
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import ResourceError
from briefing.ingest import Boilerplate, Reader, ingest, prepare
from briefing.ingest.dates import parse_published
from briefing.ingest.head import read_head
from briefing.ingest.items import Document, Failure
from briefing.ingest.web import Fetcher, Web
from briefing.jobs import Reporter
from briefing.resources import Resources
from briefing.resources.schema import BoilerplateFile, validate
from briefing.store import NewArticle, Store

DATA = Path(__file__).resolve().parent / "data" / "ingest"
TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml", ".txt": "text/plain"}


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, code: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (timeout tests)

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/slow":
            time.sleep(2)
            self._send(200, b"<html><body>late</body></html>", "text/html")
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must hold while reading
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + "كلام ".encode() * 4000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped at its size cap
        elif self.path == "/to-file":
            self._send(302, b"", "text/plain", {"Location": "file:///etc/passwd"})
        elif self.path == "/binary":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(300), "image/png")
        elif self.path == "/cp1256.html":
            html = (DATA / "page_aid.html").read_text(encoding="utf-8").replace('charset="utf-8"', "")
            self._send(200, html.encode("cp1256"), "text/html; charset=windows-1256")
        else:
            path = DATA / self.path.lstrip("/")
            if not path.is_file() or path.parent != DATA:
                self._send(404, b"not found", "text/plain")
                return
            body = path.read_text(encoding="utf-8").replace("{base}", base).encode("utf-8")
            self._send(200, body, TYPES.get(path.suffix, "application/octet-stream"))


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "b.db") as s:
        yield s


BOILERPLATE = Boilerplate.from_resources(Resources.load())


def reader(**kw) -> Reader:
    max_bytes = kw.pop("max_bytes", 1_000_000)
    return Reader(Web(Fetcher(timeout=kw.pop("timeout", 5), max_bytes=max_bytes)), max_bytes=max_bytes, **kw)


def run(store: Store, sources: list[str], **kw):
    stream = io.StringIO()
    report = ingest(store, sources, reader(**kw), Reporter(stream=stream), boilerplate=BOILERPLATE)
    return report, stream.getvalue()


def items(source: str, **kw) -> list:
    """What ingestion makes of one source: read, then cleaned into the store's form."""
    return [prepare(i, BOILERPLATE) if isinstance(i, Document) else i for i in reader(**kw).read(source)]


# --- HTML ---------------------------------------------------------------------------------------


def test_ingest_html_url_gives_main_text_title_date_and_site(server, store):
    report, err = run(store, [f"{server}/page_manoeuvres.html"])
    assert (report.added, report.failed) == (1, 0), err
    article = store.get_article(report.added_ids[0])
    assert article is not None
    assert article.title == "إيران تبدأ مناورات بحرية واسعة في مضيق هرمز"
    assert article.source == "أخبار الخليج اليوم"
    assert article.published == "2026-11-12"
    assert article.url == f"{server}/page_manoeuvres.html"
    assert "بدأت القوات البحرية الإيرانية" in article.text
    for junk in ("الرئيسية", "جميع الحقوق", "الأكثر قراءة", "اشترك بنشرتنا", "اقرأ أيضا"):
        assert junk not in article.text
    row = store.conn.execute("SELECT published_from, dateline FROM articles").fetchone()
    assert row == ("source", "طهران -")


def test_ingest_html_file_windows_1256_page(server, tmp_path):
    got = items(f"{server}/cp1256.html")
    article = [i for i in got if isinstance(i, NewArticle)]
    assert len(article) == 1
    assert "دعت الأمم المتحدة" in article[0].article.text


def test_ingest_malformed_html_is_a_one_line_failure(tmp_path):
    bad = tmp_path / "broken.html"
    bad.write_text("<html><body><div><p>\x00<<<</div></span>>>", encoding="utf-8")
    (failure,) = items(str(bad))
    assert isinstance(failure, Failure)
    assert "\n" not in failure.message()


# --- feeds --------------------------------------------------------------------------------------


def test_ingest_rss_uses_full_content_and_fetches_pages_of_summary_only_entries(server, store):
    report, err = run(store, [f"{server}/feed_rss.xml"])
    assert (report.added, report.duplicate, report.failed) == (2, 0, 0), err
    by_url = {a.url: a for a in store.all_articles()}
    full = by_url[f"{server}/news/gulf-ministers"]
    assert full.source == "وكالة الأنباء التجريبية"
    assert full.published == "2026-11-13"
    assert "اجتمع وزراء خارجية دول مجلس التعاون" in full.text
    # "اقرأ أيضا" alone on its line takes the linked headline with it.
    assert "اقرأ أيضا" not in full.text
    assert "قمة خليجية مصغرة" not in full.text
    assert "وأكد وزير الخارجية العماني" in full.text
    fetched = by_url[f"{server}/page_turkey.html"]
    assert "تحييد سبعة مسلحين" in fetched.text
    assert fetched.title == "تركيا تعلن تحييد مسلحين في شمال العراق"
    assert fetched.published == "2026-11-14"  # 18:40 +03:00 is 15:40 UTC
    stamp = store.conn.execute("SELECT published_at FROM articles WHERE url = ?", (fetched.url,)).fetchone()
    assert stamp == ("2026-11-14T15:40:00Z",)


def test_ingest_atom_feed_reports_an_entry_whose_page_is_gone(server, store):
    report, err = run(store, [f"{server}/feed_atom.xml"])
    assert (report.added, report.failed) == (2, 1)
    assert "missing-page" in err
    assert "HTTP 404" in err
    assert len(err.strip().splitlines()) == 1
    texts = " ".join(a.text for a in store.all_articles())
    assert "ثمانية آلاف شخص نزحوا" in texts
    assert "فتح ممرات إنسانية عاجلة" in texts
    assert "قد يهمك" not in texts


def test_ingest_feed_again_counts_duplicates_without_fetching_pages(server, store):
    run(store, [f"{server}/feed_rss.xml"])
    before = _Handler.hits["/page_turkey.html"]
    report, _ = run(store, [f"{server}/feed_rss.xml"])
    assert (report.added, report.duplicate) == (0, 2)
    assert _Handler.hits["/page_turkey.html"] == before
    assert store.article_count() == 2


def test_ingest_feed_file_from_disk(server, tmp_path, store):
    feed = tmp_path / "saved.xml"
    feed.write_text((DATA / "feed_atom.xml").read_text(encoding="utf-8").replace("{base}", server), "utf-8")
    report, _ = run(store, [str(feed)])
    assert (report.added, report.failed) == (2, 1)


def test_ingest_malformed_feed_is_a_one_line_failure(store):
    report, err = run(store, [str(DATA / "broken_feed.xml")])
    assert (report.added, report.failed) == (0, 1)
    assert "malformed feed" in err
    assert len(err.strip().splitlines()) == 1


# --- URLs that fail -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/nothing-here", "HTTP 404"),
        ("/slow", "timed out after 0.5s"),
        ("/big", "too large"),
        ("/to-file", "is not allowed"),
        ("/binary", "neither an HTML page nor an RSS/Atom feed"),
    ],
)
def test_ingest_url_failures_say_why_in_one_line(server, store, path, reason):
    report, err = run(store, [server + path, str(DATA / "front_matter.txt")], timeout=0.5, max_bytes=200_000)
    assert (report.added, report.failed) == (1, 1)  # the run went on with the file
    (line,) = err.strip().splitlines()
    assert line.startswith(server + path)
    assert reason in line


@pytest.mark.parametrize("url", ["ftp://example.org/x.html", "file:///etc/passwd"])
def test_ingest_only_fetches_http_and_https(url):
    (failure,) = items(url)
    assert isinstance(failure, Failure)
    assert "only http" in failure.reason


def test_ingest_unreachable_host_fails_cleanly():
    (failure,) = items("http://127.0.0.1:9/nowhere", timeout=2)
    assert isinstance(failure, Failure)
    assert failure.reason.startswith(("cannot connect", "timed out"))


# --- text files ---------------------------------------------------------------------------------


def test_ingest_text_front_matter():
    (item,) = items(str(DATA / "front_matter.txt"))
    a = item.article
    assert (a.title, a.source, a.published, a.url) == (
        "لبنان يستعد لانتخابات بلدية في موعدها",
        "صحيفة الأرز",
        "2026-11-11",
        "https://example.org/lebanon/municipal-elections",
    )
    assert a.text.startswith("لبنان يستعد")
    assert "---" not in a.text
    assert item.published_from == "source"
    assert item.dateline == "بيروت -"


def test_ingest_text_sidecar_json_and_most_read_tail():
    (item,) = items(str(DATA / "sidecar.txt"))
    a = item.article
    assert (a.source, a.published, a.url) == (
        "صحيفة الرافدين",
        "2026-11-08",
        "https://example.org/iraq/gas-deal",
    )
    assert item.published_at is not None
    assert item.published_at.hour == 7
    assert a.text.endswith("لأبناء المحافظة.")
    assert "الأكثر قراءة" not in a.text
    assert "جدول مباريات" not in a.text


def test_ingest_plain_text_takes_title_line_and_date_from_file_name(tmp_path):
    path = tmp_path / "2026-11-14-damascus.txt"
    path.write_text(
        "قصف على ريف دمشق\nدمشق – (رويترز) - قال المرصد السوري إن قصفا استهدف بلدات في ريف دمشق.\n",
        encoding="utf-8",
    )
    (item,) = items(str(path))
    assert item.article.title == "قصف على ريف دمشق"
    assert (item.article.published, item.published_from) == ("2026-11-14", "file")
    assert item.dateline == "دمشق – (رويترز) -"


def test_ingest_plain_text_without_date_uses_file_time(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("أعلنت الحكومة اليوم عن خطة جديدة لإعادة الإعمار في المناطق المتضررة.", encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))  # 2023-11-14 UTC
    (item,) = items(str(path))
    assert (item.article.published, item.published_from) == ("2023-11-14", "file")


def test_ingest_windows_1256_text_is_decoded_with_a_notice(tmp_path, store):
    path = tmp_path / "legacy.txt"
    path.write_bytes("بغداد - أعلنت الحكومة العراقية اليوم عن موازنة جديدة للعام المقبل.".encode("cp1256"))
    report, err = run(store, [str(path)])
    assert report.added == 1
    assert "Windows-1256" in err
    assert store.all_articles()[0].text.startswith("بغداد - أعلنت")


def test_ingest_large_file_and_bad_files_fail_and_the_rest_goes_on(tmp_path, store):
    big = tmp_path / "big.txt"
    big.write_bytes("خبر طويل جدا. ".encode() * (10_000_000 // 24 + 1))
    assert big.stat().st_size >= 10_000_000
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00" * 100)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "does-not-exist.txt")
    bad_front = tmp_path / "bad_front.txt"
    bad_front.write_text("---\ntitle: [غير مغلق\n---\nنص عربي كاف للخبر.\n", encoding="utf-8")
    report, err = run(
        store, [str(big), str(binary), str(dangling), str(bad_front), str(DATA / "sidecar.txt")]
    )
    assert (report.added, report.failed) == (1, 4)
    lines = err.strip().splitlines()
    assert len(lines) == 4
    assert "too large: 10.0 MB" in lines[0]
    assert "binary" in lines[1]
    assert "no such file" in lines[2]
    assert "front matter: not valid YAML" in lines[3]


def test_ingest_unreadable_file(tmp_path, store):
    path = tmp_path / "secret.txt"
    path.write_text("نص عربي", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything; /proc/self/mem still fails at offset 0
        path = Path("/proc/self/mem")
        if not path.exists():
            pytest.skip("running as root without /proc: no file that cannot be read")
    report, err = run(store, [str(path)])
    assert report.failed == 1
    assert "cannot read" in err


def test_ingest_folder_reads_known_kinds_and_skips_sidecars(server, tmp_path, store):
    report, err = run(store, [str(DATA)])
    # page_manoeuvres, page_aid, page_turkey, front_matter, sidecar; feed_rss entries have {base} links.
    assert report.added >= 5
    assert "broken_feed.xml" in err
    assert "sidecar.json" not in err


# --- JSONL --------------------------------------------------------------------------------------


def test_ingest_jsonl_bad_lines_fail_alone(tmp_path, store):
    good = {
        "id": "x-1",
        "title": "عنوان",
        "published": "2026-11-10",
        "source": "وكالة",
        "url": "https://example.org/1",
        "text": "أعلنت الحكومة اليوم عن خطة جديدة.",
    }
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x-2"}),
        json.dumps(
            {**good, "id": "x-3", "url": None, "text": "خبر آخر مختلف.", "published": "أمس"},
            ensure_ascii=False,
        ),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, err = run(store, [str(path)])
    assert (report.added, report.failed) == (2, 2)
    assert f"{path}:2: not a JSON object" in err
    assert f"{path}:3: expected a JSON object" in err
    assert f"{path}:4: published 'أمس' is not a date" in err
    a1 = store.get_article("x-1")
    assert a1 is not None
    assert (a1.title, a1.source, a1.published) == ("عنوان", "وكالة", "2026-11-10")
    assert store.conn.execute("SELECT published_from FROM articles WHERE id = 'x-3'").fetchone() == (
        "ingested",
    )


def test_ingest_whole_corpus_then_again_is_all_duplicates(shared_dir, store):
    corpus = shared_dir / "corpus" / "articles.jsonl"
    n = sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
    report, err = run(store, [str(corpus)])
    assert (report.added + report.duplicate, report.failed) == (n, 0), err
    ids = {json.loads(line)["id"] for line in corpus.open(encoding="utf-8")}
    assert {a.id for a in store.all_articles()} <= ids
    again, _ = run(store, [str(corpus)])
    assert (again.added, again.duplicate) == (0, n)


# --- boilerplate, title, dateline, dates ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "اقرأ أيضا/\xa0مصادر: الإدارة تدرس خيارات جديدة في سوريا",
        "إقرأ أيضاً: الأمم المتحدة تحذر من كارثة",
        "قد يهمك/ هل ستحل قوة عربية محل القوات الأمريكية؟",
        "• قد يهمك أيضا: أسعار النفط اليوم",
        "شاهد.. ظريف عن نتنياهو: كلمته سيرك",
        "هل أعجبك المحتوى؟ شاركه مع أصدقائك",
        "انضم إلى قائمتنا البريدية",
        "اشترك بنشرتنا الأسبوعية",
        "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من التطبيق",
    ],
)
def test_ingest_boilerplate_lines_are_removed(line):
    text = f"أعلنت الحكومة اليوم عن خطة جديدة.\n{line}\nوقال الوزير إن الخطة تبدأ الشهر المقبل."
    cleaned = BOILERPLATE.clean(text)
    assert cleaned.text == "أعلنت الحكومة اليوم عن خطة جديدة.\nوقال الوزير إن الخطة تبدأ الشهر المقبل."
    assert len(cleaned.removed) == 1


@pytest.mark.parametrize(
    "line",
    [
        "شاهد عيان قال إن الانفجار وقع قرب السوق المركزي.",
        "اشتركت قوات من الجيش والشرطة في العملية.",
        "قد يهمك أن تعرف أن " + "المفاوضات استمرت طويلا وتناولت ملفات عدة " * 8,
        "وانضم إلى قائمة المرشحين وزير سابق.",
    ],
)
def test_ingest_boilerplate_leaves_article_lines(line):
    text = f"أعلنت الحكومة اليوم عن خطة جديدة.\n{line}\nوقال الوزير إن الخطة تبدأ الشهر المقبل."
    assert BOILERPLATE.clean(text).text == text


def test_ingest_most_read_is_removed_only_at_the_end():
    body = "\n".join(f"فقرة رقم {i} من الخبر تتحدث عن تطورات الأزمة في المنطقة." for i in range(6))
    tail = "\nالأكثر قراءة\nأسعار الذهب اليوم\nنتائج المباريات"
    assert BOILERPLATE.clean(body + tail).text == body
    early = "الأكثر قراءة بين الشباب هذا العام كانت روايات الحرب.\n" + body
    assert BOILERPLATE.clean(early).text == early


def test_ingest_boilerplate_data_is_validated():
    for entry in BOILERPLATE.rules:
        assert entry.phrases
        assert entry.match in ("line", "tail")
    with pytest.raises(ResourceError, match=r"boilerplate\.yaml: read_also: ar: Field required"):
        validate(
            BoilerplateFile,
            {"boilerplate": [{"id": "read_also", "en": "x", "match": "line", "starts_ar": ["اقرأ"]}]},
            "boilerplate.yaml",
        )
    entry = {"id": "a", "en": "x", "ar": "س", "match": "line", "starts_ar": ["اقرأ"]}
    with pytest.raises(ResourceError, match="duplicate id"):
        validate(BoilerplateFile, {"boilerplate": [entry, entry]}, "boilerplate.yaml")


@pytest.mark.parametrize(
    ("text", "title", "dateline", "agency"),
    [
        ("طهران - أعلنت إيران اليوم عن مناورات عسكرية في الخليج.", None, "طهران -", None),
        (
            "عنوان الخبر هنا\nدمشق – (رويترز) - قال المرصد السوري إن القصف استمر طوال الليل.",
            "عنوان الخبر هنا",
            "دمشق – (رويترز) -",
            "رويترز",
        ),
        (
            "دبي، الإمارات العربية المتحدة (CNN)-- حذّر الأمين العام للأمم المتحدة من تصعيد جديد.",
            None,
            "دبي، الإمارات العربية المتحدة (CNN)--",
            "CNN",
        ),
        ("أعلنت الحكومة اليوم عن خطة جديدة - وهي الثالثة هذا العام.", None, None, None),
        ("خبر عاجل\nأعلنت الحكومة اليوم عن خطة جديدة.", "خبر عاجل", None, None),
    ],
)
def test_ingest_title_line_and_dateline_are_recognised(text, title, dateline, agency):
    head = read_head(text)
    assert (head.title, head.dateline, head.agency) == (title, dateline, agency)


@pytest.mark.parametrize(
    ("value", "day", "hour"),
    [
        ("2026-11-14", "2026-11-14", None),
        ("2026-11-14T23:30:00-02:00", "2026-11-15", 1),
        ("Fri, 13 Nov 2026 09:15:00 GMT", "2026-11-13", 9),
        ("yesterday-ish", None, None),
        ("2026-02-30", None, None),
    ],
)
def test_ingest_published_dates_are_read_in_utc(value, day, hour):
    got = parse_published(value)
    if day is None:
        assert got is None
    else:
        assert got is not None
        assert got[0] == day
        assert (got[1].hour if got[1] else None) == hour


# --- the command --------------------------------------------------------------------------------


def test_ingest_cli_reports_counts_and_exit_status(server, tmp_path):
    env = {"BRIEFING_CONFIG": os.devnull, "BRIEFING_DB": str(tmp_path / "b.db")}
    runner = CliRunner()
    ok = runner.invoke(app, ["ingest", str(DATA / "sidecar.txt"), str(DATA / "front_matter.txt")], env=env)
    assert ok.exit_code == 0, ok.output
    assert "ingested 2: 2 added, 0 duplicate, 0 failed" in ok.output
    bad = runner.invoke(
        app, ["ingest", str(DATA / "sidecar.txt"), str(tmp_path / "missing.txt"), "--quiet"], env=env
    )
    assert bad.exit_code == 1
    assert bad.output.strip() == f"{tmp_path / 'missing.txt'}: no such file or URL"
    assert "Traceback" not in bad.output


def test_ingest_cli_shows_progress_on_long_runs(shared_dir, tmp_path, monkeypatch):
    import briefing.jobs as mod

    original = mod.ingest
    monkeypatch.setattr(mod, "ingest", lambda *a, **kw: original(*a, **{**kw, "progress_every": 0.0}))
    env = {"BRIEFING_CONFIG": os.devnull, "BRIEFING_DB": str(tmp_path / "b.db")}
    corpus = str(shared_dir / "corpus" / "articles.jsonl")
    loud = CliRunner().invoke(app, ["ingest", corpus], env=env)
    assert loud.exit_code == 0
    assert loud.output.count("ingest: ") > 10
    quiet = CliRunner().invoke(app, ["ingest", corpus, "--quiet"], env=env)
    assert quiet.exit_code == 0
    assert quiet.output == ""

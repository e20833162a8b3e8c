from django.http import HttpResponse
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from rusfakta.api.schemas import ErrorOut
from rusfakta.search.index import MAX_LIMIT, MAX_QUERY_CHARS
from rusfakta.search.service import BadQuestion, ask

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: str = Field(
        ...,
        min_length=1,
        max_length=MAX_QUERY_CHARS,
        pattern=r"\S",
        description=f"the question, 1–{MAX_QUERY_CHARS} characters, not only spaces",
    )
    limit: int = Field(5, ge=1, le=MAX_LIMIT, description=f"number of passages, 1–{MAX_LIMIT}")
    lang: str = Field(
        "nb",
        pattern="^(nb|nn|en)$",
        description="the edition searched: nb (bokmål), nn (nynorsk) or en (English); results, the short "
        "answer and the notice are in its language, and so is Content-Language",
    )


class PassageSource(Schema):
    id: str
    title: str


class SearchResult(Schema):
    id: str
    title: str
    text: str
    url: str
    score: float
    sources: list[PassageSource]
    pages: str = Field(
        description="the booklet page(s) the passage rests on: 4, 2-3, -1 (1 or before), 6- (6 or later)"
    )


class NoticeOut(Schema):
    kind: str = Field(description="emergency, out_of_scope or not_covered")
    text: str


class ShortAnswerOut(Schema):
    text: str = Field(description="one or two sentences written in the pack for the passage, never generated")
    passage: str = Field(description="the id of the passage it belongs to (the first result)")
    statistics: list[str] = Field(description="ids of the figure records it names")


class SearchOut(Schema):
    query: str
    corrected: str | None
    covered: bool = Field(
        description="whether the booklet answers the question at all; when false, the results are only "
        "the nearest passages, and notice says so (kind not_covered) unless an emergency or "
        "out_of_scope notice applies"
    )
    answer: ShortAnswerOut | None = Field(
        description="the first passage's short answer, when covered is true and there is no out_of_scope "
        "notice; otherwise null"
    )
    results: list[SearchResult]
    notice: NoticeOut | None


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut, 429: ErrorOut},
    summary="Answer a question with our own passages",
)
def search(request, response: HttpResponse, params: Query[SearchQuery]):
    response["Cache-Control"] = "no-store"  # the question is in the address; no cache should keep it
    response["Content-Language"] = params.lang
    try:
        return ask(params.q, params.limit, params.lang)
    except BadQuestion as exc:
        raise HttpError(400, exc.args[0]) from None  # lazy: made into text in the request's language

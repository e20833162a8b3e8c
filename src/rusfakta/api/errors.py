"""One JSON error shape for everything under /api/: {"error": {"code", "message"}}."""

from django.http import JsonResponse

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}


def error_response(status, message, code=None):
    return JsonResponse(
        {"error": {"code": code or CODES.get(status, "error"), "message": message}}, status=status
    )


def is_api(request):
    return request.path.startswith("/api/")

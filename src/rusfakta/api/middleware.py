from rusfakta.errors import api_error, is_api


class ApiErrorShapeMiddleware:
    """Any 4xx/5xx under /api/ that isn't already JSON (405 from routing, say) gets the one error shape."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            is_api(request)
            and response.status_code >= 400
            and response.get("Content-Type", "") != "application/json"
        ):
            shaped = api_error(request, response.status_code)
            if response.has_header("Allow"):
                shaped["Allow"] = response["Allow"]
            return shaped
        return response

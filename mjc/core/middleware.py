from django.conf import settings
from django.utils import translation

SUPPORTED = {code for code, _name in settings.LANGUAGES}


class UserLanguageMiddleware:
    """Choose the language: the user's saved choice, else the cookie, else Indonesian.

    A browser's Accept-Language is deliberately not used for pages: the platform is
    Indonesian first, whatever language the phone was bought in. API clients may ask
    for a language with Accept-Language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self.choose(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary = response.headers.get("Vary", "")
        if "Cookie" not in patch_vary:
            response.headers["Vary"] = ", ".join(filter(None, [patch_vary, "Cookie"]))
        translation.deactivate()
        return response

    @staticmethod
    def choose(request) -> str:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in SUPPORTED:
            return user.language
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if cookie in SUPPORTED:
            return cookie
        if request.path.startswith("/api/"):
            header = translation.get_language_from_request(request, check_path=False)
            if header and header[:2] in SUPPORTED and "HTTP_ACCEPT_LANGUAGE" in request.META:
                return header[:2]
        return settings.LANGUAGE_CODE

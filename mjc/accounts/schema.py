"""OpenAPI descriptions of the platform's authentication classes (drf-spectacular)."""

from drf_spectacular.authentication import SessionScheme, TokenScheme


class ExpiringTokenScheme(TokenScheme):
    target_class = "mjc.accounts.tokens.ExpiringTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        definition = super().get_security_definition(auto_schema)
        definition["description"] = (
            "`Token <key>` from POST /api/v1/auth/token/. A token expires 30 days after its last use, "
            "ends with a new password and with DELETE /api/v1/auth/token/."
        )
        return definition


class VerifiedSessionScheme(SessionScheme):
    target_class = "mjc.accounts.tokens.SessionAuthentication"
    name = "cookieAuth"

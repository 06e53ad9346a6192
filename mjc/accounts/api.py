from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from mjc.accounts.models import ApiToken, Role
from mjc.accounts.services import (
    api_register,
    token_login,
    token_revoke,
    user_calendar_token_rotate,
    user_token_issue,
    verification_resend,
)
from mjc.accounts.tokens import ExpiringTokenAuthentication, user_is_verified, verification_required
from mjc.core.errors import ApplicationError
from mjc.regions.models import Kabupaten


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(write_only=True, min_length=8, max_length=128, style={"input_type": "password"})
    full_name = serializers.CharField(max_length=150)
    role = serializers.ChoiceField(choices=[Role.OWNER.value, Role.CREATIVE.value])
    kabupaten = serializers.SlugRelatedField(slug_field="code", queryset=Kabupaten.objects.all())
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")


class RegisterResponseSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        allow_null=True,
        help_text="null while e-mail verification is mandatory: the answer is the same for a taken address",
    )
    email = serializers.EmailField()
    role = serializers.CharField()
    token = serializers.CharField(
        allow_null=True, help_text="null while e-mail verification is mandatory: sign in with /auth/token/ instead"
    )
    verification_sent = serializers.BooleanField()


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(style={"input_type": "password"})


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    full_name = serializers.CharField()
    phone = serializers.CharField()
    language = serializers.CharField()
    kabupaten = serializers.CharField(source="kabupaten.code", allow_null=True, default=None)
    bakorwil = serializers.CharField(source="bakorwil.code", allow_null=True, default=None)
    roles = serializers.ListField(child=serializers.CharField())
    email_verified = serializers.SerializerMethodField()
    profiles = serializers.SerializerMethodField()

    def get_email_verified(self, user) -> bool:
        return user_is_verified(user)

    def get_profiles(self, user) -> dict:
        creative = getattr(user, "creative_profile", None) if user.is_creative else None
        businesses = list(user.businesses.values("id", "name")) if user.is_owner else []
        return {
            "creative": {"id": creative.pk, "headline": creative.headline} if creative else None,
            "businesses": businesses,
        }


class RegisterApi(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_scope = "auth"

    def get_throttles(self):
        return [ScopedRateThrottle()]

    @extend_schema(
        request=RegisterSerializer,
        responses={201: RegisterResponseSerializer},
        examples=[
            OpenApiExample(
                "UMKM owner from Pamekasan",
                value={
                    "email": "siti@batikmadura.id",
                    "password": "tulis-batik-2026",
                    "full_name": "Siti Aminah",
                    "role": "owner",
                    "kabupaten": "3528",
                },
                request_only=True,
            )
        ],
    )
    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            user = api_register(
                request=request._request,
                email=data["email"],
                password=data["password"],
                full_name=data["full_name"],
                role=data["role"],
                kabupaten=data["kabupaten"],
                phone=data.get("phone", ""),
            )
        except ApplicationError:
            raise
        except Exception as exc:  # Django's password validators
            from django.core.exceptions import ValidationError

            if isinstance(exc, ValidationError):
                raise serializers.ValidationError({"password": exc.messages}) from exc
            raise
        if verification_required():
            # the same answer whether the address was new or taken (no token before verification)
            body = {
                "id": None,
                "email": data["email"].strip().lower(),
                "role": data["role"],
                "token": None,
                "verification_sent": True,
            }
        else:
            key = user_token_issue(user=user, client=request.META.get("HTTP_USER_AGENT", ""))
            body = {"id": user.pk, "email": user.email, "role": data["role"], "token": key, "verification_sent": False}
        return Response(body, status=status.HTTP_201_CREATED)


class TokenApi(APIView):
    """POST: sign in (a new token per device). DELETE: log this token out."""

    allow_unverified = True  # logging out needs no verified address
    throttle_scope = "auth"

    def _method(self) -> str:
        return getattr(getattr(self, "request", None), "method", None) or ""

    def get_authenticators(self):
        return [ExpiringTokenAuthentication()] if self._method() == "DELETE" else []

    def get_permissions(self):
        return [permissions.IsAuthenticated()] if self._method() == "DELETE" else [permissions.AllowAny()]

    def get_throttles(self):
        return [ScopedRateThrottle()] if self._method() == "POST" else super().get_throttles()

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: TokenResponseSerializer},
        description="Sign in. Failures count against the account and the address exactly as on the "
        "log-in page; after too many (5 for one account in 5 minutes, 10 a minute from one address) "
        "even the right password gets 429 `too_many_login_attempts` until the lock passes. "
        "A token expires 30 days after its last use and dies with a new password.",
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        key = token_login(
            request=request._request,
            email=serializer.validated_data["email"],
            password=serializer.validated_data["password"],
        )
        return Response({"token": key})

    @extend_schema(request=None, responses={204: OpenApiResponse(description="The token is revoked.")})
    def delete(self, request):
        if isinstance(request.auth, ApiToken):
            token_revoke(token=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


class VerificationResendResponseSerializer(serializers.Serializer):
    sent = serializers.BooleanField()
    email = serializers.EmailField()


class VerificationResendApi(APIView):
    """Send the e-mail verification link again (the one write an unverified account may make)."""

    permission_classes = [permissions.IsAuthenticated]
    allow_unverified = True

    @extend_schema(request=None, responses={202: VerificationResendResponseSerializer})
    def post(self, request):
        verification_resend(request=request._request, user=request.user)
        return Response({"sent": True, "email": request.user.email}, status=status.HTTP_202_ACCEPTED)


class MeApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    allow_unverified = True  # an unverified account may read itself (and see email_verified: false)

    @extend_schema(responses={200: MeSerializer})
    def get(self, request):
        return Response(MeSerializer(request.user).data)


class CalendarFeedSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="The private iCalendar feed of one's bookings and events")


class CalendarFeedRotateApi(APIView):
    """Give the private calendar feed a new address; the old one answers 404 from now on."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: CalendarFeedSerializer})
    def post(self, request):
        token = user_calendar_token_rotate(user=request.user)
        return Response({"url": request.build_absolute_uri(reverse("ejsc:user_calendar", args=[token]))})

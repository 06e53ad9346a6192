from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.views import APIView

from mjc.accounts.models import Role
from mjc.accounts.services import user_register
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
    id = serializers.IntegerField()
    email = serializers.EmailField()
    role = serializers.CharField()
    token = serializers.CharField()


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
    profiles = serializers.SerializerMethodField()

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
        from rest_framework.throttling import ScopedRateThrottle

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
            user = user_register(
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
        token, _created = Token.objects.get_or_create(user=user)
        return Response(
            {"id": user.pk, "email": user.email, "role": data["role"], "token": token.key},
            status=status.HTTP_201_CREATED,
        )


class TokenApi(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_scope = "auth"

    def get_throttles(self):
        from rest_framework.throttling import ScopedRateThrottle

        return [ScopedRateThrottle()]

    @extend_schema(request=TokenRequestSerializer, responses={200: TokenResponseSerializer})
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(
            request, email=serializer.validated_data["email"].lower(), password=serializer.validated_data["password"]
        )
        if user is None or not user.is_active:
            raise ApplicationError(_("E-mail or password is wrong."), code="invalid_credentials")
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class MeApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: MeSerializer})
    def get(self, request):
        return Response(MeSerializer(request.user).data)

"""API of gigs: list, search, create, edit, publish, cancel, attachments, invitations,
price guidance and brief templates."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from creatives.models import CreativeProfile
from gigs import selectors, services
from gigs.api._shared import ERROR_EXAMPLE, GIG_EXAMPLE, _visible_gig
from gigs.api.serializers import (
    FileSerializer,
    GigDetailSerializer,
    GigSerializer,
    GigTemplateSerializer,
    GigUpdateSerializer,
    GigWriteSerializer,
    PriceGuidanceQuerySerializer,
    PriceGuidanceSerializer,
    ReasonSerializer,
)
from gigs.errors import GigErrorCode
from gigs.models import Gig
from gigs.statuses import WorkMode
from mjc.core.api import public_list_cached
from mjc.core.errors import NotFound, ValidationFailed
from mjc.core.money import RupiahFilter
from mjc.core.pagination import KeysetPagination


class GigFilter(django_filters.FilterSet):
    """The public list's filters; the search itself is selectors.gig_search."""

    q = django_filters.CharFilter(label="q", method="noop", help_text="Words to search (typos allowed)")
    category = django_filters.CharFilter(method="noop", help_text="Category slug, e.g. kemasan")
    bakorwil = django_filters.CharFilter(method="noop", help_text="Bakorwil code I–V")
    kabupaten = django_filters.CharFilter(method="noop", help_text="BPS code, e.g. 3507")
    budget_min = RupiahFilter(method="noop", help_text="Whole Rupiah, e.g. 750000 or 750.000")
    budget_max = RupiahFilter(method="noop", help_text="Whole Rupiah, e.g. 1500000 or 1.500.000")
    work_mode = django_filters.ChoiceFilter(method="noop", choices=WorkMode.choices)
    sort = django_filters.ChoiceFilter(method="noop", choices=[(key, key) for key in selectors.SORTS])

    class Meta:
        model = Gig
        fields = []

    def noop(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return selectors.gig_search(
            q=data.get("q") or "",
            category=data.get("category") or None,
            bakorwil=data.get("bakorwil") or None,
            kabupaten=data.get("kabupaten") or None,
            budget_min=int(data["budget_min"]) if data.get("budget_min") else None,
            budget_max=int(data["budget_max"]) if data.get("budget_max") else None,
            work_mode=data.get("work_mode") or None,
            sort=data.get("sort") or "",
        )


class GigListCreateApi(generics.ListCreateAPIView):
    """Open gigs (anyone), searched and filtered; an owner creates a gig as a draft."""

    serializer_class = GigSerializer
    filterset_class = GigFilter
    pagination_class = KeysetPagination

    def get_queryset(self) -> QuerySet:
        return selectors.gig_search()

    @public_list_cached
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=GigWriteSerializer, responses={201: GigDetailSerializer}, examples=[GIG_EXAMPLE])
    def post(self, request):
        data = GigWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        gig = services.gig_create(user=request.user, **data.validated_data)
        return Response(
            GigDetailSerializer(_visible_gig(request, gig.pk), context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class GigDetailApi(APIView):
    @extend_schema(responses={200: GigDetailSerializer})
    def get(self, request, pk: int):
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)

    @extend_schema(request=GigUpdateSerializer, responses={200: GigDetailSerializer})
    def patch(self, request, pk: int):
        gig = _visible_gig(request, pk)
        data = GigUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.gig_update(gig=gig, user=request.user, **data.validated_data)
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)


class GigPublishApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: GigDetailSerializer}, examples=[ERROR_EXAMPLE])
    def post(self, request, pk: int):
        services.gig_publish(gig=_visible_gig(request, pk), user=request.user)
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)


class GigCancelApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=ReasonSerializer, responses={200: GigDetailSerializer})
    def post(self, request, pk: int):
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.gig_cancel(gig=_visible_gig(request, pk), user=request.user, reason=data.validated_data["reason"])
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)


# a multipart body carrying one required file (an attachment, the gig's photo)
ONE_FILE = {
    "multipart/form-data": {
        "type": "object",
        "properties": {"file": {"type": "string", "format": "binary"}},
        "required": ["file"],
    }
}


class GigAttachmentApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request=ONE_FILE,
        responses={201: FileSerializer},
    )
    def post(self, request, pk: int):
        attachment = services.gig_attachment_add(
            gig=_visible_gig(request, pk), user=request.user, upload=request.FILES.get("file")
        )
        return Response(FileSerializer(attachment).data, status=status.HTTP_201_CREATED)


class GigPictureApi(APIView):
    """The owner uploads the gig's photo (cleaned like every image) or takes the picture off."""

    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request=ONE_FILE,
        responses={200: GigDetailSerializer},
    )
    def post(self, request, pk: int):
        upload = request.FILES.get("file")
        if upload is None:
            message = _("Choose a photo to upload.")
            raise ValidationFailed(
                message, code=GigErrorCode.FILES_REQUIRED, extra={"fields": {"file": [str(message)]}}
            )
        services.gig_update(gig=_visible_gig(request, pk), user=request.user, picture=upload)
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)

    @extend_schema(request=None, responses={200: GigDetailSerializer})
    def delete(self, request, pk: int):
        services.gig_update(gig=_visible_gig(request, pk), user=request.user, picture_product=None)
        return Response(GigDetailSerializer(_visible_gig(request, pk), context={"request": request}).data)


class GigAttachmentDetailApi(APIView):
    """The owner removes a brief attachment while the gig is a draft or open."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, pk: int, attachment_pk: int):
        gig = _visible_gig(request, pk)
        attachment = gig.attachments.filter(pk=attachment_pk).first()
        if attachment is None:
            raise NotFound()
        services.gig_attachment_remove(attachment=attachment, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationWriteSerializer(serializers.Serializer):
    creative = serializers.PrimaryKeyRelatedField(queryset=CreativeProfile.objects.all())


class InvitationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    gig = serializers.IntegerField(source="gig_id")
    creative = serializers.IntegerField(source="creative_id")


class GigInvitationApi(APIView):
    """The owner invites a creative (by profile id) to bid on an open gig."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=InvitationWriteSerializer, responses={201: InvitationSerializer})
    def post(self, request, pk: int):
        gig = _visible_gig(request, pk)
        data = InvitationWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        creative = data.validated_data["creative"]
        invitation = services.invitation_create(gig=gig, creative=creative, user=request.user)
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


class PriceGuidanceApi(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        parameters=[
            PriceGuidanceQuerySerializer,  # category and bakorwil: codes that must exist (enums)
        ],
        responses={200: PriceGuidanceSerializer},
        examples=[
            OpenApiExample(
                "Packaging in Bakorwil III",
                response_only=True,
                value={
                    "category": "kemasan",
                    "scope": "bakorwil",
                    "bakorwil": "III",
                    "count": 7,
                    "median": 1200000,
                    "low": 600000,
                    "high": 2500000,
                    "p25": 900000,
                    "p75": 1500000,
                },
            )
        ],
    )
    def get(self, request):
        data = PriceGuidanceQuerySerializer(data=request.query_params)
        data.is_valid(raise_exception=True)
        category, code = data.validated_data["category"], data.validated_data.get("bakorwil")
        guidance = selectors.price_guidance(category=category, bakorwil=code.code if code else None)
        return Response(PriceGuidanceSerializer(guidance).data)


class GigTemplateListApi(generics.ListAPIView):
    serializer_class = GigTemplateSerializer
    permission_classes = [permissions.AllowAny]
    pagination_class = None

    def get_queryset(self):
        templates = selectors.templates_active()
        category = self.request.query_params.get("category")
        return templates.filter(category__slug=category) if category else templates

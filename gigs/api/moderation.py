"""API of reports: anyone signed in reports; an MJC admin resolves."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from gigs import services
from gigs.api._shared import _visible_bid, _visible_gig
from gigs.api.serializers import (
    ReportResolvedSerializer,
    ReportResolveSerializer,
    ReportSerializer,
    ReportWriteSerializer,
)
from gigs.models import Report
from mjc.core.errors import NotFound


class ReportCreateApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ReportWriteSerializer,
        responses={201: ReportSerializer},
        examples=[
            OpenApiExample("Report a gig", value={"gig": 12, "reason": "Penipuan: minta transfer di luar platform."})
        ],
    )
    def post(self, request):
        data = ReportWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        from django.contrib.auth import get_user_model

        gig = _visible_gig(request, values["gig"]) if values.get("gig") else None
        bid = _visible_bid(request, values["bid"]) if values.get("bid") else None
        target = get_object_or_404(get_user_model(), pk=values["user"], is_active=True) if values.get("user") else None
        report = services.report_create(
            user=request.user, reason=values["reason"], gig=gig, bid=bid, target_user=target
        )
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)


class ReportResolveApi(APIView):
    """MJC admins close a report, optionally cancelling the gig, rejecting the bid or
    deactivating the account. For anyone else reports do not exist (404)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=ReportResolveSerializer,
        responses={200: ReportResolvedSerializer},
        examples=[OpenApiExample("Cancel a fraudulent gig", value={"action": "gig_cancelled", "note": "Penipuan."})],
    )
    def post(self, request, pk: int):
        if not request.user.is_superuser:
            raise NotFound()
        report = get_object_or_404(Report, pk=pk)
        data = ReportResolveSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_resolve(report=report, admin=request.user, **data.validated_data)
        return Response(ReportResolvedSerializer(report).data)

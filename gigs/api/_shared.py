"""What the marketplace API views share: the visible-object lookups and the schema examples."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample
from rest_framework import status
from rest_framework.response import Response

from gigs import selectors
from gigs.api.serializers import ContractSerializer
from gigs.models import Bid, Contract, Gig
from mjc.core.errors import NotFound


def _visible_gig(request, pk) -> Gig:
    gig = selectors.gig_detail(pk=pk, user=request.user)
    if gig is None:
        raise NotFound()
    return gig


def _visible_bid(request, pk) -> Bid:
    return get_object_or_404(selectors.bids_visible_to(request.user), pk=pk)


def _visible_contract(request, pk) -> Contract:
    contract = selectors.contract_detail(pk=pk, user=request.user)
    if contract is None:
        raise NotFound()
    return contract


def _contract_response(request, contract: Contract, code=status.HTTP_200_OK) -> Response:
    fresh = selectors.contract_detail(pk=contract.pk, user=request.user)
    return Response(ContractSerializer(fresh, context={"request": request}).data, status=code)


GIG_EXAMPLE = OpenApiExample(
    "From a template",
    request_only=True,
    value={
        "title": "Desain kemasan keripik tempe",
        "category": "kemasan",
        "template": "desain-kemasan-keripik",
        "answers": {"product": "Keripik tempe original dan balado", "size": "100 g", "medium": "Cetak"},
        "description": "Kemasan standing pouch yang menonjol di rak oleh-oleh.",
        "budget_min": 750000,
        "budget_max": 1500000,
        "deadline": "2026-12-31",
        "kabupaten": "3507",
        "work_mode": "remote",
    },
)


ERROR_EXAMPLE = OpenApiExample(
    "Illegal move",
    response_only=True,
    status_codes=["409"],
    value={
        "message": "Another bid has already been accepted for this gig.",
        "code": "bid_already_accepted",
        "extra": {},
    },
)

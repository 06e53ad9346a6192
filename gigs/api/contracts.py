"""API of contracts and disputes: deliver, revise, complete, cancel, withdraw, dispute, review, messages."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from gigs import selectors, services
from gigs.api._shared import ERROR_EXAMPLE, _contract_response, _visible_contract
from gigs.api.bids import BidMessagesApi
from gigs.api.serializers import (
    CancelSerializer,
    ContractSerializer,
    DisputeSerializer,
    NoteSerializer,
    ReviewSerializer,
    ReviewWriteSerializer,
)
from gigs.selectors import visible_reviews


class ContractListApi(generics.ListAPIView):
    """The signed-in user's contracts, as owner or as creative."""

    serializer_class = ContractSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return selectors.contracts_visible_to(self.request.user).prefetch_related(
            "deliveries__files", "reviews__author", "reviews__subject", "bid__conversation"
        )


# Parts a higher app adds to one contract's answer without gigs importing it: functions
# (contract, request) -> dict, registered in that app's AppConfig.ready (payments adds "payments").
CONTRACT_DETAIL_EXTRAS: list = []


def _contract_move(request, pk: int, body, service, field: str):
    """A move with one typed field (a note, a reason): the contract (404), the body (400), the
    service (its 403/409), then the contract as it is now."""
    contract = _visible_contract(request, pk)
    data = body(data=request.data)
    data.is_valid(raise_exception=True)
    service(contract=contract, user=request.user, **{field: data.validated_data[field]})
    return _contract_response(request, contract)


class ContractDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: ContractSerializer})
    def get(self, request, pk: int):
        contract = _visible_contract(request, pk)
        data = ContractSerializer(contract, context={"request": request}).data
        for extra in CONTRACT_DETAIL_EXTRAS:
            data.update(extra(contract, request))
        return Response(data)


class ContractDeliverApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {
                    "note": {"type": "string"},
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                },
                "required": ["files"],
            }
        },
        responses={200: ContractSerializer},
        description="The contracted creative delivers: a note and one or more files (PDF, images, ZIP, Office…).",
    )
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        uploads = request.FILES.getlist("files") or request.FILES.getlist("file")
        note = request.data.get("note", "") if hasattr(request.data, "get") else ""
        services.contract_deliver(contract=contract, user=request.user, note=str(note)[:5000], uploads=uploads)
        return _contract_response(request, contract)


class ContractRevisionApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=NoteSerializer,
        responses={200: ContractSerializer},
        examples=[OpenApiExample("Ask for changes", value={"note": "Logonya diperbesar, warna lebih hangat."})],
    )
    def post(self, request, pk: int):
        return _contract_move(request, pk, NoteSerializer, services.contract_request_revision, "note")


class ContractCompleteApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: ContractSerializer})
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        services.contract_complete(contract=contract, user=request.user)
        return _contract_response(request, contract)


class ContractCancelApi(APIView):
    """The owner cancels the contract (SPEC rule 5): the creative gets 403 and withdraws instead."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=CancelSerializer, responses={200: ContractSerializer})
    def post(self, request, pk: int):
        return _contract_move(request, pk, CancelSerializer, services.contract_cancel, "reason")


class ContractWithdrawApi(APIView):
    """The contracted creative withdraws from an active contract before any delivery, with a
    reason: the contract ends `withdrawn`, the gig is `open` for bids again and the owner is
    notified. 403 for anyone but the creative; 409 `contract_not_withdrawable` after a delivery
    or in any other status (a dispute settles those)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=CancelSerializer,
        responses={200: ContractSerializer},
        examples=[OpenApiExample("Withdraw", value={"reason": "Saya sakit dan tidak bisa menyelesaikan tepat waktu."})],
    )
    def post(self, request, pk: int):
        return _contract_move(request, pk, CancelSerializer, services.contract_withdraw, "reason")


class ContractDisputeApi(APIView):
    """Either party asks MJC to settle the contract (while it is in progress, delivered or in
    revision); 409 in any other state or when a dispute is already open."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=DisputeSerializer,
        responses={200: ContractSerializer},
        examples=[
            OpenApiExample("Open a dispute", value={"reason": "Sudah 3 minggu lewat tenggat, belum ada hasil."}),
            ERROR_EXAMPLE,
        ],
    )
    def post(self, request, pk: int):
        return _contract_move(request, pk, DisputeSerializer, services.contract_dispute, "reason")


class ContractReviewsApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: ReviewSerializer(many=True)})
    def get(self, request, pk: int):
        contract = _visible_contract(request, pk)
        return Response(ReviewSerializer(visible_reviews(contract, request.user), many=True).data)

    @extend_schema(
        request=ReviewWriteSerializer,
        responses={201: ReviewSerializer},
        examples=[OpenApiExample("Five stars", value={"rating": 5, "comment": "Cepat dan rapi. Terima kasih!"})],
    )
    def post(self, request, pk: int):
        contract = _visible_contract(request, pk)
        data = ReviewWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = services.review_create(contract=contract, user=request.user, **data.validated_data)
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)


class ContractMessagesApi(BidMessagesApi):
    def _conversation(self, request, pk):
        contract = _visible_contract(request, pk)
        return get_object_or_404(selectors.conversations_visible_to(request.user), bid_id=contract.bid_id)

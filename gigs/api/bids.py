"""API of bids: list a gig's bids, place, edit, accept, reject, shortlist, withdraw, messages."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import generics, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from gigs import selectors, services
from gigs.api._shared import ERROR_EXAMPLE, _contract_response, _visible_bid, _visible_gig
from gigs.api.serializers import (
    BidSerializer,
    BidUpdateSerializer,
    BidWriteSerializer,
    ContractSerializer,
    MessageSerializer,
)
from gigs.models import Bid
from mjc.core.pagination import KeysetPagination


class GigBidsApi(generics.ListAPIView):
    """The owner sees every bid of the gig; a creative sees their own. Creatives bid here."""

    serializer_class = BidSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = KeysetPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Bid.objects.none()
        gig = _visible_gig(self.request, self.kwargs["pk"])
        return selectors.bids_of_gig(gig=gig, user=self.request.user)

    @extend_schema(
        request=BidWriteSerializer,
        responses={201: BidSerializer},
        examples=[
            OpenApiExample(
                "A bid",
                request_only=True,
                value={"amount": 1200000, "delivery_days": 7, "proposal": "Tiga alternatif desain, revisi dua kali."},
            ),
            OpenApiExample(
                "Second bid",
                response_only=True,
                status_codes=["409"],
                value={"message": "You have already bid on this gig.", "code": "bid_exists", "extra": {}},
            ),
        ],
    )
    def post(self, request, pk: int):
        gig = _visible_gig(request, pk)
        data = BidWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        bid = services.bid_place(gig=gig, user=request.user, **data.validated_data)
        return Response(
            BidSerializer(_visible_bid(request, bid.pk), context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class BidDetailApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: BidSerializer})
    def get(self, request, pk: int):
        return Response(BidSerializer(_visible_bid(request, pk), context={"request": request}).data)

    @extend_schema(request=BidUpdateSerializer, responses={200: BidSerializer})
    def patch(self, request, pk: int):
        bid = _visible_bid(request, pk)
        data = BidUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.bid_update(bid=bid, user=request.user, **data.validated_data)
        return Response(BidSerializer(_visible_bid(request, pk), context={"request": request}).data)


class BidAcceptApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={201: ContractSerializer, 200: ContractSerializer}, examples=[ERROR_EXAMPLE])
    def post(self, request, pk: int):
        contract = services.bid_accept(bid=_visible_bid(request, pk), user=request.user)
        return _contract_response(request, contract, code=status.HTTP_201_CREATED)


def _bid_action(service_name: str, description: str):
    class BidActionApi(APIView):
        permission_classes = [permissions.IsAuthenticated]

        @extend_schema(request=None, responses={200: BidSerializer}, description=description)
        def post(self, request, pk: int):
            getattr(services, service_name)(bid=_visible_bid(request, pk), user=request.user)
            return Response(BidSerializer(_visible_bid(request, pk), context={"request": request}).data)

    BidActionApi.__name__ = f"Bid{service_name.split('_')[1].title()}Api"
    return BidActionApi


BidRejectApi = _bid_action("bid_reject", "The gig's owner turns this bid down.")


BidShortlistApi = _bid_action("bid_shortlist", "The gig's owner shortlists this bid.")


BidWithdrawApi = _bid_action("bid_withdraw", "The bidder withdraws the bid.")


class BidMessagesApi(APIView):
    """The conversation between the gig's owner and this bidder (it carries on into the contract)."""

    permission_classes = [permissions.IsAuthenticated]

    def _conversation(self, request, pk):
        bid = _visible_bid(request, pk)
        return get_object_or_404(selectors.conversations_visible_to(request.user), bid=bid)

    @extend_schema(responses={200: MessageSerializer(many=True)})
    def get(self, request, pk: int):
        messages = selectors.messages_of(conversation=self._conversation(request, pk))
        return Response(MessageSerializer(messages, many=True, context={"request": request}).data)

    @extend_schema(request=MessageSerializer, responses={201: MessageSerializer})
    def post(self, request, pk: int):
        data = MessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.message_send(
            conversation=self._conversation(request, pk), user=request.user, body=data.validated_data["body"]
        )
        return Response(MessageSerializer(message, context={"request": request}).data, status=status.HTTP_201_CREATED)

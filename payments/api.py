"""API v1 for payment terms, payment records and documents (issue 13).

Only the two parties of a contract (and MJC admins, for reading) know these exist: everyone
else gets 404. Views parse input and call one service or selector."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from mjc.core.api import Pagination
from mjc.core.errors import NotFound
from mjc.core.files import private_file_response
from mjc.core.formatting import rupiah
from mjc.core.money import MAX_RUPIAH, RupiahParseError, parse_rupiah
from payments import documents, selectors, services


def _contract(request, pk):
    contract = selectors.contract_readable(pk=pk, user=request.user)
    if contract is None:
        raise NotFound()
    return contract


def _payment(request, pk):
    payment = selectors.payment_readable(pk=pk, user=request.user)
    if payment is None:
        raise NotFound()
    return payment


def instalment_data(view) -> dict:
    instalment = view.instalment
    return {
        "id": instalment.pk,
        "position": instalment.position,
        "label": instalment.shown_label,
        "amount": instalment.amount,
        "due_on": instalment.due_on.isoformat() if instalment.due_on else None,
        "due_event": instalment.due_event or None,
        "status": view.state,
        "status_label": view.state_label,
        "paid": view.reported,
        "confirmed": view.confirmed,
        "remaining": view.remaining,
    }


def summary_data(summary, *, contract=None, user=None) -> dict:
    """``dibayar Rp X dari Rp Y, dikonfirmasi Rp Z`` and the next instalment, as data."""
    data = {
        "amount": summary.amount,
        "paid": summary.reported,
        "confirmed": summary.confirmed,
        "fully_paid": summary.fully_paid,
        "display": services.summary_sentence(summary),
        "next_instalment": instalment_data(summary.next_instalment) if summary.next_instalment else None,
    }
    if contract is not None and user is not None:
        data["actions"] = selectors.payment_actions(summary=summary, contract=contract, user=user)
    return data


def terms_data(summary, *, contract, user) -> dict:
    terms = summary.terms
    return {
        "status": terms.status,
        "is_default": terms.is_default,
        "agreed_at": terms.agreed_at,
        "instalments": [instalment_data(view) for view in summary.instalments],
        "summary": summary_data(summary, contract=contract, user=user),
    }


def contract_payment_extra(contract, request) -> dict:
    """The part of ``GET /api/v1/contracts/{id}/`` that payments adds (hooked in by payments.apps)."""
    summary = selectors.payment_summary(contract=contract)
    return {"payments": summary_data(summary, contract=contract, user=request.user if request else None)}


class PaymentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    instalment = serializers.IntegerField(source="instalment_id")
    amount = serializers.IntegerField()
    amount_display = serializers.SerializerMethodField()
    method = serializers.CharField()
    paid_on = serializers.DateField()
    status = serializers.CharField()
    note = serializers.CharField()
    has_proof = serializers.SerializerMethodField()
    receipt_number = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_amount_display(self, payment) -> str:
        return rupiah(payment.amount)

    def get_has_proof(self, payment) -> bool:
        return bool(payment.proof)

    def get_receipt_number(self, payment) -> str | None:
        receipt = getattr(payment, "receipt", None)
        return receipt.number if receipt else None


class InstalmentInput(serializers.Serializer):
    label = serializers.CharField()
    amount = serializers.IntegerField(min_value=1, max_value=MAX_RUPIAH)
    due_on = serializers.DateField(required=False, help_text="A date or a due_event, not both (400 terms_due).")
    due_event = serializers.ChoiceField(choices=["start", "first_delivery", "completion"], required=False)


class PaymentTermsApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [JSONParser]

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request, pk: int):
        contract = _contract(request, pk)
        summary = selectors.payment_summary(contract=contract)
        return Response(terms_data(summary, contract=contract, user=request.user))

    @extend_schema(
        request=inline_serializer(
            "PaymentTermsInput",
            {
                "instalments": InstalmentInput(many=True, required=False, min_length=1, max_length=4),
                "preset": serializers.CharField(required=False),
            },
        ),
        responses={200: OpenApiTypes.OBJECT},
        description="The owner proposes a schedule (1–4 instalments adding up to the agreed amount, "
        "400 terms_sum_mismatch otherwise), or a preset: single, dp50, dp30.",
    )
    def put(self, request, pk: int):
        contract = _contract(request, pk)
        body = request.data if isinstance(request.data, dict) else {}
        instalments = body.get("instalments")
        if instalments is None and body.get("preset"):
            instalments = services.preset_instalments(contract=contract, preset=str(body.get("preset")))
        services.terms_propose(contract=contract, user=request.user, instalments=instalments)
        summary = selectors.payment_summary(contract=contract)
        return Response(terms_data(summary, contract=contract, user=request.user))


class PaymentTermsAgreeApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: OpenApiTypes.OBJECT})
    def post(self, request, pk: int):
        contract = _contract(request, pk)
        services.terms_agree(contract=contract, user=request.user)
        summary = selectors.payment_summary(contract=contract)
        return Response(terms_data(summary, contract=contract, user=request.user))


def _amount(value):
    if isinstance(value, str):
        try:
            return parse_rupiah(value)
        except RupiahParseError:
            return value  # the service answers with its own code
    return value


class ContractPaymentsApi(APIView):
    permission_classes = [permissions.IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    pagination_class = Pagination  # named so that the schema documents the page envelope

    @extend_schema(responses=PaymentSerializer(many=True))
    def get(self, request, pk: int):
        contract = _contract(request, pk)
        paginator = Pagination()
        queryset = selectors.payments_readable_by(request.user).filter(contract=contract).order_by("created_at", "id")
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(PaymentSerializer(page, many=True).data)

    @extend_schema(
        request={
            "multipart/form-data": {
                "type": "object",
                "properties": {
                    "instalment": {"type": "integer", "description": "The id of one of the contract's instalments."},
                    "amount": {"type": "integer", "minimum": 1, "maximum": MAX_RUPIAH},
                    "method": {"type": "string", "enum": ["transfer", "qris", "ewallet", "cash"]},
                    "paid_on": {"type": "string", "format": "date"},
                    "proof": {"type": "string", "format": "binary"},
                },
                "required": ["instalment", "amount", "method", "paid_on"],
            }
        },
        responses={201: PaymentSerializer},
        description=(
            "The owner records a payment made directly to the creative (MJC does not hold money). "
            "Also refused with 400: an `instalment` that is not one of this contract's "
            "(`unknown_instalment`) and a `paid_on` after today in WIB (`paid_on_in_future`)."
        ),
    )
    def post(self, request, pk: int):
        contract = _contract(request, pk)
        data = request.data
        payment = services.payment_record(
            contract=contract,
            user=request.user,
            instalment=data.get("instalment"),
            amount=_amount(data.get("amount")),
            method=str(data.get("method") or ""),
            paid_on=data.get("paid_on"),
            proof=request.FILES.get("proof"),
        )
        return Response(PaymentSerializer(payment).data, status=status.HTTP_201_CREATED)


class PaymentConfirmApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: PaymentSerializer})
    def post(self, request, pk: int):
        payment = services.payment_confirm(payment=_payment(request, pk), user=request.user)
        return Response(PaymentSerializer(payment).data)


class PaymentNotReceivedApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(
        request=inline_serializer("NotReceivedInput", {"note": serializers.CharField()}),
        responses={200: PaymentSerializer},
    )
    def post(self, request, pk: int):
        note = request.data.get("note", "") if hasattr(request.data, "get") else ""
        payment = services.payment_not_received(payment=_payment(request, pk), user=request.user, note=str(note)[:4000])
        return Response(PaymentSerializer(payment).data)


class PaymentProofApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, pk: int):
        payment = _payment(request, pk)
        return private_file_response(payment.proof, payment.proof_name)


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class PaymentReceiptApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk: int):
        document = services.receipt_issue(payment=_payment(request, pk))  # 409 before it is confirmed
        return pdf_response(documents.receipt_pdf(document), services.document_filename(document))


class ContractHandoverApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk: int):
        document = services.handover_issue(contract=_contract(request, pk))
        return pdf_response(documents.handover_pdf(document), services.document_filename(document))

"""The marketplace API under /api/v1/ (SPEC section 6); URLs in ``gigs/api_urls.py``.

One module per sub-domain (gigs, bids, contracts, moderation, matching) and the serializers
they share; this package re-exports the views and serializers.
"""

from gigs.api.bids import (  # noqa: F401
    BidAcceptApi,
    BidDetailApi,
    BidMessagesApi,
    BidRejectApi,
    BidShortlistApi,
    BidWithdrawApi,
    GigBidsApi,
)
from gigs.api.contracts import (  # noqa: F401
    ContractCancelApi,
    ContractCompleteApi,
    ContractDeliverApi,
    ContractDetailApi,
    ContractDisputeApi,
    ContractListApi,
    ContractMessagesApi,
    ContractReviewsApi,
    ContractRevisionApi,
    ContractWithdrawApi,
)
from gigs.api.gigs import (  # noqa: F401
    GigAttachmentApi,
    GigAttachmentDetailApi,
    GigCancelApi,
    GigDetailApi,
    GigFilter,
    GigInvitationApi,
    GigListCreateApi,
    GigPictureApi,
    GigPublishApi,
    GigTemplateListApi,
    InvitationSerializer,
    InvitationWriteSerializer,
    PriceGuidanceApi,
)
from gigs.api.matching import GigMatchesApi, MatchSerializer, RecommendedGigsApi, RecommendedGigSerializer  # noqa: F401
from gigs.api.moderation import (  # noqa: F401
    ReportCreateApi,
    ReportResolveApi,
)
from gigs.api.serializers import (  # noqa: F401
    BidSerializer,
    BidUpdateSerializer,
    BidWriteSerializer,
    CancelSerializer,
    ContractSerializer,
    CreativeBriefSerializer,
    DeliverRequestSerializer,
    DeliverySerializer,
    DisputeSerializer,
    FileSerializer,
    GigDetailSerializer,
    GigSerializer,
    GigTemplateSerializer,
    GigUpdateSerializer,
    GigWriteSerializer,
    MessageSerializer,
    NoteSerializer,
    PartySerializer,
    PriceGuidanceQuerySerializer,
    PriceGuidanceSerializer,
    ReasonSerializer,
    ReportResolvedSerializer,
    ReportResolveSerializer,
    ReportSerializer,
    ReportWriteSerializer,
    ReviewSerializer,
    ReviewWriteSerializer,
)

from django.urls import path

from gigs import api
from gigs.api import matching as api_matching

urlpatterns = [
    path("gig-templates/", api.GigTemplateListApi.as_view(), name="gig-templates"),
    path("price-guidance/", api.PriceGuidanceApi.as_view(), name="price-guidance"),
    path("gigs/", api.GigListCreateApi.as_view(), name="gigs"),
    path("gigs/<int:pk>/", api.GigDetailApi.as_view(), name="gig-detail"),
    path("gigs/<int:pk>/publish/", api.GigPublishApi.as_view(), name="gig-publish"),
    path("gigs/<int:pk>/cancel/", api.GigCancelApi.as_view(), name="gig-cancel"),
    path("gigs/<int:pk>/picture/", api.GigPictureApi.as_view(), name="gig-picture"),
    path("gigs/<int:pk>/attachments/", api.GigAttachmentApi.as_view(), name="gig-attachments"),
    path(
        "gigs/<int:pk>/attachments/<int:attachment_pk>/",
        api.GigAttachmentDetailApi.as_view(),
        name="gig-attachment-detail",
    ),
    path("gigs/<int:pk>/invitations/", api.GigInvitationApi.as_view(), name="gig-invitations"),
    path("gigs/<int:pk>/bids/", api.GigBidsApi.as_view(), name="gig-bids"),
    path("bids/<int:pk>/", api.BidDetailApi.as_view(), name="bid-detail"),
    path("bids/<int:pk>/accept/", api.BidAcceptApi.as_view(), name="bid-accept"),
    path("bids/<int:pk>/reject/", api.BidRejectApi.as_view(), name="bid-reject"),
    path("bids/<int:pk>/shortlist/", api.BidShortlistApi.as_view(), name="bid-shortlist"),
    path("bids/<int:pk>/withdraw/", api.BidWithdrawApi.as_view(), name="bid-withdraw"),
    path("bids/<int:pk>/messages/", api.BidMessagesApi.as_view(), name="bid-messages"),
    path("contracts/", api.ContractListApi.as_view(), name="contracts"),
    path("contracts/<int:pk>/", api.ContractDetailApi.as_view(), name="contract-detail"),
    path("contracts/<int:pk>/deliver/", api.ContractDeliverApi.as_view(), name="contract-deliver"),
    path("contracts/<int:pk>/request-revision/", api.ContractRevisionApi.as_view(), name="contract-request-revision"),
    path("contracts/<int:pk>/complete/", api.ContractCompleteApi.as_view(), name="contract-complete"),
    path("contracts/<int:pk>/cancel/", api.ContractCancelApi.as_view(), name="contract-cancel"),
    path("contracts/<int:pk>/withdraw/", api.ContractWithdrawApi.as_view(), name="contract-withdraw"),
    path("contracts/<int:pk>/dispute/", api.ContractDisputeApi.as_view(), name="contract-dispute"),
    path("contracts/<int:pk>/reviews/", api.ContractReviewsApi.as_view(), name="contract-reviews"),
    path("contracts/<int:pk>/messages/", api.ContractMessagesApi.as_view(), name="contract-messages"),
    path("reports/", api.ReportCreateApi.as_view(), name="reports"),
    path("reports/<int:pk>/resolve/", api.ReportResolveApi.as_view(), name="report-resolve"),
    # matching results (SPEC section 6)
    path("gigs/<int:pk>/matches/", api_matching.GigMatchesApi.as_view(), name="gig-matches"),
    path("me/recommended-gigs/", api_matching.RecommendedGigsApi.as_view(), name="recommended-gigs"),
]

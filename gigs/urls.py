from django.urls import path

from gigs import views, views_hire, views_matching

app_name = "gigs"

urlpatterns = [
    path("gigs/", views.gig_list, name="list"),
    path("gigs/post/", views.gig_create, name="create"),
    path("gigs/price-guidance/", views.price_guidance_partial, name="price_guidance"),
    path("gigs/mine/", views.my_gigs, name="my_gigs"),
    path("gigs/<int:pk>/", views.gig_detail, name="detail"),
    path("gigs/<int:pk>/edit/", views.gig_edit, name="edit"),
    path("gigs/<int:pk>/publish/", views.gig_publish, name="publish"),
    path("gigs/<int:pk>/cancel/", views.gig_cancel, name="cancel"),
    path("gigs/<int:pk>/bid/", views.bid_place, name="bid"),
    # the jobs helper's "invite to bid" under "Rekomendasi kreator" (gigs/views_matching.py)
    path("gigs/<int:pk>/invite/<int:creative_pk>/", views_matching.gig_invite, name="invite"),
    # hire from a creative's profile: pick an open gig or start a new one (gigs/views_hire.py)
    path("kreator/<int:pk>/undang/", views_hire.hire, name="hire"),
    path("bids/mine/", views.my_bids, name="my_bids"),
    path("bids/<int:pk>/edit/", views.bid_edit, name="bid_edit"),
    path("bids/<int:pk>/<str:action>/", views.bid_action, name="bid_action"),
    path("conversations/<int:pk>/", views.conversation, name="conversation"),
    path("contracts/<int:pk>/", views.contract_detail, name="contract"),
    path("contracts/<int:pk>/<str:action>/", views.contract_action, name="contract_action"),
    path("gigs/<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("files/briefs/<int:pk>/", views.attachment_download, name="attachment"),
    path("files/briefs/<int:pk>/remove/", views.attachment_remove, name="attachment_remove"),
    path("files/deliveries/<int:pk>/", views.delivery_file_download, name="delivery_file"),
    path("report/", views.report, name="report"),
]

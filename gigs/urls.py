from django.urls import path

from gigs import views, views_hire, views_matching

app_name = "gigs"

urlpatterns = [
    path("pekerjaan/", views.gig_list, name="list"),
    path("pekerjaan/baru/", views.gig_create, name="create"),
    path("pekerjaan/panduan-harga/", views.price_guidance_partial, name="price_guidance"),
    path("pekerjaan/saya/", views.my_gigs, name="my_gigs"),
    path("pekerjaan/<int:pk>/", views.gig_detail, name="detail"),
    path("pekerjaan/<int:pk>/ubah/", views.gig_edit, name="edit"),
    path("pekerjaan/<int:pk>/terbitkan/", views.gig_publish, name="publish"),
    path("pekerjaan/<int:pk>/batalkan/", views.gig_cancel, name="cancel"),
    path("pekerjaan/<int:pk>/tawar/", views.bid_place, name="bid"),
    # the jobs helper's "invite to bid" under "Rekomendasi kreator" (gigs/views_matching.py)
    path("pekerjaan/<int:pk>/undang/<int:creative_pk>/", views_matching.gig_invite, name="invite"),
    # hire from a creative's profile: pick an open gig or start a new one (gigs/views_hire.py)
    path("kreator/<int:pk>/undang/", views_hire.hire, name="hire"),
    path("penawaran/saya/", views.my_bids, name="my_bids"),
    path("penawaran/<int:pk>/ubah/", views.bid_edit, name="bid_edit"),
    path("penawaran/<int:pk>/<str:action>/", views.bid_action, name="bid_action"),
    path("percakapan/<int:pk>/", views.conversation, name="conversation"),
    path("kontrak/<int:pk>/", views.contract_detail, name="contract"),
    path("kontrak/<int:pk>/<str:action>/", views.contract_action, name="contract_action"),
    path("pekerjaan/<int:pk>/lampiran/", views.attachment_add, name="attachment_add"),
    path("berkas/brief/<int:pk>/", views.attachment_download, name="attachment"),
    path("berkas/brief/<int:pk>/hapus/", views.attachment_remove, name="attachment_remove"),
    path("berkas/hasil/<int:pk>/", views.delivery_file_download, name="delivery_file"),
    path("laporkan/", views.report, name="report"),
]

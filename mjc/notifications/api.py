from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mjc.core.pagination import KeysetPagination
from mjc.notifications.models import Notification, NotificationPreference
from mjc.notifications.selectors import notifications_for, preferences_for, unread_count
from mjc.notifications.services import PREFERENCE_FIELDS, notification_mark_read, preferences_update


class NotificationSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="shown_title", read_only=True, help_text="In the caller's language.")
    body = serializers.CharField(source="shown_body", read_only=True, help_text="In the caller's language.")

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "url", "read_at", "created_at"]


class NotificationListApi(generics.ListAPIView):
    """The user's notifications, newest first; the response also carries ``unread_count``."""

    serializer_class = NotificationSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = KeysetPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return Notification.objects.none()
        return notifications_for(user=self.request.user)

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        if isinstance(response.data, dict):
            response.data["unread_count"] = unread_count(user=request.user)
        return response


class NotificationReadApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses={200: NotificationSerializer})
    def post(self, request, pk: int):
        notification = get_object_or_404(notifications_for(user=request.user), pk=pk)
        return Response(NotificationSerializer(notification_mark_read(notification=notification)).data)


class UnreadCountApi(APIView):
    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: inline_serializer("UnreadCount", {"unread_count": serializers.IntegerField()})})
    def get(self, request):
        return Response({"unread_count": unread_count(user=request.user)})


class PreferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = NotificationPreference
        fields = PREFERENCE_FIELDS


class PreferenceApi(APIView):
    """E-mail on/off per kind group and the daily digest. In-app notifications are always on."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: PreferenceSerializer})
    def get(self, request):
        return Response(PreferenceSerializer(preferences_for(user=request.user)).data)

    @extend_schema(request=PreferenceSerializer, responses={200: PreferenceSerializer})
    def patch(self, request):
        serializer = PreferenceSerializer(preferences_for(user=request.user), data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        return Response(PreferenceSerializer(preferences_update(user=request.user, **serializer.validated_data)).data)

    @extend_schema(request=PreferenceSerializer, responses={200: PreferenceSerializer})
    def put(self, request):
        serializer = PreferenceSerializer(preferences_for(user=request.user), data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(PreferenceSerializer(preferences_update(user=request.user, **serializer.validated_data)).data)

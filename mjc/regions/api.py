from rest_framework import generics, permissions, serializers

from mjc.regions.selectors import bakorwil_with_kabupaten


class KabupatenSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class BakorwilSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    seat = serializers.CharField()
    kabupaten = KabupatenSerializer(many=True)


class RegionListApi(generics.ListAPIView):
    """The five Bakorwil with their kabupaten/kota (BPS codes)."""

    serializer_class = BakorwilSerializer
    permission_classes = [permissions.AllowAny]
    pagination_class = None

    def get_queryset(self):
        return bakorwil_with_kabupaten()

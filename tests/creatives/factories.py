from tests import factories as shared

__all__ = ["CreativeProfileFactory"]


class CreativeProfileFactory(shared.CreativeProfileFactory):
    headline = "Desainer kemasan untuk UMKM"
    bio = "Mendesain kemasan keripik dan kopi."
    day_rate = 400_000
    available = True

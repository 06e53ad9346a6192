"""East Java's Bakorwil and kabupaten/kota (SPEC section 3), shipped by a data migration."""

BAKORWIL = [
    ("I", "Bakorwil I Madiun", "Madiun"),
    ("II", "Bakorwil II Bojonegoro", "Bojonegoro"),
    ("III", "Bakorwil III Malang", "Malang"),
    ("IV", "Bakorwil IV Pamekasan", "Pamekasan"),
    ("V", "Bakorwil V Jember", "Jember"),
]

KABUPATEN = {
    "I": [
        ("3501", "Kab. Pacitan"),
        ("3502", "Kab. Ponorogo"),
        ("3503", "Kab. Trenggalek"),
        ("3504", "Kab. Tulungagung"),
        ("3506", "Kab. Kediri"),
        ("3519", "Kab. Madiun"),
        ("3520", "Kab. Magetan"),
        ("3521", "Kab. Ngawi"),
        ("3571", "Kota Kediri"),
        ("3577", "Kota Madiun"),
    ],
    "II": [
        ("3517", "Kab. Jombang"),
        ("3518", "Kab. Nganjuk"),
        ("3522", "Kab. Bojonegoro"),
        ("3523", "Kab. Tuban"),
        ("3524", "Kab. Lamongan"),
        ("3525", "Kab. Gresik"),
        ("3516", "Kab. Mojokerto"),
        ("3576", "Kota Mojokerto"),
    ],
    "III": [
        ("3505", "Kab. Blitar"),
        ("3507", "Kab. Malang"),
        ("3514", "Kab. Pasuruan"),
        ("3515", "Kab. Sidoarjo"),
        ("3572", "Kota Blitar"),
        ("3573", "Kota Malang"),
        ("3575", "Kota Pasuruan"),
        ("3578", "Kota Surabaya"),
        ("3579", "Kota Batu"),
    ],
    "IV": [("3526", "Kab. Bangkalan"), ("3527", "Kab. Sampang"), ("3528", "Kab. Pamekasan"), ("3529", "Kab. Sumenep")],
    "V": [
        ("3508", "Kab. Lumajang"),
        ("3509", "Kab. Jember"),
        ("3510", "Kab. Banyuwangi"),
        ("3511", "Kab. Bondowoso"),
        ("3512", "Kab. Situbondo"),
        ("3513", "Kab. Probolinggo"),
        ("3574", "Kota Probolinggo"),
    ],
}


def load(Bakorwil, Kabupaten) -> None:
    """Create or update the regions (used by the data migration and after test flushes)."""
    for code, name, seat in BAKORWIL:
        bakorwil, _ = Bakorwil.objects.update_or_create(code=code, defaults={"name": name, "seat": seat})
        for bps, kab_name in KABUPATEN[code]:
            Kabupaten.objects.update_or_create(code=bps, defaults={"name": kab_name, "bakorwil": bakorwil})

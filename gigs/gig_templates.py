"""The guided briefs shipped with the platform, one or more per category (editable in the admin).

Each question becomes a line of the plain-language brief the owner can still edit.
"""


def q(key, label, label_en, kind="text", choices=None, help="", help_en="", choices_en=None):
    """One question. ``choices`` are the stored values (Indonesian, never renamed: briefs and API
    clients use them); ``choices_en`` are their English labels in the same order."""
    return {
        "key": key,
        "label": label,
        "label_en": label_en,
        "kind": kind,
        "choices": choices or [],
        "choices_en": choices_en or [],
        "help": help,
        "help_en": help_en,
    }


STYLE = q("style", "Gaya yang diinginkan / contoh referensi", "Style you like / reference examples")
DEADLINE_NOTE = q("notes", "Catatan lain", "Anything else")

TEMPLATES = [
    {
        "slug": "desain-kemasan-keripik",
        "category": "kemasan",
        "title": "Desain kemasan keripik",
        "title_en": "Snack packaging design",
        "intro": "Untuk keripik, kerupuk, dan camilan lain: ceritakan produk dan kemasan yang Anda bayangkan.",
        "intro_en": "For chips, crackers and other snacks: tell us about the product and the packaging you imagine.",
        "budget": (500_000, 2_000_000),
        "questions": [
            q(
                "product",
                "Produk apa?",
                "Which product?",
                help="mis. keripik tempe rasa original dan balado",
                help_en="e.g. tempeh chips, original and balado flavour",
            ),
            q(
                "size",
                "Ukuran / berat isi",
                "Size / net weight",
                help="mis. 100 g dan 250 g",
                help_en="e.g. 100 g and 250 g",
            ),
            q(
                "medium",
                "Untuk cetak atau digital?",
                "For print or digital?",
                "choice",
                ["Cetak", "Digital", "Keduanya"],
                choices_en=["Print", "Digital", "Both"],
            ),
            q("quantity", "Berapa varian/desain?", "How many variants/designs?"),
            STYLE,
            q(
                "deliverables",
                "Yang diserahkan",
                "Deliverables",
                "checklist",
                ["File siap cetak (PDF/AI)", "Mockup 3D", "Label halal & komposisi", "Versi untuk marketplace"],
                choices_en=[
                    "Print-ready files (PDF/AI)",
                    "3D mockup",
                    "Halal and ingredients label",
                    "Marketplace version",
                ],
            ),
        ],
    },
    {
        "slug": "logo-umkm",
        "category": "logo-branding",
        "title": "Logo dan identitas usaha",
        "title_en": "Logo and business identity",
        "intro": "Logo baru atau penyegaran logo lama untuk usaha Anda.",
        "intro_en": "A new logo or a refresh of your current one.",
        "budget": (300_000, 1_500_000),
        "questions": [
            q("business", "Usaha Anda menjual apa dan untuk siapa?", "What do you sell and to whom?"),
            q("name", "Nama yang harus tertulis di logo", "Name to appear in the logo"),
            q("colours", "Warna yang disukai / dihindari", "Colours you like / avoid"),
            STYLE,
            q(
                "deliverables",
                "Yang diserahkan",
                "Deliverables",
                "checklist",
                ["File logo (PNG, SVG/AI)", "Panduan warna & huruf", "Kartu nama", "Stempel/stiker"],
                choices_en=["Logo files (PNG, SVG/AI)", "Colour and font guide", "Business cards", "Stamp/stickers"],
            ),
        ],
    },
    {
        "slug": "foto-produk",
        "category": "foto-produk",
        "title": "Foto produk untuk katalog dan marketplace",
        "title_en": "Product photos for catalogue and marketplace",
        "intro": "Foto yang membuat produk Anda menarik di Shopee, Tokopedia, dan Instagram.",
        "intro_en": "Photos that make your product stand out on marketplaces and Instagram.",
        "budget": (400_000, 2_500_000),
        "questions": [
            q("product", "Produk apa dan berapa banyak?", "Which products and how many?"),
            q("shots", "Berapa foto per produk?", "How many photos per product?"),
            q(
                "setting",
                "Latar",
                "Background",
                "choice",
                ["Latar putih polos", "Gaya hidup / suasana", "Keduanya"],
                choices_en=["Plain white background", "Lifestyle / setting", "Both"],
            ),
            q(
                "location",
                "Di mana pemotretan? (kirim produk / datang ke lokasi)",
                "Where is the shoot? (ship / on site)",
            ),
            STYLE,
        ],
    },
    {
        "slug": "video-promosi",
        "category": "video-animasi",
        "title": "Video promosi pendek",
        "title_en": "Short promotional video",
        "intro": "Video pendek untuk Reels, TikTok atau YouTube, live action atau animasi.",
        "intro_en": "A short video for Reels, TikTok or YouTube, live action or animation.",
        "budget": (750_000, 5_000_000),
        "questions": [
            q("message", "Pesan utama video", "Main message of the video"),
            q(
                "duration",
                "Durasi",
                "Length",
                "choice",
                ["15 detik", "30 detik", "60 detik", "Lebih dari 1 menit"],
                choices_en=["15 seconds", "30 seconds", "60 seconds", "More than 1 minute"],
            ),
            q(
                "kind",
                "Jenis",
                "Kind",
                "choice",
                ["Live action", "Animasi 2D", "Motion graphic"],
                choices_en=["Live action", "2D animation", "Motion graphics"],
            ),
            q("platform", "Untuk platform apa?", "For which platform?"),
            STYLE,
        ],
    },
    {
        "slug": "kelola-instagram",
        "category": "media-sosial",
        "title": "Kelola Instagram dan konten bulanan",
        "title_en": "Monthly Instagram management and content",
        "intro": "Konten rutin dan pengelolaan akun media sosial usaha Anda.",
        "intro_en": "Regular content and management of your business's social accounts.",
        "budget": (1_000_000, 3_000_000),
        "questions": [
            q("account", "Akun yang dikelola", "Accounts to manage", help="mis. @kopiijen", help_en="e.g. @kopiijen"),
            q("posts", "Berapa posting per minggu?", "Posts per week?"),
            q("period", "Berapa bulan?", "For how many months?"),
            q(
                "goal",
                "Tujuan utama",
                "Main goal",
                "choice",
                ["Menambah pengikut", "Menambah penjualan", "Membangun merek"],
                choices_en=["More followers", "More sales", "Build the brand"],
            ),
            STYLE,
        ],
    },
    {
        "slug": "iklan-digital",
        "category": "iklan-digital",
        "title": "Iklan digital (Meta/Google/marketplace)",
        "title_en": "Digital ads (Meta/Google/marketplace)",
        "intro": "Rancang dan jalankan iklan berbayar untuk produk Anda.",
        "intro_en": "Plan and run paid ads for your product.",
        "budget": (500_000, 3_000_000),
        "questions": [
            q(
                "channel",
                "Di mana iklannya?",
                "Where should the ads run?",
                "checklist",
                ["Instagram/Facebook", "Google", "TikTok", "Shopee/Tokopedia"],
                choices_en=["Instagram/Facebook", "Google", "TikTok", "Shopee/Tokopedia"],
            ),
            q("ad_budget", "Anggaran iklan per bulan (di luar jasa)", "Monthly ad spend (besides the fee)"),
            q("audience", "Siapa pembelinya?", "Who are your buyers?"),
            DEADLINE_NOTE,
        ],
    },
    {
        "slug": "copywriting-produk",
        "category": "copywriting",
        "title": "Deskripsi produk dan caption",
        "title_en": "Product descriptions and captions",
        "intro": "Tulisan yang menjual: deskripsi produk, caption, slogan.",
        "intro_en": "Words that sell: product descriptions, captions, slogans.",
        "budget": (200_000, 1_000_000),
        "questions": [
            q("what", "Apa yang perlu ditulis?", "What needs writing?"),
            q("count", "Berapa banyak?", "How many?"),
            q(
                "language",
                "Bahasa",
                "Language",
                "choice",
                ["Bahasa Indonesia", "Bahasa Inggris", "Keduanya"],
                choices_en=["Indonesian", "English", "Both"],
            ),
            q(
                "tone",
                "Nada tulisan",
                "Tone",
                help="mis. santai, hangat, profesional",
                help_en="e.g. casual, warm, professional",
            ),
        ],
    },
    {
        "slug": "toko-online",
        "category": "website-toko-online",
        "title": "Website atau toko online",
        "title_en": "Website or online shop",
        "intro": "Website profil usaha atau toko online sederhana.",
        "intro_en": "A business website or a simple online shop.",
        "budget": (1_500_000, 7_500_000),
        "questions": [
            q(
                "kind",
                "Jenis website",
                "Kind of website",
                "choice",
                ["Profil usaha", "Toko online", "Landing page"],
                choices_en=["Business profile", "Online shop", "Landing page"],
            ),
            q("pages", "Halaman yang dibutuhkan", "Pages needed"),
            q("domain", "Sudah punya domain/hosting?", "Do you already have a domain/hosting?"),
            q("examples", "Contoh website yang Anda sukai", "Websites you like"),
        ],
    },
    {
        "slug": "aplikasi-sederhana",
        "category": "aplikasi",
        "title": "Aplikasi atau otomasi sederhana",
        "title_en": "A simple app or automation",
        "intro": "Pencatatan stok, kasir, pemesanan, atau otomasi lain untuk usaha Anda.",
        "intro_en": "Stock keeping, point of sale, ordering or other automation for your business.",
        "budget": (2_000_000, 10_000_000),
        "questions": [
            q("problem", "Masalah apa yang ingin diselesaikan?", "What problem should it solve?"),
            q("users", "Siapa yang memakai?", "Who will use it?"),
            q(
                "platform",
                "Perangkat",
                "Devices",
                "checklist",
                ["HP Android", "iPhone", "Komputer/web"],
                choices_en=["Android phone", "iPhone", "Computer/web"],
            ),
            DEADLINE_NOTE,
        ],
    },
    {
        "slug": "lainnya",
        "category": "lainnya",
        "title": "Pekerjaan kreatif lainnya",
        "title_en": "Other creative work",
        "intro": "Ceritakan apa yang Anda butuhkan.",
        "intro_en": "Tell us what you need.",
        "budget": (300_000, 2_000_000),
        "questions": [
            q("what", "Apa yang Anda butuhkan?", "What do you need?"),
            q("result", "Hasil akhir yang diharapkan", "Expected result"),
            DEADLINE_NOTE,
        ],
    },
]


def load(Category, GigTemplate) -> None:
    for position, item in enumerate(TEMPLATES):
        category = Category.objects.filter(slug=item["category"]).first()
        if category is None:
            continue
        GigTemplate.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "category": category,
                "title": item["title"],
                "title_en": item["title_en"],
                "intro": item["intro"],
                "intro_en": item["intro_en"],
                "questions": item["questions"],
                "suggested_budget_min": item["budget"][0],
                "suggested_budget_max": item["budget"][1],
                "position": position,
            },
        )


def add_english(GigTemplate) -> None:
    """Give the stored templates the English help and choice labels of ``TEMPLATES`` (issue 11).

    Only where the admin has not written them and the Indonesian text is still the shipped one,
    so an edited question is never given a label that no longer matches it. Values stay as they are.
    """
    shipped = {item["slug"]: {question["key"]: question for question in item["questions"]} for item in TEMPLATES}
    for template in GigTemplate.objects.filter(slug__in=shipped):
        questions, changed = [], False
        for question in template.questions or []:
            question = dict(question)
            source = shipped[template.slug].get(question.get("key"))
            if source is not None:
                if not question.get("help_en") and source["help_en"] and question.get("help") == source["help"]:
                    question["help_en"] = source["help_en"]
                    changed = True
                if (
                    not question.get("choices_en")
                    and source["choices_en"]
                    and question.get("choices") == source["choices"]
                ):
                    question["choices_en"] = source["choices_en"]
                    changed = True
            questions.append(question)
        if changed:
            template.questions = questions
            template.save(update_fields=["questions"])

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mjc.settings")
os.environ["MJC_SERVING"] = "1"  # settings refuse to serve without DJANGO_SECRET_KEY
application = get_asgi_application()

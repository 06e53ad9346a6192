# The MJC Platform image: web (gunicorn), worker and beat all run from it.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=mjc.settings
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# collectstatic needs settings but no database connection; a throwaway key is fine at build time
RUN DJANGO_SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build python manage.py collectstatic --noinput
RUN useradd --create-home mjc && mkdir -p /app/.data/media && chown -R mjc /app/.data
USER mjc
EXPOSE 8000
CMD ["gunicorn", "mjc.wsgi:application", "--config", "gunicorn.conf.py", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]

# The production image: the project installed with pip, ECharts from the npm registry in the
# static files, and the static files collected (whitenoise serves them from STATIC_ROOT).
# Two stages so that Node.js is used at build time only and never ships in the image.

ARG ECHARTS_VERSION=5.6.0

FROM node:20-slim AS echarts
ARG ECHARTS_VERSION
WORKDIR /npm
RUN npm install --silent --no-audit --no-fund --prefix . "echarts@${ECHARTS_VERSION}"

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY . .
RUN pip install .

COPY --from=echarts /npm/node_modules/echarts/dist/echarts.min.js static/vendor/echarts/echarts.min.js
COPY --from=echarts /npm/node_modules/echarts/LICENSE static/vendor/echarts/LICENSE

# Settings refuse to load without a secret key when debug is off; this one exists only for the
# length of this command and is never used to sign anything.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only-not-a-runtime-key \
    python manage.py collectstatic --noinput

RUN useradd --create-home --uid 1000 app && mkdir -p var/media && chown -R app var
USER app

EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]

# syntax=docker/dockerfile:1
# hygiene: the worker image. Two stages: `build` has the compilers (only needed when a dependency has no binary
# wheel for the platform, e.g. tesserocr on a new architecture) and builds a virtual environment in /opt/hygiene;
# `runtime` is slim Python plus Tesseract's runtime and language data, runs as an unprivileged user, and writes
# only to /var/lib/hygiene (a mounted volume: SQLite, folder records) and /tmp, so the root filesystem can be
# read-only. Build: docker build -t hygiene:0.1.0 .   Run: docker run --rm hygiene:0.1.0 --help
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
# Compilers and headers for source builds: tesserocr links libtesseract/libleptonica via pkg-config.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential pkg-config libtesseract-dev libleptonica-dev \
 && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/hygiene
WORKDIR /src
COPY pyproject.toml README.md ./
COPY migrations ./migrations
COPY hygiene ./hygiene
RUN /opt/hygiene/bin/pip install /src \
 && /opt/hygiene/bin/hygiene --help >/dev/null

FROM ${PYTHON_IMAGE} AS runtime
# Tesseract's runtime library and the language data OCR uses ([detection] ocr_languages, plus osd for rotation).
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-nor tesseract-ocr-swe \
      tesseract-ocr-dan tesseract-ocr-fin tesseract-ocr-eng tesseract-ocr-osd \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 hygiene \
 && useradd --system --uid 10001 --gid hygiene --home-dir /var/lib/hygiene --no-create-home \
      --shell /usr/sbin/nologin hygiene \
 && install -d -o hygiene -g hygiene -m 0750 /var/lib/hygiene
COPY --from=build /opt/hygiene /opt/hygiene
# No .pyc writes at run time (the root filesystem may be read-only); settings from a mounted file by default.
ENV PATH=/opt/hygiene/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HYGIENE_CONFIG=/etc/hygiene/settings.toml
WORKDIR /var/lib/hygiene
USER 10001:10001
# [metrics] port (/metrics, /healthz, /readyz) and [audit] api_port (audit API and console).
EXPOSE 9464 8470
ENTRYPOINT ["hygiene"]
CMD ["run"]

from datetime import date
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "imports"


@pytest.fixture(autouse=True)
def _messages_in_english():
    # Assertions quote the English source strings; the import records the language that is
    # active when the file is uploaded, and test_it_reports_errors_in_the_users_language
    # checks the Chinese one.
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def sample():
    """sample("patents.csv") -> (file name, bytes) of a committed sample file."""
    return lambda name: (name, (SAMPLES / name).read_bytes())


@pytest.fixture
def run_import(superuser):
    """Import a file as `user` (the superuser by default) through the service."""
    from imports.services import import_job_create

    def run(name_and_content, resource, user=None, **kwargs):
        name, content = name_and_content
        return import_job_create(user=user or superuser, resource=resource, file_name=name,
                                 content=content, **kwargs)

    return run


@pytest.fixture
def patent_award_session_25(db):
    from patents.models import PatentAwardSession

    return PatentAwardSession.objects.create(number=25, decided_on=date(2024, 7, 12),
                                             source="test")


@pytest.fixture
def governor_session_10(db):
    from awards.models import AwardProgram, AwardSession

    return AwardSession.objects.create(
        program=AwardProgram.objects.get(code="governor_quality_award"), number=10, year=2024,
        announced_on=date(2024, 11, 20), source="test")


def csv_bytes(rows: list[list[str]]) -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")

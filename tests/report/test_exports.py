"""Files made by the background task: progress, download and failure."""

import io

import pytest
from django.urls import reverse
from docx import Document

from report.building import report_export_run
from report.models import ReportExport


def url(name, *args):
    return reverse(f"admin:report_workreport_{name}", args=args)


def request_export(client, report, fmt, capture):
    with capture(execute=True):
        response = client.post(url("export", report.pk), {"format": fmt})
    assert response.status_code == 302
    return ReportExport.objects.latest("id"), response["Location"]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html", "csv"])
def test_staff_make_each_file_and_download_it(
    staff_client, draft, fmt, django_capture_on_commit_callbacks
):
    job, location = request_export(
        staff_client, draft, fmt, django_capture_on_commit_callbacks
    )
    assert location == url("export_status", draft.pk, job.pk)
    job.refresh_from_db()
    assert job.status == ReportExport.Status.DONE
    assert job.progress == 100
    progress = staff_client.get(url("export_progress", draft.pk, job.pk)).json()
    assert progress["finished"] is True
    assert progress["download_url"] == url("export_download", draft.pk, job.pk)
    response = staff_client.get(progress["download_url"])
    assert response.status_code == 200
    assert f"work-report-2016-v1.{fmt}" in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    if fmt == "docx":
        assert Document(io.BytesIO(content)).paragraphs[0].text.endswith("工作报告")
    elif fmt == "pdf":
        assert content.startswith(b"%PDF")
    else:
        assert "座谈会".encode() in content or "重点工作座谈会次数".encode() in content


def test_the_status_page_polls_with_its_own_script_and_no_inline_code(
    staff_client, draft, django_capture_on_commit_callbacks
):
    job, location = request_export(
        staff_client, draft, "pdf", django_capture_on_commit_callbacks
    )
    page = staff_client.get(location).content.decode()
    assert "report/export.js" in page
    assert f'data-progress-url="{url("export_progress", draft.pk, job.pk)}"' in page
    assert "<progress" in page
    assert "下载：PDF" in page
    assert "<script>" not in page


def test_a_waiting_export_reports_its_progress_and_no_download(
    staff_client, draft, staff_user
):
    job = ReportExport.objects.create(
        report=draft,
        version=draft.latest_version(),
        format="pdf",
        requested_by=staff_user,
    )
    data = staff_client.get(url("export_progress", draft.pk, job.pk)).json()
    assert data == {
        "status": "pending",
        "status_display": "等待中",
        "progress": 0,
        "finished": False,
        "download_url": "",
        "error": "",
    }
    assert staff_client.get(url("export_download", draft.pk, job.pk)).status_code == 404


def test_a_failed_export_keeps_the_error_for_staff(draft, staff_user, monkeypatch):
    job = ReportExport.objects.create(
        report=draft,
        version=draft.latest_version(),
        format="pdf",
        requested_by=staff_user,
    )

    def broken(document, fmt):
        raise RuntimeError("字体缺失")

    monkeypatch.setattr("report.render.render", broken)
    report_export_run(job.pk)
    job.refresh_from_db()
    assert job.status == ReportExport.Status.FAILED
    assert "字体缺失" in job.error
    assert job.finished_at is not None


def test_an_export_of_another_report_is_not_found(staff_client, draft, staff_user):
    from report.services import report_generate

    other = report_generate(year=2015, user=staff_user)
    job = ReportExport.objects.create(
        report=other,
        version=other.latest_version(),
        format="pdf",
        requested_by=staff_user,
    )
    assert staff_client.get(url("export_status", draft.pk, job.pk)).status_code == 404


def test_people_who_are_not_staff_cannot_download(
    client, deputy_client, draft, staff_user
):
    job = ReportExport.objects.create(
        report=draft,
        version=draft.latest_version(),
        format="csv",
        requested_by=staff_user,
    )
    for c in (client, deputy_client):
        response = c.get(url("export_download", draft.pk, job.pk))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_the_task_takes_only_the_export_id(
    draft, staff_user, monkeypatch, django_capture_on_commit_callbacks
):
    from report import tasks
    from report.services import report_request_export

    sent = []
    monkeypatch.setattr(
        tasks.make_report_export,
        "apply_async",
        lambda args, **options: sent.append(args),
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request_export(report=draft, fmt="docx", user=staff_user)
    assert sent == [(job.pk,)]

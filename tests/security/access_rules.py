"""The access rules of the portal: who may open each URL and each admin model.

The rules are declared ONCE, here. To add a page: add its URL name to URL_RULES
(and its arguments to SAMPLES in access_world.py if it takes any). To add an
admin model: add its label to ADMIN_MODEL_RULES.
"""

PUBLIC = "public"  # everybody, logged in or not
DEPUTY = "deputy"  # any deputy with a linked Deputy record
OWNER = "owner"  # only the deputy the object belongs to (others: 403/404)
OWNER_OR_STAFF = "owner_or_staff"  # that deputy, committee staff, superusers
STAFF = "staff"  # committee staff and superusers
SUPERUSER = "superuser"  # superusers only
NOBODY = "nobody"  # refused to everybody, superusers included
SIGNED_IN = "signed_in"  # any logged-in account, each seeing only its own
UPLOADER = "uploader"  # only the member of staff who made it (superusers too: 403)

PERSONAS = ["anonymous", "resident", "deputy", "other_deputy", "staff", "superuser"]

# Who gets in under each rule. The sample objects belong to the "deputy" persona.
ALLOWED = {
    PUBLIC: set(PERSONAS),
    DEPUTY: {"deputy", "other_deputy"},
    OWNER: {"deputy"},
    OWNER_OR_STAFF: {"deputy", "staff", "superuser"},
    STAFF: {"staff", "superuser"},
    SUPERUSER: {"superuser"},
    NOBODY: set(),
    SIGNED_IN: set(PERSONAS) - {"anonymous"},
    # The sample objects of staff (a ledger import) belong to the "staff" persona.
    UPLOADER: {"staff"},
}

# Every named URL of the portal: a rule for GET, or a rule per method where a
# POST does what the page only offers. Admin pages of a model (changelist, add,
# change, delete, history) are covered by ADMIN_MODEL_RULES instead; the extra
# pages model admins add (imports, exports, statistics, ...) are listed here.
URL_RULES = {
    # portal
    "home": PUBLIC,
    "healthz": PUBLIC,
    "set_language": PUBLIC,
    "login": PUBLIC,
    "logout": PUBLIC,
    "security:two_factor_setup": STAFF,
    "security:two_factor_verify": STAFF,
    "my:home": DEPUTY,
    "my:archive": DEPUTY,
    "my:archive_export": DEPUTY,
    "my:dashboard": DEPUTY,
    "my:changes": SIGNED_IN,
    "captcha-image": PUBLIC,
    "captcha-image-2x": PUBLIC,
    "captcha-audio": PUBLIC,
    "captcha-refresh": PUBLIC,
    "javascript-catalog": PUBLIC,
    # deputies
    "deputies:list": PUBLIC,
    "deputies:detail": PUBLIC,
    "deputies:my_reflections": DEPUTY,
    "deputies:my_reflection_edit": OWNER,
    # reception
    "reception:station_list": PUBLIC,
    "reception:station_detail": PUBLIC,
    "reception:my_sessions": DEPUTY,
    "reception:my_session_new": DEPUTY,
    "reception:my_session_detail": OWNER,
    "reception:my_session_edit": OWNER,
    "reception:my_session_delete": OWNER,
    "reception:session_photo": OWNER_OR_STAFF,
    # suggestions
    "suggestions:suggest": PUBLIC,
    "suggestions:suggest_done": PUBLIC,
    "suggestions:privacy": PUBLIC,
    "suggestions:track": PUBLIC,
    "suggestions:track_result": PUBLIC,
    "suggestions:track_rate": PUBLIC,
    # Only a POST, from whoever passed the tracking digits check in their session
    # (without one: sent back to the tracking page, nothing stopped).
    "suggestions:track_notices_stop": {"POST": PUBLIC},
    # The signed link of each notice e-mail: the token is the credential; a GET
    # only asks to confirm, the POST stops the notices.
    "suggestions:notices_stop": {"GET": PUBLIC, "POST": PUBLIC},
    # A serving deputy with a register record records a voter's item.
    "suggestions:quick_item": {"GET": DEPUTY, "POST": DEPUTY},
    "suggestions:my_suggestions": DEPUTY,
    "suggestions:my_suggestion": OWNER,
    "suggestions:from_session_issue": OWNER,
    "suggestions:photo": OWNER_OR_STAFF,
    # publicity
    "publicity:news_list": PUBLIC,
    "publicity:news_feed": PUBLIC,
    "publicity:profile_list": PUBLIC,
    "publicity:news_detail": PUBLIC,
    # duty rosters: the public feeds and posters of stations in service and of
    # serving deputies; every poster at once for staff; a deputy's own roster
    "rosters:station_calendar": PUBLIC,
    "rosters:station_poster": PUBLIC,
    "rosters:deputy_calendar": PUBLIC,
    "rosters:deputy_poster": PUBLIC,
    "rosters:all_posters": STAFF,
    "rosters:my_roster": DEPUTY,
    # work plan
    "workplan:my_plan": DEPUTY,
    # register exports: committee staff, each their own (superusers all)
    "exports:download": STAFF,
    "exports:progress": STAFF,
    # open data and the public API
    "opendata:page": PUBLIC,
    "opendata:download": PUBLIC,
    "api:schema": PUBLIC,
    "api:docs": PUBLIC,
    "api:stations": PUBLIC,
    "api:station": PUBLIC,
    "api:deputies": PUBLIC,
    "api:deputy": PUBLIC,
    "api:news": PUBLIC,
    "api:article": PUBLIC,
    "api:track": PUBLIC,
    # Channels (WeChat) submit with an API token, which no persona holds.
    "api:wechat_submit": NOBODY,
    # the admin site itself
    "admin:index": STAFF,
    "admin:login": PUBLIC,
    "admin:logout": PUBLIC,
    "admin:jsi18n": STAFF,
    "admin:view_on_site": STAFF,
    "admin:app_list": STAFF,
    "admin:password_change": STAFF,
    "admin:password_change_done": STAFF,
    "admin:autocomplete": STAFF,
    "admin:auth_user_password_change": SUPERUSER,
    # extra admin pages of the apps
    "admin:deputies_deputy_import": STAFF,
    "admin:deputies_deputy_import_template": STAFF,
    "admin:deputies_deputy_export": STAFF,
    "admin:deputies_deputy_archive": STAFF,
    "admin:deputies_deputy_archive_export": STAFF,
    "admin:reception_receptionsession_statistics": STAFF,
    "admin:suggestions_suggestion_act": STAFF,
    "admin:suggestions_suggestion_simple_history": STAFF,
    # Staff may open the page, but revealing a resident's contact details (POST)
    # needs a permission staff are given one by one, never through the group.
    "admin:suggestions_suggestion_reveal": {"GET": STAFF, "POST": SUPERUSER},
    "admin:publicity_submission_yearly": STAFF,
    "admin:publicity_submission_yearly_export": STAFF,
    "admin:report_workreport_document": STAFF,
    "admin:report_workreport_compare": STAFF,
    "admin:report_workreport_finalise": STAFF,
    "admin:report_workreport_refresh": STAFF,
    "admin:report_workreport_export": STAFF,
    "admin:report_workreport_export_status": STAFF,
    "admin:report_workreport_export_progress": STAFF,
    "admin:report_workreport_export_download": STAFF,
    "admin:rosters_dutyrule_planned_held": STAFF,
    # Importing a ledger needs the add permission of the records it adds (staff
    # hold all four); only the one who uploaded a sheet confirms its import (a
    # GET only leads back to the list).
    "admin:ledgers_upload": STAFF,
    "admin:ledgers_template": STAFF,
    "admin:ledgers_confirm": {"GET": STAFF, "POST": UPLOADER},
    "admin:otp_totp_totpdevice_config": SUPERUSER,
    "admin:otp_totp_totpdevice_qrcode": SUPERUSER,
}


def model_rule(default, **overrides):
    rule = dict.fromkeys(("view", "add", "change", "delete"), default)
    rule.update(overrides)
    return rule


STAFF_MODEL = model_rule(STAFF)
READ_ONLY_FOR_STAFF = model_rule(NOBODY, view=STAFF)

# Every model in the admin: who may view, add, change, delete (and export, where
# the model admin has an export action). Staff keep the four apps' records
# unless the admin says otherwise; deputies and residents never reach the admin.
ADMIN_MODEL_RULES = {
    "auth.user": model_rule(SUPERUSER),
    "auth.group": model_rule(SUPERUSER),
    # Staff see login attempts and unlock accounts; the logs are theirs to read.
    "axes.accessattempt": model_rule(STAFF, add=NOBODY, change=SUPERUSER),
    "axes.accesslog": model_rule(SUPERUSER, view=STAFF, add=NOBODY),
    "axes.accessfailurelog": model_rule(SUPERUSER, add=NOBODY),
    "otp_totp.totpdevice": model_rule(SUPERUSER),
    # Staff read the audit trail (the role's view permission); nobody edits it.
    "security.auditevent": model_rule(NOBODY, view=STAFF),
    "admin.logentry": model_rule(NOBODY, view=SUPERUSER),
    "deputies.community": STAFF_MODEL,
    "deputies.constituency": STAFF_MODEL,
    "deputies.deputy": model_rule(STAFF, export=STAFF),
    "deputies.dutyactivity": STAFF_MODEL,
    "deputies.dutyreport": STAFF_MODEL,
    "deputies.byelection": STAFF_MODEL,
    "reception.standarditem": STAFF_MODEL,
    # The checks' own list, where staff correct them; under a station the
    # recorded ones are read-only (the inline), new dated ones are added.
    "reception.standardcheck": STAFF_MODEL,
    "reception.station": STAFF_MODEL,
    "reception.delegationvisit": STAFF_MODEL,
    "reception.receptionsession": model_rule(STAFF, export=STAFF),
    # The register of suggestions is kept whole: nobody deletes one.
    "suggestions.suggestion": model_rule(STAFF, delete=NOBODY, export=STAFF),
    "suggestions.category": STAFF_MODEL,
    "suggestions.handlingunit": STAFF_MODEL,
    "suggestions.escalation": READ_ONLY_FOR_STAFF,
    "suggestions.rating": READ_ONLY_FOR_STAFF,
    "suggestions.notification": READ_ONLY_FOR_STAFF,
    "suggestions.personaldatareveal": READ_ONLY_FOR_STAFF,
    # The outbox of residents' notices, never an address in it.
    "suggestions.residentnotice": READ_ONLY_FOR_STAFF,
    "publicity.outlet": STAFF_MODEL,
    "publicity.article": STAFF_MODEL,
    "publicity.submission": STAFF_MODEL,
    "report.workreport": STAFF_MODEL,
    "report.reportexport": model_rule(STAFF, add=NOBODY, change=NOBODY),
    "rosters.dutyrule": STAFF_MODEL,
    # Reminders are made by the schedule and kept as a record of what was sent.
    "rosters.reminder": READ_ONLY_FOR_STAFF,
    # The log of ledger imports: each sees the ledgers they may import; the
    # pages above import, nobody edits the log.
    "ledgers.ledgerimport": READ_ONLY_FOR_STAFF,
    "workplan.priorityline": STAFF_MODEL,
    "workplan.planheading": STAFF_MODEL,
    "workplan.keywork": STAFF_MODEL,
    "workplan.workplan": STAFF_MODEL,
    "workplan.planitem": STAFF_MODEL,
    # Register exports are made, never edited; each belongs to its maker.
    "exports.export": model_rule(STAFF, change=NOBODY),
    "api.apitoken": STAFF_MODEL,
}

#!/usr/bin/env python3
"""Generates the activities of bench/activity-bulk.sh: NDJSON batches for the gateway's bulk path and
one CSV of the same rows, as the activity table stores them, for psql \\copy into a bare table.

usage: activity-bulk-data.py OUT_DIR RUN_ID COUNT BATCH UNITS_CSV
"""
import hashlib
import json
import os
import sys
import uuid
from datetime import datetime, timedelta, timezone

out, run, count, batch, units = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5].split(",")
forms = [("SMALL_GROUP", "attendance"), ("CONFERENCE", "attendance"), ("LIVESTREAM", "plays"),
         ("LOUDSPEAKER_BROADCAST", "quantity"), ("SOCIAL_POST", "reach"), ("BANNER", "quantity")]
zone = timezone(timedelta(hours=7))
base = datetime(2024, 5, 1, 7, 0, tzinfo=zone)
now = datetime.now(timezone.utc).isoformat()
columns = ["id", "org_unit_code", "form", "title", "place", "started_at", "ended_at", "attendance", "reach",
           "plays", "quantity", "new_social_insurance", "new_health_insurance", "app_installs", "cost_vnd",
           "reporter", "external_id", "content_hash", "revision", "verification_status", "withdrawn",
           "last_change", "changed_by", "created_at", "updated_at", "change_seq", "write_xid", "version"]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "copy.csv"), "w", encoding="utf-8") as copy:
    for b in range(0, count, batch):
        with open(os.path.join(out, "batch-%06d.ndjson" % (b // batch)), "w", encoding="utf-8") as ndjson:
            for i in range(b, min(count, b + batch)):
                form, figure = forms[i % len(forms)]
                unit = units[i % len(units)]
                start = base + timedelta(minutes=(i * 7) % (60 * 24 * 30))
                record = {"externalId": "bench-%s-%d" % (run, i), "orgUnitCode": unit, "form": form,
                          "title": "Tuyên truyền chính sách BHXH tự nguyện #%d" % i,
                          "place": "Nhà văn hoá thôn %d" % (i % 500),
                          "startedAt": start.isoformat(), "endedAt": (start + timedelta(hours=2)).isoformat(),
                          figure: 10 + i % 90, "newSocialInsurance": i % 3, "newHealthInsurance": i % 7,
                          "appInstalls": i % 5, "costVnd": 500000}
                ndjson.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
                row = [str(uuid.uuid4()), unit, form, record["title"], record["place"], record["startedAt"],
                       record["endedAt"], record.get("attendance", ""), record.get("reach", ""),
                       record.get("plays", ""), record.get("quantity", ""), i % 3, i % 7, i % 5, 500000,
                       "unit:" + unit, record["externalId"],
                       hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest(), 1, "REPORTED", "f",
                       "RECORDED", "national-admin", now, now, i + 1, 1000, 0]
                copy.write(",".join('"%s"' % v if isinstance(v, str) and ("," in v or '"' in v) else str(v)
                                    for v in row) + "\n")
print(",".join(columns))
